import Foundation

/// The thresholds an organisation may change (with a recorded history). Defaults follow data-model.md.
public struct OrganisationSettings: Sendable, Hashable {
    public var timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!
    public var fiscalYearStartMonth: Int = 4
    /// A connected outbound call of at least this many seconds is a 有効会話.
    public var validConversationSeconds: Int = 120
    /// First response within this many minutes (inclusive) complies with the SLA.
    public var slaMinutes: Double = 60
    /// Channels outside the SLA scope (not inbound leads).
    public var slaExcludedChannels: Set<String> = ["outbound_list", "dormant", "existing_customer"]
    /// An opportunity with at least this quality score is a 有効商談.
    public var validOpportunityScore: Int = 60
    /// Gross margin used by LTV (1.0 = revenue).
    public var grossMargin: Double = 1.0
    public var currency: String = "JPY"
    /// Closed days besides weekends and national holidays (年末年始 by default).
    public var closedDays: ClosedDays = .yearEnd

    public init() {}

    public var calendar: BusinessCalendar { BusinessCalendar(closed: closedDays) }

    public var clock: OrgClock { OrgClock(timeZone: timeZone) }

    public func isInSLAScope(channel: String) -> Bool { !slaExcludedChannels.contains(channel) }
}

/// One setting as stored: a key, its text value, and what it means.
public struct SettingDefinition: Sendable {
    public let key: String
    public let defaultValue: String
    public let ja: String
    public let en: String
    public let validate: @Sendable (String) -> Bool

    public static let all: [SettingDefinition] = [
        .init(key: "time_zone", defaultValue: "Asia/Tokyo", ja: "タイムゾーン", en: "Time zone") { TimeZone(identifier: $0) != nil },
        .init(key: "fiscal_year_start_month", defaultValue: "4", ja: "期首月", en: "Fiscal year start month") {
            Int($0).map { (1...12).contains($0) } ?? false
        },
        .init(key: "valid_conversation_seconds", defaultValue: "120", ja: "有効会話の通話秒数(以上)", en: "Valid conversation seconds (at least)") {
            Int($0).map { $0 >= 0 } ?? false
        },
        .init(key: "sla_minutes", defaultValue: "60", ja: "初回対応SLA(分以内)", en: "First-response SLA minutes (within)") {
            Double($0).map { $0 >= 0 } ?? false
        },
        .init(key: "sla_excluded_channels", defaultValue: "outbound_list,dormant,existing_customer",
              ja: "SLA対象外チャネル(カンマ区切り)", en: "Channels outside the SLA scope (comma-separated)") { _ in true },
        .init(key: "valid_opportunity_score", defaultValue: "60", ja: "有効商談の品質スコア(以上)", en: "Valid opportunity quality score (at least)") {
            Int($0).map { (0...100).contains($0) } ?? false
        },
        .init(key: "gross_margin", defaultValue: "1.0", ja: "粗利率(LTV用)", en: "Gross margin (for LTV)") {
            Double($0).map { $0 > 0 && $0 <= 1 } ?? false
        },
        .init(key: "currency", defaultValue: "JPY", ja: "通貨", en: "Currency") { $0.count == 3 },
        .init(key: "closed_days", defaultValue: "12-29..01-03",
              ja: "休業日(祝日以外; 例 12-29..01-03,08-13..08-15,2026-10-01)", en: "Closed days besides holidays (e.g. 12-29..01-03,08-13..08-15,2026-10-01)") {
            ClosedDays($0) != nil
        },
    ]

    public static func named(_ key: String) -> SettingDefinition? { all.first { $0.key == key } }
}

extension OrganisationSettings {
    /// Builds settings from stored key/value text; unknown keys are ignored, missing keys keep their defaults.
    public init(values: [String: String]) {
        self.init()
        if let v = values["time_zone"], let tz = TimeZone(identifier: v) { timeZone = tz }
        if let v = values["fiscal_year_start_month"].flatMap(Int.init), (1...12).contains(v) { fiscalYearStartMonth = v }
        if let v = values["valid_conversation_seconds"].flatMap(Int.init) { validConversationSeconds = v }
        if let v = values["sla_minutes"].flatMap(Double.init) { slaMinutes = v }
        if let v = values["sla_excluded_channels"] {
            slaExcludedChannels = Set(v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        if let v = values["valid_opportunity_score"].flatMap(Int.init) { validOpportunityScore = v }
        if let v = values["gross_margin"].flatMap(Double.init) { grossMargin = v }
        if let v = values["currency"] { currency = v }
        if let v = values["closed_days"].flatMap(ClosedDays.init) { closedDays = v }
    }
}
