import Foundation
import MierukaCore

/// Answers KPI questions the cheapest exact way: from the rollup cells when they are current and the period starts a
/// day / week / month / quarter / fiscal-year bucket and stays inside it, otherwise by counting the records. Made once per
/// request (it reads the settings, reps and rollup state once); the records are read at most once, on first need.
public final class KPIAnswers: @unchecked Sendable {
    public let store: any Store
    public let engine: KPIEngine
    public let reps: [Rep]
    public let rollupsUsable: Bool
    /// The records read for `recordsPeriod` when an answer needed them (answers for sub-periods reuse them).
    private var facts: KPIFacts?
    private var recordsPeriod: Period?
    private let lock = NSLock()

    public init(store: any Store) async throws {
        self.store = store
        let settings = try await store.settings()
        engine = KPIEngine(settings: settings)
        reps = try await store.reps()
        rollupsUsable = try await store.rollupsUsable(settings: settings, reps: reps)
    }

    /// Figures that depend on more than the period's own activities and opportunities.
    static let ownRecordsKPIs: Set<String> = ["recontact_interval_days_avg", "recontact_interval_days_median", "forecast_accuracy"]

    /// Whether `period` is answered from the rollups.
    public func usesRollups(_ period: Period) -> Bool { rollupsUsable && engine.rollupGrain(for: period) != nil }

    /// Every KPI (or `only`) for `period` by `grouping`. `within` names a larger period whose records may be read once
    /// and reused for sub-periods the rollups cannot answer (the dashboard's days and weeks inside its month).
    public func compute(_ period: Period, grouping: KPIGrouping, only: Set<String>? = nil, within: Period? = nil) async throws -> [KPIResult] {
        if usesRollups(period) {
            let read = try await store.rollupRead(period: period, grouping: grouping, settings: engine.settings, reps: reps)
            return engine.compute(rollup: read, period: period, grouping: grouping, only: only)
        }
        // A larger period's records serve a sub-period except where a figure looks past the sub-period's end (the next
        // outbound activity after it) or at a forecast recorded for it: those read the sub-period's own records.
        let outer = only.map { $0.isDisjoint(with: Self.ownRecordsKPIs) } == true ? (within ?? period) : period
        let cached: KPIFacts? = lock.withLock { recordsPeriod == outer ? self.facts : nil }
        let records: KPIFacts
        if let cached {
            records = cached
        } else {
            records = try await store.facts(for: outer)
            lock.withLock {
                self.facts = records
                recordsPeriod = outer
            }
        }
        return engine.compute(records, period: period, grouping: grouping, only: only)
    }
}
