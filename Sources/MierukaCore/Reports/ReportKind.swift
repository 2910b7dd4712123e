/// The four generated reports (seed 000: 期間に適した指標; seed 002: 自動レポート生成, 経営層への報告).
public enum ReportKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Activity per rep for one day against that day's target.
    case daily
    /// The flow: funnel rates of a week against the week before, the bottleneck and its advice.
    case weekly
    /// Results of a month against target, the landing forecast and the phase.
    case monthly
    /// Revenue contribution, pipeline, CAC, ROI, LTV/CAC, year over year and forecast accuracy of the organisation.
    case executive

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.daily, .ja): return "日次レポート"
        case (.weekly, .ja): return "週次レポート"
        case (.monthly, .ja): return "月次レポート"
        case (.executive, .ja): return "経営層向けレポート"
        case (.daily, .en): return "Daily report"
        case (.weekly, .en): return "Weekly report"
        case (.monthly, .en): return "Monthly report"
        case (.executive, .en): return "Executive report"
        }
    }

    /// Whether the report can be made for one team (the executive figures — cost, CAC, LTV — exist for the organisation only).
    public var allowsTeam: Bool { self != .executive }
}

/// Whose figures a report holds: the organisation or one team.
public enum ReportScope: Sendable, Hashable, Codable {
    case org
    case team(String)

    public var team: String? {
        if case .team(let t) = self { return t }
        return nil
    }

    /// The engine's group name ("org" or the team).
    public var group: String { team ?? "org" }

    public func label(_ language: Language) -> String { team ?? (language == .ja ? "全社" : "Organisation") }
}

/// When and for what a report was made, printed in its header.
public struct ReportHeader: Sendable, Hashable {
    public var kind: ReportKind
    public var scope: ReportScope
    /// The period reported, [from, to).
    public var from: LocalDate
    public var to: LocalDate
    /// The local date and minute of the day (organisation's time zone) it was generated.
    public var generatedOn: LocalDate
    public var generatedMinute: Int
    /// e.g. "Asia/Tokyo".
    public var timeZone: String

    public init(kind: ReportKind, scope: ReportScope, from: LocalDate, to: LocalDate, generatedOn: LocalDate, generatedMinute: Int, timeZone: String) {
        self.kind = kind
        self.scope = scope
        self.from = from
        self.to = to
        self.generatedOn = generatedOn
        self.generatedMinute = generatedMinute
        self.timeZone = timeZone
    }
}
