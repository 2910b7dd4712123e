import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// Which phase the organisation or a team is in (seed 002): GET /phase (checklist with evidence, the phase's KPI set,
/// the transition plan), POST /phase/answer (a manager's answer, CSRF-checked), GET /api/v1/phase,
/// POST /api/v1/phase/answers. GET /api/v1/smart: every visible target checked against SMART.
struct PhaseController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/phase") { request, context in try await self.page(request, context: context) }
        router.post("/phase/answer") { request, context in try await self.answerFromPage(request, context: context) }
        router.post("/phase/apply") { request, context in try await self.applyFromPage(request, context: context) }
        router.get("/api/v1/phase") { request, context in try await self.api(request, context: context) }
        router.post("/api/v1/phase/answers") { request, context in try await self.answerFromAPI(request, context: context) }
        router.get("/api/v1/smart") { request, context in try await self.smart(request, context: context) }
    }

    /// The scope asked for (team or the organisation) if the viewer may see it.
    private func scope(_ team: String?, viewer: Viewer) async throws -> String? {
        let policy = try await services.policy(for: viewer)
        guard team.map(policy.seesTeam) ?? policy.seesOrganisation else {
            throw HTTPError(.forbidden, message: "this scope is not yours to see; ask for your team with team=")
        }
        return team
    }

    private func mayAnswer(_ team: String?, viewer: Viewer) async throws -> Bool {
        let policy = try await services.policy(for: viewer)
        return viewer.role == .admin || (viewer.role == .manager && team != nil && policy.seesTeam(team))
    }

    private func document(team: String?) async throws -> (PhaseDocument, PhaseDiagnosis, YearMonth) {
        let service = PhaseService(store: services.store)
        let month = try await service.currentMonth()
        let diagnosis = try await service.diagnose(team: team, currentMonth: month)
        let plan = TransitionPlan(from: diagnosis.phase, start: month.adding(months: 1))
        return (PhaseDocument(diagnosis, team: team, month: month, plan: plan), diagnosis, month)
    }

    func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let team = try await scope(request.uri.queryParameters.get("team").flatMap { $0.isEmpty ? nil : $0 }, viewer: viewer)
        return .json(try await document(team: team).0.json() + "\n")
    }

    /// Body: {"team": "…" (optional), "answers": {"L3": true, "growth_process_defined": false}}.
    func answerFromAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        try context.requireCSRFHeader(request)
        var request = request
        let body = try await request.collectBody(upTo: 100_000)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let answers = object["answers"] as? [String: Any] else {
            throw HTTPError(.badRequest, message: "send {\"team\": optional, \"answers\": {\"ITEM\": true|false}}")
        }
        let team = (object["team"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        guard try await mayAnswer(team, viewer: viewer) else { throw HTTPError(.forbidden, message: "answers are an admin's, or the team's manager's") }
        // Every answer is checked before any is stored.
        var checked: [(String, Bool)] = []
        for (item, value) in answers.sorted(by: { $0.key < $1.key }) {
            guard PhaseChecklist.item(item) != nil else { throw HTTPError(.badRequest, message: "unknown checklist item \(item)") }
            guard let yes = value as? Bool else { throw HTTPError(.badRequest, message: "\(item) must be true or false") }
            checked.append((item, yes))
        }
        for (item, yes) in checked {
            try await PhaseService(store: services.store).answer(item, yes, team: team, by: viewer.login, at: Date())
        }
        return .json(try await document(team: team).0.json() + "\n")
    }

    func smart(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let policy = try await services.policy(for: viewer)
        var periodMonth: YearMonth?
        if let p = request.uri.queryParameters.get("period") {
            guard let m = YearMonth(p) else { throw HTTPError(.badRequest, message: "period must be a month, YYYY-MM") }
            periodMonth = m
        }
        let service = SMARTService(store: services.store)
        let report = try await service.check(periodMonth: periodMonth, currentMonth: try await PhaseService(store: services.store).currentMonth())
        let lines = try report.results.filter { policy.seesTarget($0.target) }.map { try SMARTDocument($0).json() }
        return .json("[" + lines.joined(separator: ",\n") + "]\n")
    }

    // MARK: - Page

    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let asked = request.uri.queryParameters.get("team").flatMap { $0.isEmpty ? nil : $0 }
        let policy = try await services.policy(for: viewer)
        let team = try await scope(asked ?? (policy.seesOrganisation ? nil : viewer.team), viewer: viewer)
        let (doc, _, month) = try await document(team: team)
        let canAnswer = try await mayAnswer(team, viewer: viewer)
        let csrf = context.session?.csrf ?? ""
        // The checklist and the phase's KPI set, as the page lists them, for CSV and Excel.
        var checklist = ExportTable(name: "checklist", title: ja ? "チェックリスト" : "Checklist",
                                    headers: ja ? ["番号", "フェーズ", "項目", "回答", "出所", "根拠"] : ["No.", "Phase", "Item", "Answer", "Source", "Evidence"])
        for item in doc.items {
            checklist.rows.append([.text(item.code), .text(item.phase.name(language)), .text(ja ? item.ja : item.en), .text(item.answer.label(language)),
                                   .text(item.source == .data ? (ja ? "データから" : "from data") : (ja ? "マネージャー回答" : "manager's answer")),
                                   .text(ja ? item.evidenceJa : item.evidenceEn)])
        }
        var preset = ExportTable(name: "kpis", title: ja ? "このフェーズで追うKPI" : "KPIs for this phase",
                                 headers: ja ? ["指標", "KPI ID", "層", "重要度", "目標値の例"] : ["KPI", "KPI id", "Layer", "Importance", "Example target"])
        for k in PhasePreset.standard(doc.phase).kpis {
            preset.rows.append([.text(ja ? k.seedJa : k.seedEn), .text(k.kpi), .text(k.layer.label(language)), .text(k.stars),
                                k.example.map { .text($0.seedText) } ?? .undefined])
        }
        if let export = try ExportRequest(request) {
            return try export.response([checklist, preset], stem: "phase_\(month)", title: (ja ? "フェーズ診断 " : "Phase diagnosis ") + "\(month)")
        }
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p>"
        body += "<h1>\(ja ? "フェーズ診断" : "Phase diagnosis") — \(HTML.escape(team ?? (ja ? "全社" : "Organisation"))) (\(month))</h1>"
        body += "<p class=\"phase\" data-phase=\"\(doc.phase.rawValue)\"><strong>\(HTML.escape(doc.phase.name(language)))</strong> "
        body += "(\(HTML.escape(doc.phase.durationGuide(language))))</p><p>\(HTML.escape(ja ? doc.reasonJa : doc.reasonEn))</p>"
        body += ExportLinks.html(base: ExportRequest.base(of: request), tables: [checklist, preset], language: language)
        body += "<h2>\(ja ? "チェックリスト" : "Checklist")</h2><table class=\"checklist\"><tr><th></th><th>\(ja ? "項目" : "Item")</th>"
        body += "<th>\(ja ? "回答" : "Answer")</th><th>\(ja ? "根拠" : "Evidence")</th></tr>"
        for item in doc.items {
            let answer = item.answer.label(language)
            body += "<tr data-item=\"\(item.code)\"><td>\(item.code)<br>\(HTML.escape(item.phase.name(language)))</td><td>\(HTML.escape(ja ? item.ja : item.en))</td>"
            body += "<td>\(HTML.escape(answer))<br><span class=\"sub\">\(item.source == .data ? (ja ? "データから" : "from data") : (ja ? "マネージャー回答" : "manager's answer"))</span></td>"
            body += "<td>\(HTML.escape(ja ? item.evidenceJa : item.evidenceEn))"
            if canAnswer, item.source == .manager, context.session != nil {
                for (value, label) in [("yes", ja ? "はい" : "Yes"), ("no", ja ? "いいえ" : "No")] {
                    body += "<form method=\"post\" action=\"/phase/answer\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
                    body += "<input type=\"hidden\" name=\"team\" value=\"\(HTML.escape(team ?? ""))\"><input type=\"hidden\" name=\"item\" value=\"\(item.id)\">"
                    body += "<input type=\"hidden\" name=\"answer\" value=\"\(value)\"><button>\(label)</button></form>"
                }
            }
            body += "</td></tr>"
        }
        body += "</table><h2>\(ja ? "このフェーズで追うKPI" : "KPIs for this phase")</h2><table class=\"preset\"><tr><th>\(ja ? "指標" : "KPI")</th>"
        body += "<th>\(ja ? "層" : "Layer")</th><th>\(ja ? "重要度" : "Importance")</th><th>\(ja ? "目標値の例" : "Example target")</th></tr>"
        for k in PhasePreset.standard(doc.phase).kpis {
            body += "<tr><td>\(HTML.escape(ja ? k.seedJa : k.seedEn)) <code>\(k.kpi)</code></td><td>\(HTML.escape(k.layer.label(language)))</td>"
            body += "<td>\(k.stars)</td><td>\(HTML.escape(k.example?.seedText ?? "—"))</td></tr>"
        }
        body += "</table>"
        if canAnswer, context.session != nil {
            body += "<form method=\"post\" action=\"/phase/apply\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            body += "<input type=\"hidden\" name=\"team\" value=\"\(HTML.escape(team ?? ""))\"><input type=\"hidden\" name=\"phase\" value=\"\(doc.phase.rawValue)\">"
            body += "<label>\(ja ? "このKPIセット（目標値の例）を目標にする月" : "Apply this KPI set (example values) as the targets of") "
            body += "<input name=\"month\" value=\"\(month.adding(months: 1))\" placeholder=\"YYYY-MM\"></label> <button>\(ja ? "目標に設定" : "Set targets")</button></form>"
        }
        if let t = doc.transition {
            body += "<h2>\(ja ? "次のフェーズへの移行計画" : "Moving to the next phase"): \(HTML.escape(t.from.name(language))) → \(HTML.escape(t.to.name(language)))</h2><ol>"
            for step in t.steps {
                let stage = step.stage.name(language)
                body += "<li><strong>\(HTML.escape(stage))</strong> \(step.first)\(step.last.map { "〜\($0)" } ?? "〜"): "
                body += HTML.escape((ja ? step.actionsJa : step.actionsEn).joined(separator: " / ")) + "</li>"
            }
            body += "</ol>"
        }
        return .html(Page.render(title: ja ? "フェーズ診断" : "Phase", language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }

    func applyFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        var request = request
        let form = try await request.form()
        try context.checkCSRF(form["csrf"])
        let team = form["team"].flatMap { $0.isEmpty ? nil : $0 }
        guard try await mayAnswer(team, viewer: viewer) else { throw HTTPError(.forbidden, message: "targets are an admin's, or the team's manager's") }
        guard let phase = form["phase"].flatMap(Phase.init(rawValue:)), let month = form["month"].flatMap({ YearMonth($0) }) else {
            throw HTTPError(.badRequest, message: "phase must be launch, growth or mature and month YYYY-MM")
        }
        _ = try await PhaseService(store: services.store).applyPreset(phase, team: team, month: month)
        return .redirect(to: "/targets")
    }

    func answerFromPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        var request = request
        let form = try await request.form()
        try context.checkCSRF(form["csrf"])
        let team = form["team"].flatMap { $0.isEmpty ? nil : $0 }
        guard try await mayAnswer(team, viewer: viewer) else { throw HTTPError(.forbidden, message: "answers are an admin's, or the team's manager's") }
        guard let item = form["item"], PhaseChecklist.item(item) != nil, let answer = form["answer"], ["yes", "no"].contains(answer) else {
            throw HTTPError(.badRequest, message: "item must be a checklist item and answer yes or no")
        }
        try await PhaseService(store: services.store).answer(item, answer == "yes", team: team, by: viewer.login, at: Date())
        return .redirect(to: "/phase" + (team.map { "?team=" + DashboardLinks.encode($0) } ?? ""))
    }
}
