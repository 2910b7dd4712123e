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
        let answers = try await KPIAnswers(store: store)
        let engine = answers.engine
        guard let grain = breakdown.grain else {
            return try await answers.compute(engine.period(from: from, to: to), grouping: breakdown.grouping, only: only)
        }
        var results: [KPIResult] = []
        for part in grain.split(from: from, to: to, fiscalYearStartMonth: engine.settings.fiscalYearStartMonth) {
            for var result in try await answers.compute(engine.period(from: part.from, to: part.to), grouping: .org, only: only) {
                result.group = part.from.description
                results.append(result)
            }
        }
        return results
    }
}
