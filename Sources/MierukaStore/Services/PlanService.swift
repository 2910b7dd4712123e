import Foundation
import MierukaCore

/// The planner over the store: gathers the scope's last months of rates, its reps and business days, and saves a plan
/// as targets. CLI, API and the plan page all come through here.
public struct PlanService: Sendable {
    public let store: any Store
    /// Complete months before the plan's month that history rates are pooled over.
    public var historyMonths = 3

    public init(store: any Store) { self.store = store }

    /// A plan for `month` of the organisation (team nil) or a team.
    public func plan(kgi: KGI, month: YearMonth, team: String?, useHistory: Bool = true, manualRates: [String: Double] = [:]) async throws -> KGIPlan {
        let settings = try await store.settings()
        let allReps = try await store.reps()
        if let team, !allReps.contains(where: { $0.team == team }) {
            throw PlanError(message: "no team named \(team); teams are \(Set(allReps.compactMap(\.team)).sorted().joined(separator: ", "))")
        }
        let start = month.firstDay
        let rateIds = Set((KGIPlanner.salesChain + KGIPlanner.leadChain).map(\.rate))
        var history: [String: KPIValue] = [:]
        if useHistory {
            let lines = try await KPIService(store: store).compute(from: start.adding(months: -historyMonths), to: start, by: team == nil ? .org : .team, only: rateIds)
            for line in lines where line.group == (team ?? "org") { history[line.kpi] = line.value }
        }
        let businessDays = settings.calendar.businessDays(from: start, to: start.adding(months: 1))
        return KGIPlanner().plan(kgi: kgi, month: month, scope: team ?? "org", businessDays: businessDays,
                                 reps: allReps.filter { team == nil || $0.team == team }, history: history, historyMonths: historyMonths,
                                 useHistory: useHistory, manualRates: manualRates)
    }

    /// The plan's month as targets: every step and rate for the scope, every count step per rep. One transaction;
    /// a target with the same KPI, scope and month is replaced.
    public func targets(of plan: KGIPlan) -> [Target] {
        let start = plan.month.firstDay
        let scope: TargetScope = plan.scope == "org" ? .org : .team
        let scopeId = plan.scope == "org" ? nil : plan.scope
        var targets: [Target] = []
        for step in plan.steps {
            targets.append(Target(kpi: step.kpi, scope: scope, scopeId: scopeId, period: .month, periodStart: start, value: step.monthly))
            if let rate = step.rate {
                targets.append(Target(kpi: rate.kpi, scope: scope, scopeId: scopeId, period: .month, periodStart: start, value: rate.value))
            }
        }
        for rep in plan.reps {
            for (kpi, value) in rep.monthly.sorted(by: { $0.key < $1.key }) {
                targets.append(Target(kpi: kpi, scope: .rep, scopeId: rep.repId, period: .month, periodStart: start, value: value))
            }
        }
        return targets
    }

    public func save(_ plan: KGIPlan) async throws -> MergeCounts {
        let rows = targets(of: plan).map { CanonicalRecord.target($0).cells }
        let store = self.store
        return try await store.transaction {
            try await store.stage(.targets, rows: rows)
            return try await store.mergeStaged(.targets)
        }
    }
}

/// A plan that cannot be made, and what to do instead.
public struct PlanError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
