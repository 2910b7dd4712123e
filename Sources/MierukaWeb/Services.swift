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

    /// Day-by-day figures of one scope ("org" or a team) for the trend chart: the facts are read once for the whole range.
    public func daily(from: LocalDate, to: LocalDate, scope: String, viewer: Viewer, kpis: Set<String>) async throws
        -> [(date: LocalDate, values: [String: Double])]
    {
        guard from < to else { return [] }
        let policy = try await self.policy(for: viewer)
        guard scope == "org" ? policy.seesOrganisation : policy.seesTeam(scope) else { return [] }
        let settings = try await store.settings()
        let engine = KPIEngine(settings: settings)
        let facts = try await store.facts(for: engine.period(from: from, to: to))
        var out: [(date: LocalDate, values: [String: Double])] = []
        var day = from
        while day < to {
            let period = engine.period(from: day, to: day.adding(days: 1))
            let lines = engine.compute(facts, period: period, grouping: scope == "org" ? .org : .team, only: kpis).filter { $0.group == scope }
            out.append((day, Dictionary(lines.map { ($0.kpi, $0.value.value ?? 0) }, uniquingKeysWith: { a, _ in a })))
            day = day.adding(days: 1)
        }
        return out
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

