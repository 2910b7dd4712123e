import Foundation
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// GET /sheet: the KPI management sheet of seed 003 (指標カテゴリ, KPI項目, 目標値, 実績, 達成率, 備考) for a month or any
/// range, for the organisation, a team or a rep the viewer may see; `format=csv|xlsx` downloads the same table.
struct SheetController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/sheet") { request, context in try await self.show(request, context: context) }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let q = request.uri.queryParameters
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())

        // The period: from/to (to exclusive, as the API), else a month (default: this month).
        let from: LocalDate, to: LocalDate
        if let f = q.get("from").flatMap({ LocalDate($0) }), let t = q.get("to").flatMap({ LocalDate($0) }) {
            guard f < t, t.dayNumber - f.dayNumber <= 731 else {
                throw HTTPError(.badRequest, message: ja ? "期間は開始 < 終了(終了日は含まない)、2年以内で指定してください" : "from must be before to (exclusive), at most two years")
            }
            (from, to) = (f, t)
        } else {
            let month = try q.get("month").map { text -> YearMonth in
                guard let m = YearMonth(text) else { throw HTTPError(.badRequest, message: "month must be YYYY-MM (got \(text))") }
                return m
            } ?? today.yearMonth
            (from, to) = (month.firstDay, month.adding(months: 1).firstDay)
        }

        // The scope, each only if the viewer may see it; the default as on the dashboard.
        let policy = try await services.policy(for: viewer)
        let reps = try await services.store.reps()
        let scope: KPISheetService.Scope
        let scopeLabel: String
        switch try services.scope(askedTeam: q.get("team").flatMap { $0.isEmpty ? nil : $0 }, askedRep: q.get("rep").flatMap { $0.isEmpty ? nil : $0 },
                                  viewer: viewer, policy: policy, reps: reps) {
        case .org: (scope, scopeLabel) = (.org, ja ? "全社" : "Organisation")
        case .team(let team): (scope, scopeLabel) = (.team(team), team)
        case .rep(let rep): (scope, scopeLabel) = (.rep(rep), reps.first { $0.id == rep }.map { "\($0.name) (\(rep))" } ?? rep)
        }

        let sheet = try await KPISheetService(store: services.store).sheet(from: from, to: to, scope: scope, language: language)
        let periodText = "\(from)〜\(to.adding(days: -1))"
        let title = (ja ? "KPI管理シート " : "KPI management sheet ") + "\(scopeLabel) \(periodText)"
        let table = sheet.table(language: language, title: ja ? "KPI管理シート" : "KPI sheet")
        if let export = try ExportRequest(request) {
            let stem = "kpi_sheet_\(from)_\(to.adding(days: -1))"
            return try export.response([table], stem: stem, title: title)
        }

        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p><h1>\(HTML.escape(title))</h1>"
        body += "<form method=\"get\" action=\"/sheet\" class=\"filters\">"
        body += "<label>\(ja ? "月" : "Month") <input type=\"month\" name=\"month\" value=\"\(from.yearMonth)\"></label>"
        let teams = Set(reps.compactMap(\.team)).filter { policy.seesTeam($0) }.sorted()
        body += "<label>\(ja ? "チーム" : "Team") <select name=\"team\"><option value=\"\">\(policy.seesOrganisation ? (ja ? "全社" : "Organisation") : "—")</option>"
        for team in teams {
            let selected = scope == .team(team) ? " selected" : ""
            body += "<option\(selected)>\(HTML.escape(team))</option>"
        }
        body += "</select></label><label>\(ja ? "担当者" : "Rep") <select name=\"rep\"><option value=\"\">—</option>"
        for rep in reps where policy.seesRep(rep.id) {
            let selected = scope == .rep(rep.id) ? " selected" : ""
            body += "<option value=\"\(HTML.escape(rep.id))\"\(selected)>\(HTML.escape(rep.name))</option>"
        }
        body += "</select></label><button>\(ja ? "表示" : "Show")</button></form>"
        body += ExportLinks.html(base: ExportRequest.base(of: request), tables: [table], language: language)
        body += "<table class=\"kpi-sheet\"><tr>" + table.headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
        for (row, cells) in zip(sheet.rows, table.rows) {
            body += "<tr\(row.kpi.map { " data-kpi=\"\($0)\"" } ?? "")>"
            for (i, cell) in cells.enumerated() {
                let numeric = (2...4).contains(i)
                var text = HTML.escape(cell.displayText)
                // The actual links to its records, as on the dashboard.
                if i == 3, let kpi = row.kpi, row.actual?.value != nil {
                    let (by, group): (String, String) = {
                        switch scope {
                        case .org: return ("org", "org")
                        case .team(let t): return ("team", t)
                        case .rep(let r): return ("rep", r)
                        }
                    }()
                    let url = "/records?kpi=\(kpi)&by=\(by)&group=\(DashboardLinks.encode(group))&from=\(from)&to=\(to)"
                    text = "<a href=\"\(HTML.escape(url))\">\(text)</a>"
                }
                body += numeric ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }
            body += "</tr>"
        }
        body += "</table><p class=\"note\">"
        body += ja ? "達成率 = 実績 ÷ 目標値 × 100。目標はこの期間(開始日と長さが同じ)のものだけを使います。目標や実績がないときは —。"
                   : "Achievement = actual ÷ target × 100. Only targets of exactly this period are used; — when there is no target or actual."
        body += "</p>"
        return .html(Page.render(title: title, language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }
}
