import Foundation
import MierukaCore

/// How `mieruka kpi` and the API split and group a range.
public enum KPIBreakdown: String, Sendable, CaseIterable {
    case org, rep, team, channel, day, week, month, quarter
    case fiscalYear = "fiscal_year"

    public var grain: PeriodGrain? { PeriodGrain(rawValue: rawValue) }
    public var grouping: KPIGrouping { KPIGrouping(rawValue: rawValue) ?? .org }
}

/// Computes catalog KPIs from the store: the one path every caller (CLI, API, pages) takes.
public struct KPIService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// `[from, to)` in the organisation's time zone; by a period grain the group is each period's start date.
    public func compute(from: LocalDate, to: LocalDate, by breakdown: KPIBreakdown, only: Set<String>? = nil) async throws -> [KPIResult] {
        let settings = try await store.settings()
        let engine = KPIEngine(settings: settings)
        guard let grain = breakdown.grain else {
            let period = engine.period(from: from, to: to)
            return engine.compute(try await store.facts(for: period), period: period, grouping: breakdown.grouping, only: only)
        }
        var results: [KPIResult] = []
        for part in grain.split(from: from, to: to, fiscalYearStartMonth: settings.fiscalYearStartMonth) {
            let period = engine.period(from: part.from, to: part.to)
            for var result in engine.compute(try await store.facts(for: period), period: period, grouping: .org, only: only) {
                result.group = part.from.description
                results.append(result)
            }
        }
        return results
    }
}
