import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaExport
import MierukaStore
import MierukaViews

/// The planner on the web: GET /plan (form and the worked-back chain), POST /plan/save (as targets, CSRF-checked),
/// GET /api/v1/plan and POST /api/v1/plan (saves). Admins and viewers plan any scope; a manager their team.
struct PlanController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/plan") { request, context in try await self.page(request, context: context) }
        router.post("/plan/save") { request, context in try await self.saveFromPage(request, context: context) }
        router.get("/api/v1/plan") { request, context in try await self.api(request, context: context, save: false) }
        router.post("/api/v1/plan") { request, context in try await self.api(request, context: context, save: true) }
    }

    struct Query {
        var kgi: KGI
        var month: YearMonth
        var team: String?
        var useHistory: Bool
        var manual: [String: Double]

        init(_ q: [String: String], today: LocalDate) throws {
            guard let kgi = KGI(q["kgi"] ?? "") else {
                throw HTTPError(.badRequest, message: "kgi must be revenue=YEN, wins=N, sqls=N or appointments=N (a number above 0)")
            }
            self.kgi = kgi
            if let p = q["period"], !p.isEmpty {
                guard let month = YearMonth(p) else { throw HTTPError(.badRequest, message: "period must be a month, YYYY-MM") }
                self.month = month
            } else {
                month = today.yearMonth
            }
            team = q["team"].flatMap { $0.isEmpty ? nil : $0 }
            guard ["history", "benchmark", nil].contains(q["rates"]) else { throw HTTPError(.badRequest, message: "rates must be history or benchmark") }
            useHistory = q["rates"] != "benchmark"
            manual = [:]
            for item in (q["rate"] ?? "").split(separator: ",") {
                let parts = item.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, KPICatalog.standard[String(parts[0])] != nil, let v = Double(parts[1]), v > 0 else {
                    throw HTTPError(.badRequest, message: "rate must be KPI_ID=NUMBER[,KPI_ID=NUMBER] with catalog ids and numbers above 0")
                }
                manual[String(parts[0])] = v
            }
        }
    }

    /// The plan, if the viewer may plan this scope (and save it, when asked).
    private func plan(_ query: Query, viewer: Viewer, saving: Bool) async throws -> KGIPlan {
        let policy = try await services.policy(for: viewer)
        let sees = query.team.map { policy.seesTeam($0) && viewer.role != .rep } ?? policy.seesOrganisation
        guard sees else { throw HTTPError(.forbidden, message: "this scope is not yours to plan") }
        if saving {
            let sets = query.team.map { viewer.role == .admin || (viewer.role == .manager && policy.seesTeam($0)) } ?? (viewer.role == .admin)
            guard sets else { throw HTTPError(.forbidden, message: "saving a plan as targets needs an admin, or the team's manager") }
        }
        do {
            return try await PlanService(store: services.store).plan(kgi: query.kgi, month: query.month, team: query.team,
                                                                     useHistory: query.useHistory, manualRates: query.manual)
        } catch let error as PlanError {
            throw HTTPError(.badRequest, message: error.message)
        }
    }

    func api(_ request: Request, context: AppRequestContext, save: Bool) async throws -> Response {
        let viewer = try context.requireViewer()
        if save { try context.requireCSRFHeader(request) }
        let settings = try await services.store.settings()
        let query = try Query(Self.parameters(request), today: settings.clock.localDate(of: Date()))
        let plan = try await plan(query, viewer: viewer, saving: save)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var body = String(decoding: try encoder.encode(plan), as: UTF8.self)
        if save {
            let counts = try await PlanService(store: services.store).save(plan)
            body = "{\"plan\":\(body),\"saved\":{\"inserted\":\(counts.inserted),\"updated\":\(counts.updated),\"unchanged\":\(counts.unchanged)}}"
        }
        return .json(body + "\n")
    }

    static func parameters(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { out[String(key)] = String(value) }
        return out
    }

    // MARK: - Page

    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let q = Self.parameters(request)
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        let teams = Set(try await services.store.reps().compactMap(\.team)).sorted()
        let csrf = context.session?.csrf ?? ""
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p><h1>\(ja ? "KGIから逆算" : "Plan back from the KGI")</h1>"
        if let saved = q["saved"].flatMap(Int.init) {
            body += "<p class=\"notice\">\(ja ? "目標として保存しました（\(saved)件）。ダッシュボードに表示されます。" : "Saved as \(saved) targets; the dashboard shows them.")</p>"
        }
        body += "<form method=\"get\" action=\"/plan\" class=\"login\">"
        body += "<label>KGI <input name=\"kgi\" value=\"\(HTML.escape(q["kgi"] ?? "revenue=30000000"))\" required></label>"
        body += "<p class=\"sub\">revenue=\(ja ? "金額" : "YEN") · wins=N · sqls=N · appointments=N</p>"
        body += "<label>\(ja ? "月" : "Month") <input name=\"period\" value=\"\(HTML.escape(q["period"] ?? today.yearMonth.description))\" placeholder=\"YYYY-MM\"></label>"
        body += "<label>\(ja ? "チーム" : "Team") <select name=\"team\"><option value=\"\">\(ja ? "全社" : "Organisation")</option>"
        for t in teams { body += "<option\(q["team"] == t ? " selected" : "")>\(HTML.escape(t))</option>" }
        body += "</select></label><label>\(ja ? "率" : "Rates") <select name=\"rates\"><option value=\"history\">\(ja ? "実績（少なければ目安）" : "History (benchmark when thin)")</option>"
        body += "<option value=\"benchmark\"\(q["rates"] == "benchmark" ? " selected" : "")>\(ja ? "目安のみ" : "Benchmarks only")</option></select></label>"
        body += "<label>\(ja ? "手入力の率（任意）" : "Your own rates (optional)") <input name=\"rate\" value=\"\(HTML.escape(q["rate"] ?? ""))\" placeholder=\"avg_deal_size=1000000,connect_rate=0.25\"></label>"
        body += "<button>\(ja ? "計算" : "Calculate")</button></form>"

        if q["kgi"] != nil {
            let query = try Query(q, today: today)
            let plan = try await plan(query, viewer: viewer, saving: false)
            let tables = Self.tables(plan, language: language)
            if let export = try ExportRequest(request) {
                return try export.response(tables, stem: "plan_\(plan.month)", title: PlanText.heading(plan, language))
            }
            body += Self.render(plan, language: language)
            body += ExportLinks.html(base: ExportRequest.base(of: request), tables: tables, language: language)
            let policy = try await services.policy(for: viewer)
            let maySave = query.team.map { viewer.role == .admin || (viewer.role == .manager && policy.seesTeam($0)) } ?? (viewer.role == .admin)
            if maySave, context.session != nil {
                body += "<form method=\"post\" action=\"/plan/save\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
                for key in ["kgi", "period", "team", "rates", "rate"] {
                    body += "<input type=\"hidden\" name=\"\(key)\" value=\"\(HTML.escape(q[key] ?? ""))\">"
                }
                body += "<button>\(ja ? "この計画を\(plan.month)の目標として保存" : "Save as the targets of \(plan.month)")</button></form>"
            }
        }
        return .html(Page.render(title: ja ? "逆算プラン" : "Plan", language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }

    static func render(_ plan: KGIPlan, language: Language) -> String {
        let ja = language == .ja
        var body = "<h2>\(HTML.escape(PlanText.heading(plan, language)))</h2><p>\(HTML.escape(PlanText.basis(plan, language)))</p>"
        body += "<table class=\"plan\"><tr><th>\(ja ? "指標" : "Step")</th><th>\(ja ? "月間" : "Month")</th><th>\(ja ? "1日あたり" : "Per day")</th>"
        body += "<th>\(ja ? "1人1日" : "Per rep per day")</th><th>\(ja ? "使った率" : "Rate used")</th></tr>"
        for step in plan.steps {
            let yen = step.kpi == "won_amount"
            func f(_ v: Double?) -> String { v.map { yen ? NumberFormat.yen($0) : NumberFormat.grouped($0, decimals: 1) } ?? "—" }
            body += "<tr data-kpi=\"\(step.kpi)\" data-monthly=\"\(NumberFormat.json(step.monthly))\"><td>\(HTML.escape(PlanText.stepName(step.kpi, language)))</td>"
            body += "<td class=\"n\">\(PlanText.amount(step.monthly, kpi: step.kpi))</td><td class=\"n\">\(f(step.perBusinessDay))</td><td class=\"n\">\(f(step.perRepPerDay))</td>"
            body += "<td class=\"\(step.rate?.source.rawValue ?? "kgi")\">\(HTML.escape(step.rate.map { PlanText.rate($0, language) } ?? "KGI"))</td></tr>"
        }
        body += "</table>"
        if let missing = plan.missingRate { body += "<p class=\"error\">\(HTML.escape(PlanText.missing(missing, language).replacingOccurrences(of: "--rate", with: ja ? "「手入力の率」に" : "your own rates:")))</p>" }
        let counted = plan.steps.map(\.kpi).filter { $0 != "won_amount" }
        if !plan.reps.isEmpty, !counted.isEmpty {
            body += "<h2>\(ja ? "担当者別（月間 / 1日あたり）" : "Per rep (month / per business day)")</h2><div class=\"scroll\"><table class=\"plan-reps\"><tr><th>\(ja ? "担当者" : "Rep")</th><th>\(ja ? "係数" : "Weight")</th>"
            body += counted.map { "<th>\(HTML.escape(PlanText.stepName($0, language)))</th>" }.joined() + "</tr>"
            for rep in plan.reps {
                body += "<tr><td>\(HTML.escape(rep.name)) (\(HTML.escape(rep.repId)))</td><td class=\"n\">\(NumberFormat.percent(rep.weight))</td>"
                body += counted.map { "<td class=\"n\">\(NumberFormat.grouped(rep.monthly[$0] ?? 0)) / \(NumberFormat.grouped(rep.perBusinessDay[$0] ?? 0, decimals: 1))</td>" }.joined()
                body += "</tr>"
            }
            body += "</table></div>"
        }
        return body
    }

    /// The plan's tables for CSV and Excel: the chain (month, per business day, per rep per day, the rate used) and
    /// each rep's month and day.
    static func tables(_ plan: KGIPlan, language: Language) -> [ExportTable] {
        let ja = language == .ja
        var steps = ExportTable(name: "plan", title: ja ? "逆算プラン" : "Plan",
                                headers: ja ? ["指標", "KPI ID", "月間", "1日あたり", "1人1日", "使った率"] : ["Step", "KPI id", "Month", "Per day", "Per rep per day", "Rate used"])
        for step in plan.steps {
            let yen = step.kpi == "won_amount"
            func cell(_ v: Double?) -> ExportCell { v.map { yen ? .number($0, .yen) : .number($0, .decimal(1)) } ?? .undefined }
            steps.rows.append([.text(PlanText.stepName(step.kpi, language)), .text(step.kpi), yen ? .number(step.monthly, .yen) : .count(step.monthly),
                               cell(step.perBusinessDay), cell(step.perRepPerDay), .text(step.rate.map { PlanText.rate($0, language) } ?? "KGI")])
        }
        let counted = plan.steps.map(\.kpi).filter { $0 != "won_amount" }
        var reps = ExportTable(name: "reps", title: ja ? "担当者別" : "Per rep",
                               headers: [ja ? "担当者" : "Rep", ja ? "担当者ID" : "Rep id", ja ? "係数" : "Weight"]
                                   + counted.flatMap { [PlanText.stepName($0, language) + (ja ? " 月間" : " month"), PlanText.stepName($0, language) + (ja ? " 1日" : " per day")] })
        for rep in plan.reps {
            reps.rows.append([.text(rep.name), .text(rep.repId), .number(rep.weight, .percent(1))]
                             + counted.flatMap { [ExportCell.count(rep.monthly[$0] ?? 0), .number(rep.perBusinessDay[$0] ?? 0, .decimal(1))] })
        }
        return plan.reps.isEmpty ? [steps] : [steps, reps]
    }

    func saveFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        var request = request
        let form = try await request.form()
        try context.checkCSRF(form["csrf"])
        let settings = try await services.store.settings()
        let query = try Query(form, today: settings.clock.localDate(of: Date()))
        let plan = try await plan(query, viewer: viewer, saving: true)
        let counts = try await PlanService(store: services.store).save(plan)
        var items: [(String, String)] = []
        for key in ["kgi", "period", "team", "rates", "rate"] { if let v = form[key], !v.isEmpty { items.append((key, v)) } }
        return .redirect(to: "/plan?" + items.map { "\($0.0)=\(DashboardLinks.encode($0.1))" }.joined(separator: "&") + "&saved=\(counts.inserted + counts.updated + counts.unchanged)")
    }
}
