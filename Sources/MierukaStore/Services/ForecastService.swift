import Foundation
import MierukaCore

/// The landing forecast of a month for the organisation or a team (actual so far, pace, landing, target), and the
/// daily snapshot that makes forecast_accuracy computable once the month is closed.
public struct ForecastService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    public struct Report: Sendable, Codable {
        public var from: LocalDate
        public var to: LocalDate
        public var businessDaysElapsed: Int
        public var businessDaysTotal: Int
        public var lines: [ForecastLine]
    }

    /// The month's forecast for `team` (nil = the organisation) as of `today`.
    public func forecast(month: YearMonth, team: String?, today: LocalDate, only: Set<String>? = nil) async throws -> Report {
        let from = month.firstDay
        let to = from.adding(months: 1)
        let calendar = try await store.settings().calendar
        let elapsed = calendar.businessDays(from: from, to: min(max(today.adding(days: 1), from), to))
        let total = calendar.businessDays(from: from, to: to)
        // So far = up to the end of today (the whole month once it is over; nothing before it starts).
        let soFar = min(max(today.adding(days: 1), from.adding(days: 1)), to)
        let lines = try await KPIService(store: store).compute(from: from, to: soFar, by: team == nil ? .org : .team, only: only)
            .filter { $0.group == (team ?? "org") }
        var targets: [String: Double] = [:]
        for t in try await store.targets() where t.periodStart == from && t.period == .month {
            if team == nil ? t.scope == .org : (t.scope == .team && t.scopeId == team) { targets[t.kpi] = t.value }
        }
        return Report(from: from, to: to, businessDaysElapsed: elapsed, businessDaysTotal: total,
                      lines: ForecastLine.lines(lines, targets: [team ?? "org": targets], elapsed: elapsed, total: total))
    }

    /// Records today's landing of every count and sum KPI for the organisation and each team, once a day (the day's
    /// first computation). Returns how many forecasts were recorded (0 when today's are already there).
    @discardableResult
    public func snapshotIfNeeded(today: LocalDate) async throws -> Int {
        let from = today.yearMonth.firstDay
        let to = from.adding(months: 1)
        guard try await !store.hasForecasts(from: from, to: to, madeOn: today) else { return 0 }
        let calendar = try await store.settings().calendar
        let elapsed = calendar.businessDays(from: from, to: today.adding(days: 1))
        let total = calendar.businessDays(from: from, to: to)
        guard elapsed > 0 else { return 0 }
        let carried = Set(KPICatalog.standard.definitions.filter { Landing.applies(to: $0.kind) }.map(\.id))
        var snapshots: [ForecastSnapshot] = []
        for by in [KPIBreakdown.org, .team] {
            for line in try await KPIService(store: store).compute(from: from, to: today.adding(days: 1), by: by, only: carried) {
                guard let group = line.group, let actual = line.value.value,
                      let landing = Landing.value(actual: actual, elapsed: elapsed, total: total) else { continue }
                snapshots.append(ForecastSnapshot(kpi: line.kpi, group: group, periodFrom: from, periodTo: to, madeOn: today, actual: actual, landing: landing))
            }
        }
        // A recorded forecast is forecast_accuracy's reference: cached answers are no longer current.
        let made = snapshots
        return try await store.transaction {
            let recorded = try await store.recordForecasts(made)
            if recorded > 0 { try await store.answersChanged() }
            return recorded
        }
    }
}
