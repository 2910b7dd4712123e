import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaExport
import MierukaImport
import MierukaStore
import MierukaViews

/// Targets (目標): the page (list, add, remove, import targets.csv) and /api/v1/targets (GET, POST, DELETE).
/// Who may set which target is decided by the services (admins any; managers their team's and its reps').
struct TargetsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/targets") { request, context in try await self.page(request, context: context) }
        router.post("/targets") { request, context in try await self.add(request, context: context) }
        router.post("/targets/delete") { request, context in try await self.remove(request, context: context) }
        router.post("/targets/import") { request, context in try await self.importFile(request, context: context) }
        router.get("/api/v1/targets") { request, context in try await self.list(request, context: context) }
        router.post("/api/v1/targets") { request, context in try await self.create(request, context: context) }
        router.delete("/api/v1/targets") { request, context in try await self.delete(request, context: context) }
    }

    // MARK: - Page

    func page(_ request: Request, context: AppRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let csrf = context.session?.csrf ?? ""
        let policy = try await services.policy(for: viewer)
        let targets = try await services.targets(viewer: viewer)
        let catalog = KPICatalog.standard
        let mayEdit = viewer.role == .admin || viewer.role == .manager
        // Every target checked against SMART (000), with the reason of each letter that fails.
        let month = try await PhaseService(store: services.store).currentMonth()
        let checks = Dictionary(try await SMARTService(store: services.store).check(periodMonth: nil, currentMonth: month).results.map { ($0.target.key, $0) },
                                uniquingKeysWith: { a, _ in a })
        let table = Self.table(targets, checks: checks, language: language)
        if let export = try ExportRequest(request) { return try export.response([table], stem: "targets", title: ja ? "目標" : "Targets") }
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p><h1>\(ja ? "目標" : "Targets")</h1>"
        if let message { body += "<p class=\"error\">\(HTML.escape(message))</p>" }
        body += ExportLinks.html(base: ExportRequest.base(of: request), tables: [table], language: language)
        body += "<table class=\"targets\"><tr><th>\(ja ? "指標" : "KPI")</th><th>\(ja ? "対象" : "Scope")</th><th>\(ja ? "期間" : "Period")</th>"
        body += "<th>\(ja ? "開始日" : "Starts")</th><th>\(ja ? "目標値" : "Target")</th><th>SMART</th><th></th></tr>"
        for t in targets {
            let unit = catalog[t.kpi]?.unit ?? .count
            body += "<tr><td>\(HTML.escape(catalog[t.kpi]?.name(language) ?? t.kpi))<br><code>\(HTML.escape(t.kpi))</code></td>"
            body += "<td>\(HTML.escape(Self.scopeLabel(t, ja: ja)))</td><td>\(t.period.rawValue)</td><td>\(t.periodStart)</td>"
            body += "<td class=\"n\" data-value=\"\(NumberFormat.json(t.value))\">\(NumberFormat.format(t.value, unit: unit))</td>"
            if let check = checks[t.key] {
                body += "<td class=\"smart\" data-passes=\"\(check.passes)\">"
                body += check.findings.map { f in "<span title=\"\(HTML.escape(f.reason(language)))\">\(f.letter.rawValue)\(f.verdict.symbol)</span>" }.joined(separator: " ")
                for f in check.failing { body += "<br><span class=\"error\">\(f.letter.rawValue): \(HTML.escape(f.reason(language)))</span>" }
                body += "</td><td>"
            } else {
                body += "<td>—</td><td>"
            }
            if policy.setsTarget(t) {
                body += "<form method=\"post\" action=\"/targets/delete\" class=\"inline\">\(Self.hidden("csrf", csrf))"
                body += Self.hidden("kpi", t.kpi) + Self.hidden("scope", t.scope.rawValue) + Self.hidden("scope_id", t.scopeId ?? "")
                body += Self.hidden("period", t.period.rawValue) + Self.hidden("period_start", t.periodStart.description)
                body += "<button>\(ja ? "削除" : "Remove")</button></form>"
            }
            body += "</td></tr>"
        }
        if targets.isEmpty { body += "<tr><td colspan=\"7\">\(ja ? "目標はまだありません。" : "No targets yet.")</td></tr>" }
        body += "</table>"
        if mayEdit {
            let settings = try await services.store.settings()
            let monthStart = PeriodGrain.month.start(of: settings.clock.localDate(of: Date()), fiscalYearStartMonth: settings.fiscalYearStartMonth)
            var kpiOptions = ""
            for d in catalog.definitions { kpiOptions += "<option value=\"\(d.id)\">\(HTML.escape(d.name(language))) (\(d.id))</option>" }
            let scopes = viewer.role == .admin ? TargetScope.allCases : [.team, .rep]
            body += "<h2>\(ja ? "目標を設定" : "Set a target")</h2><form method=\"post\" action=\"/targets\" class=\"login\">\(Self.hidden("csrf", csrf))"
            body += "<label>\(ja ? "指標" : "KPI") <select name=\"kpi\">\(kpiOptions)</select></label>"
            body += "<label>\(ja ? "対象" : "Scope") <select name=\"scope\">" + scopes.map { "<option>\($0.rawValue)</option>" }.joined() + "</select></label>"
            body += "<label>\(ja ? "チーム名または担当者ID（全社は空）" : "Team name or rep id (empty for org)") <input name=\"scope_id\" value=\"\(HTML.escape(viewer.team ?? ""))\"></label>"
            body += "<label>\(ja ? "期間" : "Period") <select name=\"period\">" + TargetPeriod.allCases.map { "<option\($0 == .month ? " selected" : "")>\($0.rawValue)</option>" }.joined() + "</select></label>"
            body += "<label>\(ja ? "開始日" : "Starts on") <input type=\"date\" name=\"period_start\" value=\"\(monthStart)\"></label>"
            body += "<label>\(ja ? "目標値（率は0.25のように小数）" : "Value (rates as a fraction, e.g. 0.25)") <input name=\"value\" inputmode=\"decimal\" required></label>"
            body += "<button>\(ja ? "保存" : "Save")</button></form>"
        }
        if viewer.role == .admin {
            body += "<h2>\(ja ? "targets.csv を取り込む" : "Import targets.csv")</h2>"
            body += "<form method=\"post\" action=\"/targets/import\" enctype=\"multipart/form-data\">\(Self.hidden("csrf", csrf))"
            body += "<input type=\"file\" name=\"file\" accept=\".csv\" required> <button>\(ja ? "取り込む" : "Import")</button></form>"
            body += "<p class=\"sub\">kpi,scope,scope_id,period,period_start,value</p>"
        }
        return .html(Page.render(title: ja ? "目標" : "Targets", language: language, viewer: viewer, csrf: context.session?.csrf, body: body), status: status)
    }

    /// The targets as the page lists them, for CSV and Excel.
    static func table(_ targets: [Target], checks: [String: SMARTResult], language: Language) -> ExportTable {
        let ja = language == .ja
        let catalog = KPICatalog.standard
        let headers = ja ? ["指標", "KPI ID", "対象", "期間", "開始日", "目標値", "SMART"] : ["KPI", "KPI id", "Scope", "Period", "Starts", "Target", "SMART"]
        let rows = targets.map { t -> [ExportCell] in
            let smart = checks[t.key].map { check in
                check.findings.map { "\($0.letter.rawValue)\($0.verdict.symbol)" }.joined(separator: " ")
                    + check.failing.map { " / \($0.letter.rawValue): \($0.reason(language))" }.joined()
            }
            return [.text(catalog[t.kpi]?.name(language) ?? t.kpi), .text(t.kpi), .text(scopeLabel(t, ja: ja)), .text(t.period.rawValue),
                    .text(t.periodStart.description), .figure(t.value, unit: catalog[t.kpi]?.unit ?? .count), smart.map { .text($0) } ?? .undefined]
        }
        return ExportTable(name: "targets", title: ja ? "目標" : "Targets", headers: headers, rows: rows)
    }

    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape(value))\">"
    }

    static func scopeLabel(_ t: Target, ja: Bool) -> String {
        switch t.scope {
        case .org: return ja ? "全社" : "Organisation"
        case .team: return (ja ? "チーム " : "Team ") + (t.scopeId ?? "")
        case .rep: return (ja ? "担当者 " : "Rep ") + (t.scopeId ?? "")
        }
    }

    /// A session form's viewer after its CSRF token is checked.
    private func formViewer(_ form: [String: String], _ context: AppRequestContext) throws -> Viewer {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        try context.checkCSRF(form["csrf"])
        return viewer
    }

    func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let viewer = try formViewer(form, context)
        let ja = Language.of(request) == .ja
        do {
            let target = try Self.target(from: form)
            _ = try await services.saveTargets([target], viewer: viewer)
        } catch let refused as TargetsRefused {
            return try await page(request, context: context, message: refused.problems.map { "\($0.field): \($0.message)" }.joined(separator: " / "),
                                  status: .unprocessableContent)
        } catch let problem as TargetProblem.Parse {
            return try await page(request, context: context, message: (ja ? "入力を確認してください: " : "Check the form: ") + problem.description,
                                  status: .unprocessableContent)
        }
        return .redirect(to: "/targets")
    }

    func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let viewer = try formViewer(form, context)
        var fields = form
        fields["value"] = "0"
        _ = try await services.deleteTarget(try Self.target(from: fields), viewer: viewer)
        return .redirect(to: "/targets")
    }

    func importFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        var request = request
        let form = try await MultipartForm.read(&request, limit: 20_000_000)
        try context.checkCSRF(form.field("csrf"))
        guard viewer.role == .admin else { throw HTTPError(.forbidden, message: "only an admin imports targets.csv; managers set targets one by one") }
        guard let file = form.file("file") else { return try await page(request, context: context, message: "choose a file", status: .unprocessableContent) }
        let dir = services.uploads.appendingPathComponent(Secrets.randomToken(bytes: 16))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("targets.csv").path
        try file.data.write(to: URL(fileURLWithPath: path))
        do {
            let timeZone = try await services.store.settings().timeZone
            _ = try await Importer(store: services.store, timeZone: timeZone).run([ImportSource(path: path, entity: .targets, mapping: .canonical(for: .targets))])
        } catch let failure as ImportFailure {
            let name = ImportController.safeName(file.filename ?? "targets.csv")
            let lines = failure.issues.prefix(20).map { $0.description.replacingOccurrences(of: "targets.csv", with: name) }
            return try await page(request, context: context, message: "\(failure.totalIssues) error(s), nothing written: " + lines.joined(separator: " / "),
                                  status: .unprocessableContent)
        }
        return .redirect(to: "/targets")
    }

    // MARK: - API

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let targets = try await services.targets(viewer: viewer)
        return .json("[" + targets.map(Self.json).joined(separator: ",\n") + "]\n")
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        try context.requireCSRFHeader(request)
        var request = request
        let body = try await request.collectBody(upTo: 10_000_000)
        guard let json = try? JSONSerialization.jsonObject(with: Data(buffer: body)) else {
            throw HTTPError(.badRequest, message: "the body is not JSON: send an array of targets")
        }
        let items = (json as? [Any]) ?? ((json as? [String: Any])?["targets"] as? [Any]) ?? [json]
        var targets: [Target] = []
        var parsed: [(offset: Int, element: Target)] = []
        var problems: [TargetProblem] = []
        for (i, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                problems.append(TargetProblem(index: i, field: "", message: "is not an object"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case let s as String: fields[key] = s
                case let n as NSNumber: fields[key] = n.stringValue
                case is NSNull: break
                default: problems.append(TargetProblem(index: i, field: key, message: "must be a string or a number"))
                }
            }
            for key in fields.keys where !Entity.targets.headers.contains(key) {
                problems.append(TargetProblem(index: i, field: key, message: "is not a target field (\(Entity.targets.headers.joined(separator: ", ")))"))
            }
            do {
                let target = try Self.target(from: fields)
                targets.append(target)
                parsed.append((i, target))
            } catch let p as TargetProblem.Parse {
                problems.append(TargetProblem(index: i, field: p.field, message: p.message))
            }
        }
        do {
            // Report every problem at once: the rules of the targets that could be read, beside what could not be read.
            guard problems.isEmpty else { throw TargetsRefused(problems: (problems + (try await services.targetProblems(parsed))).sorted { $0.index < $1.index }) }
            let counts = try await services.saveTargets(targets, viewer: viewer)
            return .json("{\"received\":\(targets.count),\"inserted\":\(counts.inserted),\"updated\":\(counts.updated),\"unchanged\":\(counts.unchanged),\"duplicates\":\(counts.duplicates)}\n")
        } catch let refused as TargetsRefused {
            let errors = refused.problems.prefix(100).map {
                "{\"record\":\($0.index),\"field\":\(JSON.string($0.field)),\"message\":\(JSON.string($0.message))}"
            }
            return .json("{\"error\":\"nothing was stored: \(refused.problems.count) problem(s)\",\"total\":\(refused.problems.count),\"errors\":[\(errors.joined(separator: ","))]}\n",
                         status: .unprocessableContent)
        }
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        try context.requireCSRFHeader(request)
        var fields: [String: String] = [:]
        for key in Entity.targets.headers { fields[key] = request.uri.queryParameters.get(key) }
        fields["value"] = "0"
        let target: Target
        do {
            target = try Self.target(from: fields)
        } catch let p as TargetProblem.Parse {
            throw HTTPError(.badRequest, message: p.description)
        }
        guard try await services.deleteTarget(target, viewer: viewer) else { throw HTTPError(.notFound, message: "no such target") }
        return .json("{\"deleted\":1}\n")
    }

    // MARK: - Fields

    /// A target from canonical fields (a form, a JSON object or a query), with the field at fault when one is wrong.
    static func target(from f: [String: String]) throws -> Target {
        func need(_ key: String) throws -> String {
            guard let v = f[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { throw TargetProblem.Parse(field: key, message: "is required") }
            return v
        }
        guard let scope = TargetScope(rawValue: try need("scope")) else { throw TargetProblem.Parse(field: "scope", message: "must be org, team or rep") }
        guard let period = TargetPeriod(rawValue: try need("period")) else {
            throw TargetProblem.Parse(field: "period", message: "must be day, week, month, quarter or year")
        }
        guard let start = LocalDate(try need("period_start")) else { throw TargetProblem.Parse(field: "period_start", message: "must be a date YYYY-MM-DD") }
        let text = try need("value").replacingOccurrences(of: ",", with: "")
        guard let value = Double(text), value.isFinite else { throw TargetProblem.Parse(field: "value", message: "must be a number") }
        let scopeId = f["scope_id"].flatMap { $0.isEmpty ? nil : $0 }
        return Target(kpi: try need("kpi"), scope: scope, scopeId: scopeId, period: period, periodStart: start, value: value)
    }

    static func json(_ t: Target) -> String {
        "{\"kpi\":\(JSON.string(t.kpi)),\"scope\":\"\(t.scope.rawValue)\",\"scope_id\":\(t.scopeId.map(JSON.string) ?? "null"),"
            + "\"period\":\"\(t.period.rawValue)\",\"period_start\":\"\(t.periodStart)\",\"value\":\(NumberFormat.json(t.value))}"
    }
}

extension TargetProblem {
    /// A field that cannot be read as part of a target.
    struct Parse: Error, CustomStringConvertible {
        var field: String
        var message: String
        var description: String { "\(field) \(message)" }
    }
}
