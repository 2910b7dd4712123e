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
        let choice = q.get("period").flatMap(DashboardPeriodChoice.init(rawValue:)) ?? .month
        let sort = RepSort(sort: q.get("sort"), dir: q.get("dir"))
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        let (from, to) = Self.range(choice, today: today, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let calendar = BusinessCalendar()
        let elapsed = calendar.businessDays(from: from, to: min(today.adding(days: 1), to))
        let total = calendar.businessDays(from: from, to: to)

        let policy = try await services.policy(for: viewer)
        let reps = try await services.store.reps()
        let teamScope = policy.seesOrganisation ? nil : viewer.team
        let scope = teamScope ?? "org"
        let figures = try await services.dashboardFigures(from: from, to: to, through: today.adding(days: 1), scope: scope, viewer: viewer,
                                                          dailyKPIs: ["calls", "connects", "appointments", "wins"])

        // Targets of this scope whose period starts at the page's period start.
        let targets = try await services.store.targets().filter { $0.periodStart == from }
        var scopeTargets: [String: Double] = [:]
        var repTargets: [String: [String: Double]] = [:]
        for t in targets {
            switch t.scope {
            case .org where teamScope == nil: scopeTargets[t.kpi] = t.value
            case .team where t.scopeId == teamScope && teamScope != nil: scopeTargets[t.kpi] = t.value
            case .rep: if let id = t.scopeId, policy.seesRep(id) { repTargets[id, default: [:]][t.kpi] = t.value }
            default: break
            }
        }

        let ja = language == .ja
        let title = teamScope ?? (ja ? "全社" : "Organisation")
        let periodLabel = ja ? "\(from)〜\(to.adding(days: -1))" : "\(from) – \(to.adding(days: -1))"
        var links = DashboardLinks.relative(page: "/", recordsPath: "/records", from: from, to: to, period: choice, language: language, sort: sort)
        // The drill-down names the grouping so the link means the same thing whoever follows it.
        let repIds = Set(reps.map(\.id))
        links.records = { kpi, group in
            let by = group == "org" ? "org" : repIds.contains(group) ? "rep" : "team"
            return "/records?kpi=\(kpi)&by=\(by)&group=\(DashboardLinks.encode(group))&from=\(from)&to=\(to)"
        }
        let input = DashboardInput(
            language: language, title: title, from: from, to: to, periodLabel: periodLabel, businessDaysElapsed: elapsed,
            businessDaysTotal: total, results: figures.scope, byRep: figures.byRep,
            repNames: Dictionary(reps.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }), targets: scopeTargets, daily: figures.daily,
            links: links, scope: scope, repTargets: repTargets, sort: sort, periodChoice: choice,
            account: context.session.map { DashboardAccount(login: viewer.login, roleLabel: ja ? viewer.role.ja : viewer.role.rawValue, csrf: $0.csrf) })
        var response = Response.html(DashboardView.render(DashboardModel(input)))
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
