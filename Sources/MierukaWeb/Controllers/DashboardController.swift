import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// GET / (and /dashboard): the morning-meeting page for what the viewer may see — the organisation for admins and
/// viewers, the team for managers and reps — with the reps the viewer may see in the per-rep table.
struct DashboardController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { request, context in try await self.show(request, context: context) }
        router.get("/dashboard") { request, context in try await self.show(request, context: context) }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let q = request.uri.queryParameters
        let language = Language.of(request)
        let ja = language == .ja
        let sort = RepSort(sort: q.get("sort"), dir: q.get("dir"))
        let export = try ExportRequest(request)  // a wrong format= or encoding= is refused before any figure is computed
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        // The day's first look at the dashboard records the month's landing forecasts (forecast_accuracy needs them).
        try await ForecastService(store: services.store).snapshotIfNeeded(today: today)

        // The period: a preset holding today, or a custom range (from … through, both inclusive as users type them).
        var choice: DashboardPeriodChoice? = q.get("period").flatMap(DashboardPeriodChoice.init(rawValue:)) ?? .month
        var (from, to) = Self.range(choice!, today: today, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        if q.get("period") == nil, let f = q.get("from").flatMap({ LocalDate($0) }), let t = q.get("through").flatMap({ LocalDate($0) }) {
            guard f <= t, t.dayNumber - f.dayNumber <= 731 else {
                throw HTTPError(.badRequest, message: ja ? "期間の指定が正しくありません（開始 ≤ 終了、2年以内）" : "from must not be after through, and the range at most two years")
            }
            (from, to, choice) = (f, t.adding(days: 1), nil)
        }
        let calendar = settings.calendar
        let elapsed = calendar.businessDays(from: from, to: min(max(today.adding(days: 1), from), to))
        let total = calendar.businessDays(from: from, to: to)

        // The scope: a rep, a team, or the organisation — each only if the viewer may see it (checked again below the route).
        let policy = try await services.policy(for: viewer)
        let reps = try await services.store.reps()
        let repName = Dictionary(reps.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let askedTeam = q.get("team").flatMap { $0.isEmpty ? nil : $0 }
        let askedRep = q.get("rep").flatMap { $0.isEmpty ? nil : $0 }
        let scope = try services.scope(askedTeam: askedTeam, askedRep: askedRep, viewer: viewer, policy: policy, reps: reps)
        let figures = try await services.dashboardFigures(from: from, to: to, through: today.adding(days: 1), scope: scope, viewer: viewer,
                                                          dailyKPIs: ["calls", "connects", "appointments", "wins"])

        // Targets of this scope whose period is exactly the page's (a month's target on a month's page; a week's target
        // that starts on the 1st does not stand in for the month's) — the KPI sheet's rule.
        let targets = try await services.store.targets().filter { $0.periodStart == from && $0.period.grain.next(after: from) == to }
        var scopeTargets: [String: Double] = [:]
        var repTargets: [String: [String: Double]] = [:]
        for t in targets {
            switch (t.scope, scope) {
            case (.org, .org): scopeTargets[t.kpi] = t.value
            case (.team, .team(let team)) where t.scopeId == team: scopeTargets[t.kpi] = t.value
            case (.rep, _):
                if let id = t.scopeId, policy.seesRep(id) { repTargets[id, default: [:]][t.kpi] = t.value }
                if case .rep(let id) = scope, t.scopeId == id { scopeTargets[t.kpi] = t.value }
            default: break
            }
        }

        let title: String
        switch scope {
        case .org: title = ja ? "全社" : "Organisation"
        case .team(let team): title = team
        case .rep(let id): title = "\(repName[id] ?? id) (\(id))"
        }
        let periodLabel = ja ? "\(from)〜\(to.adding(days: -1))" : "\(from) – \(to.adding(days: -1))"
        var filters: [(String, String)] = []
        if let askedTeam { filters.append(("team", askedTeam)) }
        if let askedRep { filters.append(("rep", askedRep)) }
        var links = DashboardLinks.relative(page: "/", recordsPath: "/records", from: from, to: to, period: choice, language: language, sort: sort,
                                            filters: filters)
        // The drill-down names the grouping so the link means the same thing whoever follows it.
        let repIds = Set(reps.map(\.id))
        let recordsFrom = from, recordsTo = to
        links.records = { kpi, group in
            let by = group == "org" ? "org" : repIds.contains(group) ? "rep" : "team"
            return "/records?kpi=\(kpi)&by=\(by)&group=\(DashboardLinks.encode(group))&from=\(recordsFrom)&to=\(recordsTo)"
        }
        if choice == nil {
            // A custom period stays when the language or the sort changes.
            let custom = "&from=\(from)&through=\(to.adding(days: -1))"
            let language = links.language, sortLink = links.sort
            links.language = { language($0) + custom }
            links.sort = { sortLink($0) + custom }
        }
        // Today's alerts of the scope shown (the viewer's rights already applied by the service).
        let monthStart = today.yearMonth.firstDay
        let alerts = try await services.alerts(viewer: viewer, now: Date()).filter { a in
            switch (scope, a.scope) {
            case (.org, _): return true
            case (.team(let team), .team): return a.group == team
            case (.team(let team), .rep): return a.group.flatMap { id in reps.first { $0.id == id }?.team } == team
            case (.rep(let id), .rep): return a.group == id
            default: return false
            }
        }.map { a in
            let url = a.kpi.map { kpi -> String in
                let by = a.scope == .org ? "org" : a.scope.rawValue
                return "/records?kpi=\(kpi)&by=\(by)&group=\(DashboardLinks.encode(a.group ?? "org"))&from=\(monthStart)&to=\(monthStart.adding(months: 1))"
            }
            return DashboardAlert(severity: a.severity == .critical ? .critical : .warning,
                                  message: AlertText.sentence(a, repNames: repName, language: language), url: url)
        }
        let teams = Set(reps.compactMap(\.team)).filter { policy.seesTeam($0) }.sorted()
        let visibleReps = reps.filter { rep in
            guard policy.seesRep(rep.id) else { return false }
            if case .team(let team) = scope { return rep.team == team }
            return true
        }.sorted { $0.id < $1.id }
        let filter = DashboardFilter(
            teams: teams, reps: visibleReps.map { ($0.id, $0.name) }, team: askedTeam, rep: askedRep, from: from, through: to.adding(days: -1),
            allowsOrganisation: policy.seesOrganisation)
        var input = DashboardInput(
            language: language, title: title, from: from, to: to, periodLabel: periodLabel, businessDaysElapsed: elapsed,
            businessDaysTotal: total, results: figures.scope, byRep: figures.byRep,
            repNames: repName, targets: scopeTargets, daily: figures.daily,
            alerts: alerts, links: links, scope: scope.group, repTargets: repTargets, sort: sort, periodChoice: choice,
            account: context.session.map {
                var pages: [(label: String, path: String)] = [(ja ? "目標" : "Targets", "/targets"), (ja ? "KPI管理シート" : "KPI sheet", "/sheet")]
                if viewer.role == .admin { pages.append((ja ? "インポート" : "Import", "/import")) }
                if viewer.role != .rep { pages.append((ja ? "レポート" : "Reports", "/reports")) }
                return DashboardAccount(login: viewer.login, roleLabel: ja ? viewer.role.ja : viewer.role.rawValue, csrf: $0.csrf, pages: pages)
            },
            filter: filter)
        input.todayIsOpenBusinessDay = today >= from && today < to && calendar.isBusinessDay(today)
        input.weekly = try await services.weeklyFigures(today: min(today, to.adding(days: -1)), weeks: 8, scope: scope, viewer: viewer,
                                                        kpis: ["calls", "connect_rate", "appointments", "valid_opportunity_rate"])
        // The scope's phase (seed 002), linked to its diagnosis; the planner beside it.
        let phaseTeam: String? = { if case .team(let t) = scope { return t } else { return nil } }()
        if case .rep = scope {} else {
            let month = today.yearMonth
            let phase = try await services.dashboardPhase(team: phaseTeam, month: month)
            let query = phaseTeam.map { "?team=" + DashboardLinks.encode($0) } ?? ""
            input.badges.append(((ja ? "フェーズ: " : "Phase: ") + phase.name(language), "/phase" + query))
            input.badges.append((ja ? "KGIから逆算" : "Plan from the KGI", "/plan" + query))
            input.badges.append((ja ? "改善のヒント" : "Insights", "/insights" + query))
        }
        let model = DashboardModel(input)
        if let export {
            return try export.response(model.exportTables, stem: "dashboard_\(scope.group)_\(from)_\(to.adding(days: -1))", title: "\(title) \(periodLabel)")
        }
        var response = Response.html(DashboardView.render(model))
        if let lang = q.get("lang"), Language(rawValue: lang) != nil {
            response.setCookie(Cookie(name: "lang", value: lang, path: "/", secure: request.isSecure, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// The page's period holding `today`.
    static func range(_ choice: DashboardPeriodChoice, today: LocalDate, fiscalYearStartMonth: Int) -> (LocalDate, LocalDate) {
        let grain: PeriodGrain
        switch choice {
        case .today: return (today, today.adding(days: 1))
        case .week: grain = .week
        case .month: grain = .month
        case .quarter: grain = .quarter
        case .fiscalYear: grain = .fiscalYear
        }
        let start = grain.start(of: today, fiscalYearStartMonth: fiscalYearStartMonth)
        return (start, grain.next(after: start))
    }
}
