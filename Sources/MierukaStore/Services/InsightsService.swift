import Foundation
import MierukaCore

/// The insights over the store: the period's facts, the scope's rate targets and each lead's last outbound activity,
/// handed to the core's `InsightsReport`. CLI and API both come through here.
public struct InsightsService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// Insights for `[from, to)` of the organisation (team nil) or a team.
    /// - Parameter today: the organisation's today (default: now). The re-approach list is as of the earlier of today and
    ///   the period's last day, so a past period's list reads the same whenever it is asked for.
    public func insights(from: LocalDate, to: LocalDate, team: String?, today: LocalDate? = nil) async throws -> InsightsReport {
        let settings = try await store.settings()
        if let team {
            let teams = Set(try await store.reps().compactMap(\.team))
            guard teams.contains(team) else {
                throw InsightsError(message: "no team named \(team); teams are \(teams.sorted().joined(separator: ", "))")
            }
        }
        let engine = KPIEngine(settings: settings)
        let period = engine.period(from: from, to: to)
        let asOf = min(today ?? settings.clock.localDate(of: Date()), to.adding(days: -1))
        let facts = try await store.facts(for: period)
        let lastOutbound = try await store.lastOutboundActivities(before: settings.clock.startOfDay(asOf.adding(days: 1)))
        return InsightsReport(
            facts: facts, period: period, team: team, targets: try await rateTargets(from: from, team: team), lastOutbound: lastOutbound,
            asOf: asOf, engine: engine)
    }

    /// The scope's targets for the funnel's rates whose period starts with the insights' period (as the dashboard reads them).
    public func rateTargets(from: LocalDate, team: String?) async throws -> [String: Double] {
        let rates = Set(FunnelStep.allCases.map(\.rateKPI))
        var targets: [String: Double] = [:]
        for t in try await store.targets() where t.periodStart == from && rates.contains(t.kpi) {
            switch (t.scope, team) {
            case (.org, nil): targets[t.kpi] = t.value
            case (.team, let team?) where t.scopeId == team: targets[t.kpi] = t.value
            default: break
            }
        }
        return targets
    }
}

/// Insights that cannot be made, and what to do instead.
public struct InsightsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
