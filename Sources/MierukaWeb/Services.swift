import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// The services pages and API share; every read goes through the viewer's access policy here, below the routes.
public struct Services: Sendable {
    public let store: any Store
    public let login: LoginService

    public init(store: any Store) {
        self.store = store
        self.login = LoginService(store: store)
    }

    public func policy(for viewer: Viewer) async throws -> AccessPolicy {
        AccessPolicy(viewer: viewer, reps: try await store.reps())
    }

    /// What the dashboard shows, from one read of the facts: the scope's KPIs ("org" or a team), the KPIs of the reps the
    /// viewer may see, and day-by-day figures of the scope up to `through` (exclusive) for the trend chart.
    public func dashboardFigures(from: LocalDate, to: LocalDate, through: LocalDate, scope: String, viewer: Viewer, dailyKPIs: Set<String>)
        async throws -> (scope: [KPIResult], byRep: [KPIResult], daily: [(date: LocalDate, values: [String: Double])])
    {
        let policy = try await self.policy(for: viewer)
        guard scope == "org" ? policy.seesOrganisation : policy.seesTeam(scope) else {
            throw HTTPError(.forbidden, message: "this scope is not yours to see")
        }
        let engine = KPIEngine(settings: try await store.settings())
        let period = engine.period(from: from, to: to)
        let facts = try await store.facts(for: period)
        let grouping: KPIGrouping = scope == "org" ? .org : .team
        let scopeLines = engine.compute(facts, period: period, grouping: grouping).filter { $0.group == scope }
        let repLines = policy.filter(engine.compute(facts, period: period, grouping: .rep), grouping: .rep).filter { $0.group != nil }
        // The month's facts hold every day's activities and opportunities; the daily KPIs need nothing outside them.
        var daily: [(date: LocalDate, values: [String: Double])] = []
        var day = from
        while day < min(through, to) {
            let lines = engine.compute(facts, period: engine.period(from: day, to: day.adding(days: 1)), grouping: grouping, only: dailyKPIs)
                .filter { $0.group == scope }
            daily.append((day, Dictionary(lines.map { ($0.kpi, $0.value.value ?? 0) }, uniquingKeysWith: { a, _ in a })))
            day = day.adding(days: 1)
        }
        return (scopeLines, repLines, daily)
    }

    /// KPI lines the viewer may see. Organisation-wide lines (org, channel, and period series of the org) need an
    /// admin or viewer role; managers and reps get their team's and their reps' lines.
    public func kpis(from: LocalDate, to: LocalDate, by: KPIBreakdown, only: Set<String>?, viewer: Viewer) async throws -> [KPIResult] {
        let policy = try await self.policy(for: viewer)
        if by.grain != nil || by == .org || by == .channel {
            guard policy.seesOrganisation else {
                throw HTTPError(.forbidden, message: "organisation-wide figures need the admin or viewer role; ask for by=team or by=rep")
            }
        }
        let results = try await KPIService(store: store).compute(from: from, to: to, by: by, only: only)
        return by.grain != nil ? results : policy.filter(results, grouping: by.grouping)
    }
}

