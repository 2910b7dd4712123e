import Foundation
import MierukaCore

/// `mieruka rollup check`: the rollups' answers against a full recount from the records.
public struct RollupService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    public struct Disagreement: Sendable {
        public var from: LocalDate
        public var to: LocalDate
        public var grouping: KPIGrouping
        public var difference: String
    }

    public struct CheckReport: Sendable {
        public var answers = 0
        public var figures = 0
        public var disagreements: [Disagreement] = []
    }

    /// The periods a check compares: every month, quarter and fiscal year touching `[from, to)`, and the weeks and days
    /// of its last month.
    public static func periods(from: LocalDate, to: LocalDate, fiscalYearStartMonth: Int) -> [(from: LocalDate, to: LocalDate)] {
        var periods: [(LocalDate, LocalDate)] = []
        for grain in [PeriodGrain.month, .quarter, .fiscalYear] {
            var start = grain.start(of: from, fiscalYearStartMonth: fiscalYearStartMonth)
            while start < to {
                periods.append((start, grain.next(after: start)))
                start = grain.next(after: start)
            }
        }
        let lastMonth = PeriodGrain.month.start(of: to.adding(days: -1), fiscalYearStartMonth: fiscalYearStartMonth)
        var week = PeriodGrain.week.start(of: lastMonth, fiscalYearStartMonth: fiscalYearStartMonth)
        while week < to {
            periods.append((week, week.adding(days: 7)))
            week = week.adding(days: 7)
        }
        var day = lastMonth
        while day < to {
            periods.append((day, day.adding(days: 1)))
            day = day.adding(days: 1)
        }
        return periods
    }

    /// Compares every grouping over `periods`; throws when the rollups are not current (rebuild first).
    public func check(periods: [(from: LocalDate, to: LocalDate)], progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> CheckReport {
        let settings = try await store.settings()
        let engine = KPIEngine(settings: settings)
        let reps = try await store.reps()
        guard try await store.rollupsUsable(settings: settings, reps: reps) else { throw RollupsNotCurrent() }
        var report = CheckReport()
        for (index, range) in periods.enumerated() {
            let period = engine.period(from: range.from, to: range.to)
            guard engine.rollupGrain(for: period) != nil else { continue }
            let facts = try await store.facts(for: period)
            for grouping in KPIGrouping.allCases {
                let expected = engine.compute(facts, period: period, grouping: grouping)
                let read = try await store.rollupRead(period: period, grouping: grouping, settings: settings, reps: reps)
                let actual = engine.compute(rollup: read, period: period, grouping: grouping)
                report.answers += 1
                report.figures += expected.count
                if let difference = RollupAgreement.firstDifference(expected, actual) {
                    report.disagreements.append(Disagreement(from: range.from, to: range.to, grouping: grouping, difference: difference))
                }
            }
            progress?(index + 1, periods.count)
        }
        return report
    }

    /// The first and last day with activity, leads or opportunities (the span a check covers by default).
    public func dataSpan() async throws -> (from: LocalDate, to: LocalDate)? {
        let rows = try await store.query(
            "SELECT MIN(t), MAX(t) FROM (SELECT MIN(occurred_at) AS t FROM activities UNION ALL SELECT MAX(occurred_at) FROM activities "
                + "UNION ALL SELECT MIN(created_at) FROM leads UNION ALL SELECT MAX(created_at) FROM leads) AS spans", [])
        guard let first = rows.first?[0].date, let last = rows.first?[1].date else { return nil }
        let clock = try await store.settings().clock
        return (clock.localDate(of: first), clock.localDate(of: last).adding(days: 1))
    }
}

public struct RollupsNotCurrent: Error, CustomStringConvertible {
    public var description: String {
        "the rollups do not match the records, settings or teams (run `mieruka rollup rebuild`)"
    }
}
