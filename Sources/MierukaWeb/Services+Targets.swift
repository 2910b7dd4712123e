import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// A target that cannot be stored, and why (one line per field).
public struct TargetProblem: Sendable {
    public var index: Int
    public var field: String
    public var message: String
}

public struct TargetsRefused: Error, Sendable {
    public var problems: [TargetProblem]
}

extension Services {
    /// The targets the viewer may see, newest period first.
    public func targets(viewer: Viewer) async throws -> [Target] {
        let policy = try await self.policy(for: viewer)
        return try await store.targets().filter(policy.seesTarget).sorted {
            ($1.periodStart, $0.scope.rawValue, $0.scopeId ?? "", $0.kpi) < ($0.periodStart, $1.scope.rawValue, $1.scopeId ?? "", $1.kpi)
        }
    }

    /// Validates every target, checks the viewer may set each, and stores them all in one transaction (a target with the
    /// same KPI, scope and period is replaced) — or none: `TargetsRefused` lists every problem.
    public func saveTargets(_ targets: [Target], viewer: Viewer) async throws -> MergeCounts {
        let policy = try await self.policy(for: viewer)
        for (i, t) in targets.enumerated() where !policy.setsTarget(t) {
            throw HTTPError(.forbidden, message: "target \(i) (\(t.scope.rawValue) \(t.scopeId ?? "")) is not yours to set")
        }
        let problems = try await targetProblems(Array(targets.enumerated()))
        guard problems.isEmpty else { throw TargetsRefused(problems: problems) }
        let rows = targets.map { CanonicalRecord.target($0).cells }
        let store = self.store
        return try await store.transaction {
            try await store.stage(.targets, rows: rows)
            return try await store.mergeStaged(.targets)
        }
    }

    /// Every rule a target breaks (catalog KPI, existing scope, period start, value), by its index in the request.
    public func targetProblems(_ targets: [(offset: Int, element: Target)]) async throws -> [TargetProblem] {
        let reps = try await store.reps()
        let rules = TargetRules(teams: Set(reps.compactMap(\.team)), reps: Set(reps.map(\.id)),
                                fiscalYearStartMonth: try await store.settings().fiscalYearStartMonth)
        return targets.flatMap { i, t in rules.problems(t).map { TargetProblem(index: i, field: $0.field, message: $0.message) } }
    }

    /// Removes a target the viewer may set; returns whether one was stored.
    public func deleteTarget(_ target: Target, viewer: Viewer) async throws -> Bool {
        guard try await policy(for: viewer).setsTarget(target) else { throw HTTPError(.forbidden, message: "this target is not yours to remove") }
        let store = self.store
        return try await store.transaction { try await store.deleteTargets([target]) } > 0
    }
}
