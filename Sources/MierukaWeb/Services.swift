import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// The services pages and API share; every read goes through the viewer's access policy here, below the routes.
public struct Services: Sendable {
    public let store: any Store
    public let login: LoginService
    /// Where uploaded files wait between the import page's preview and its commit.
    public let uploads: URL
    /// /api/v1/kpis answers (JSON text) per viewer and question under the store's answers version.
    let answers = SharedComputations<String, String>(capacity: 512)
    /// Today's alerts of the organisation, per minute, answers version and targets.
    let alertsCache = SharedComputations<AlertsKey, [Alert]>(capacity: 2)
    /// The dashboard's figures and weekly trend per scope and period, before the viewer's rights are applied.
    let dashboardCache = SharedComputations<DashboardKey, DashboardFigures>(capacity: 64)
    let weeklyCache = SharedComputations<WeeklyKey, [DashboardFigures.Week]>(capacity: 64)
    let phaseCache = SharedComputations<PhaseKey, Phase>(capacity: 64)
    /// Where the reports the server generates are written and listed from (`serve --reports-dir`, default ./reports).
    public var reportsDirectory = URL(fileURLWithPath: "reports")
    /// The Prometheus metrics served at /metrics (a fresh registry per Services, so test apps do not share counts).
    public let metrics: AppMetrics

    public init(store: any Store, uploads: URL? = nil, metrics: AppMetrics = AppMetrics()) {
        self.store = store
        self.metrics = metrics
        self.login = LoginService(store: store)
        self.uploads = uploads ?? FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-uploads-\(getpid())")
    }

    public func policy(for viewer: Viewer) async throws -> AccessPolicy {
        AccessPolicy(viewer: viewer, reps: try await store.reps())
    }

    /// What the dashboard shows, from one read of the facts: the scope's KPIs (the organisation, a team or one rep), the
    /// KPIs of the scope's reps the viewer may see, and day-by-day figures of the scope up to `through` (exclusive) for the
    /// trend chart.
    public func dashboardFigures(from: LocalDate, to: LocalDate, through: LocalDate, scope: DashboardScope, viewer: Viewer, dailyKPIs: Set<String>)
        async throws -> (scope: [KPIResult], byRep: [KPIResult], daily: [(date: LocalDate, values: [String: Double])])
    {
        let policy = try await self.policy(for: viewer)
        guard scope.isVisible(to: policy) else { throw HTTPError(.forbidden, message: "this scope is not yours to see") }
        let timing = metrics.kpiTiming("dashboard")
        defer { timing.stop() }
        // The version is read before computing: a value kept under it is at least as new as the version says.
        let version = try await store.answersVersion()
        let key = DashboardKey(scope: scope, from: from, to: to, through: through, kpis: dailyKPIs)
        let store = self.store
        let figures = try await dashboardCache.value(key, version: version) {
            try await Self.dashboardFigures(store: store, from: from, to: to, through: through, scope: scope, dailyKPIs: dailyKPIs)
        }
        return (figures.scope, policy.filter(figures.reps, grouping: .rep), figures.daily.map { ($0.date, $0.values) })
    }

    /// The dashboard's figures before the viewer's rights apply: the scope's lines, the lines of every rep of the scope,
    /// and the daily trend.
    static func dashboardFigures(store: any Store, from: LocalDate, to: LocalDate, through: LocalDate, scope: DashboardScope,
                                 dailyKPIs: Set<String>) async throws -> DashboardFigures {
        let answers = try await KPIAnswers(store: store)
        let engine = answers.engine
        let period = engine.period(from: from, to: to)
        let group = scope.group
        let scopeLines = try await answers.compute(period, grouping: scope.grouping).filter { $0.group == group }
        let teamOfRep = Dictionary(answers.reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
        let repLines = try await answers.compute(period, grouping: .rep).filter { line in
            guard let rep = line.group else { return false }
            switch scope {
            case .org: return true
            case .team(let team): return teamOfRep[rep] == team
            case .rep(let id): return rep == id
            }
        }
        // The period's facts hold every day's activities and opportunities; the daily KPIs need nothing outside them.
        var daily: [DashboardFigures.Day] = []
        var day = from
        while day < min(through, to) {
            let lines = try await answers.compute(
                engine.period(from: day, to: day.adding(days: 1)), grouping: scope.grouping, only: dailyKPIs, within: period
            ).filter { $0.group == group }
            daily.append(.init(date: day, values: Dictionary(lines.map { ($0.kpi, $0.value.value ?? 0) }, uniquingKeysWith: { a, _ in a })))
            day = day.adding(days: 1)
        }
        return DashboardFigures(scope: scopeLines, reps: repLines, daily: daily)
    }

    /// The scope's figures for the `count` weeks up to the one holding `today` (oldest first), for the weekly chart.
    public func weeklyFigures(today: LocalDate, weeks count: Int, scope: DashboardScope, viewer: Viewer, kpis: Set<String>)
        async throws -> [(weekStart: LocalDate, values: [String: KPIValue])]
    {
        let policy = try await self.policy(for: viewer)
        guard scope.isVisible(to: policy) else { throw HTTPError(.forbidden, message: "this scope is not yours to see") }
        let timing = metrics.kpiTiming("dashboard_weekly")
        defer { timing.stop() }
        let version = try await store.answersVersion()
        let key = WeeklyKey(scope: scope, today: today, weeks: count, kpis: kpis)
        let store = self.store
        return try await weeklyCache.value(key, version: version) {
            try await Self.weeklyFigures(store: store, today: today, weeks: count, scope: scope, kpis: kpis)
        }.map { ($0.weekStart, $0.values) }
    }

    static func weeklyFigures(store: any Store, today: LocalDate, weeks count: Int, scope: DashboardScope, kpis: Set<String>)
        async throws -> [DashboardFigures.Week]
    {
        let answers = try await KPIAnswers(store: store)
        let engine = answers.engine
        let thisWeek = PeriodGrain.week.start(of: today, fiscalYearStartMonth: engine.settings.fiscalYearStartMonth)
        let first = thisWeek.adding(days: -7 * (count - 1))
        // Without current rollups, one read of the records for all the weeks; each week is then computed from it.
        let all = engine.period(from: first, to: thisWeek.adding(days: 7))
        var weeks: [DashboardFigures.Week] = []
        for i in 0..<count {
            let start = first.adding(days: 7 * i)
            let lines = try await answers.compute(engine.period(from: start, to: start.adding(days: 7)), grouping: scope.grouping, only: kpis, within: all)
                .filter { $0.group == scope.group }
            weeks.append(.init(weekStart: start, values: Dictionary(lines.map { ($0.kpi, $0.value) }, uniquingKeysWith: { a, _ in a })))
        }
        return weeks
    }

    /// The phase of the organisation (team nil) or a team in `month`, as the dashboard's badge shows it (the /phase page
    /// diagnoses afresh, with its evidence).
    func dashboardPhase(team: String?, month: YearMonth) async throws -> Phase {
        let version = try await store.answersVersion()
        let key = PhaseKey(team: team, month: month, targets: Set(try await store.targets()), answers: Set(try await store.phaseAnswers(team: team)))
        let store = self.store
        return try await phaseCache.value(key, version: version) {
            try await PhaseService(store: store).diagnose(team: team, currentMonth: month).phase
        }
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
        let timing = metrics.kpiTiming("api")
        let results = try await KPIService(store: store).compute(from: from, to: to, by: by, only: only)
        timing.stop()
        return by.grain != nil ? results : policy.filter(results, grouping: by.grouping)
    }
}


extension Services {
    /// Whose figures a page shows: the rep or team asked for, each only if the viewer may see it; else the organisation
    /// for those who see it, else the viewer's team, else the viewer's own figures. The dashboard and the KPI sheet use it.
    func scope(askedTeam: String?, askedRep: String?, viewer: Viewer, policy: AccessPolicy, reps: [Rep]) throws -> DashboardScope {
        if let rep = askedRep {
            guard policy.seesRep(rep), reps.contains(where: { $0.id == rep }) else { throw HTTPError(.forbidden, message: "this rep is not yours to see") }
            return .rep(rep)
        }
        if let team = askedTeam {
            guard policy.seesTeam(team) else { throw HTTPError(.forbidden, message: "this team is not yours to see") }
            return .team(team)
        }
        if policy.seesOrganisation { return .org }
        if let team = viewer.team { return .team(team) }
        if let rep = viewer.repId { return .rep(rep) }
        throw HTTPError(.forbidden, message: "your account has no team or rep; ask an admin to set one")
    }
}

/// Whose figures a dashboard shows.
public enum DashboardScope: Sendable, Hashable {
    case org
    case team(String)
    case rep(String)

    /// The engine's group name for this scope.
    public var group: String {
        switch self {
        case .org: return "org"
        case .team(let t): return t
        case .rep(let r): return r
        }
    }

    /// Whether the viewer may see this scope's figures.
    public func isVisible(to policy: AccessPolicy) -> Bool {
        switch self {
        case .org: return policy.seesOrganisation
        case .team(let team): return policy.seesTeam(team)
        case .rep(let rep): return policy.seesRep(rep)
        }
    }

    public var grouping: KPIGrouping {
        switch self {
        case .org: return .org
        case .team: return .team
        case .rep: return .rep
        }
    }
}
