import Foundation
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// GET /definitions: the KPI definition sheet (KPI定義書) with the current settings and their history.
/// POST /settings: an admin changes one setting (CSRF-checked); the change is recorded with who and when.
struct DefinitionController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/definitions") { request, context in try await self.show(request, context: context, message: nil) }
        router.post("/settings") { request, context in try await self.change(request, context: context) }
    }

    func show(_ request: Request, context: AppRequestContext, message: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let values = try await services.store.settingValues()
        let history = try await services.store.settingsHistory()
        let canEdit = try await services.policy(for: viewer).canChangeSettings
        let csrf = context.session?.csrf ?? ""
        let tables = Self.tables(values: values, history: history, timeZone: try await services.store.settings().timeZone, language: language)
        if let export = try ExportRequest(request) { return try export.response(tables, stem: "kpi_definitions", title: ja ? "KPI定義書" : "KPI definitions") }
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p><h1>\(ja ? "KPI定義書" : "KPI definition sheet")</h1>"
        if let message { body += "<p class=\"error\">\(HTML.escape(message))</p>" }
        body += ExportLinks.html(base: ExportRequest.base(of: request), tables: tables, language: language)
        body += "<h2>\(ja ? "集計ルール" : "Counting rules")</h2><ul>"
        for rule in DefinitionSheet.countingRules(language) { body += "<li>\(HTML.escape(rule))</li>" }
        body += "</ul><h2>\(ja ? "解釈" : "Readings")</h2><ul>"
        for reading in DefinitionSheet.readings(language) { body += "<li>\(HTML.escape(reading))</li>" }
        body += "</ul><h2>\(ja ? "組織設定" : "Settings")</h2><table><tr><th>\(ja ? "設定" : "Setting")</th><th>\(ja ? "値" : "Value")</th></tr>"
        for def in SettingDefinition.all {
            let value = values[def.key] ?? def.defaultValue
            body += "<tr><td>\(HTML.escape(ja ? def.ja : def.en))<br><code>\(def.key)</code></td><td>"
            if canEdit {
                body += "<form method=\"post\" action=\"/settings\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
                body += "<input type=\"hidden\" name=\"key\" value=\"\(def.key)\"><input name=\"value\" value=\"\(HTML.escape(value))\">"
                body += "<button>\(ja ? "変更" : "Change")</button></form>"
            } else {
                body += HTML.escape(value)
            }
            body += "</td></tr>"
        }
        body += "</table><h2>\(ja ? "変更履歴" : "Change history")</h2><table><tr><th>\(ja ? "日時" : "When")</th><th>\(ja ? "変更者" : "Who")</th>"
        body += "<th>\(ja ? "設定" : "Setting")</th><th>\(ja ? "旧" : "Old")</th><th>\(ja ? "新" : "New")</th></tr>"
        let row = CanonicalRow(timeZone: try await services.store.settings().timeZone)
        for change in history.reversed() {
            body += "<tr><td>\(row.datetime(change.changedAt))</td><td>\(HTML.escape(change.changedBy))</td><td><code>\(HTML.escape(change.key))</code></td>"
            body += "<td>\(HTML.escape(change.oldValue ?? ""))</td><td>\(HTML.escape(change.newValue))</td></tr>"
        }
        body += "</table>"
        for layer in KPILayer.allCases {
            body += "<h2>\(layer.label(language))</h2><table><tr><th>ID</th><th>\(ja ? "指標" : "KPI")</th><th>\(ja ? "計算式" : "Formula")</th>"
            body += "<th>\(ja ? "集計ルール" : "Counting rule")</th><th>\(ja ? "目安(出典)" : "Benchmark (seed)")</th></tr>"
            for d in KPICatalog.standard.definitions where d.layer == layer {
                body += "<tr><td><code>\(d.id)</code></td><td>\(HTML.escape(d.name(language)))</td><td>\(HTML.escape(d.formula))</td>"
                body += "<td>\(HTML.escape(d.rule ?? ""))</td><td>\(HTML.escape(d.benchmark ?? "—"))</td></tr>"
            }
            body += "</table>"
        }
        return .html(Page.render(title: ja ? "KPI定義書" : "KPI definitions", language: language, viewer: viewer, csrf: context.session?.csrf, body: body),
                     status: status)
    }

    /// The sheet's tables for CSV and Excel: the catalog (every KPI with its layer), the settings, their history.
    static func tables(values: [String: String], history: [SettingChange], timeZone: TimeZone, language: Language) -> [ExportTable] {
        let ja = language == .ja
        var catalog = ExportTable(name: "catalog", title: ja ? "KPI定義" : "KPI catalog",
                                  headers: ja ? ["区分", "ID", "指標", "計算式", "集計ルール", "目安(出典)"] : ["Layer", "ID", "KPI", "Formula", "Counting rule", "Benchmark (seed)"])
        for layer in KPILayer.allCases {
            for d in KPICatalog.standard.definitions where d.layer == layer {
                catalog.rows.append([.text(layer.label(language)), .text(d.id), .text(d.name(language)), .text(d.formula), .text(d.rule ?? ""),
                                     d.benchmark.map { .text($0) } ?? .undefined])
            }
        }
        var settings = ExportTable(name: "settings", title: ja ? "組織設定" : "Settings", headers: ja ? ["設定", "キー", "値"] : ["Setting", "Key", "Value"])
        for def in SettingDefinition.all {
            settings.rows.append([.text(ja ? def.ja : def.en), .text(def.key), .text(values[def.key] ?? def.defaultValue)])
        }
        var changes = ExportTable(name: "history", title: ja ? "変更履歴" : "Change history",
                                  headers: ja ? ["日時", "変更者", "設定", "旧", "新"] : ["When", "Who", "Setting", "Old", "New"])
        let row = CanonicalRow(timeZone: timeZone)
        for change in history.reversed() {
            changes.rows.append([.text(row.datetime(change.changedAt)), .text(change.changedBy), .text(change.key), .text(change.oldValue ?? ""), .text(change.newValue)])
        }
        return [catalog, settings, changes]
    }

    func change(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        guard let viewer = context.viewer, context.session != nil else { return .redirect(to: "/login") }
        try context.checkCSRF(form["csrf"])
        guard try await services.policy(for: viewer).canChangeSettings else { throw HTTPError(.forbidden, message: "only an admin changes settings") }
        do {
            // The rollups count by these settings: recounted in the same transaction.
            let store = services.store
            let (key, value) = (form["key"] ?? "", form["value"] ?? "")
            try await store.transaction {
                try await store.setSetting(key, value: value, changedBy: viewer.login, at: Date())
                try await store.finishRollups()
            }
        } catch let error as StoreError {
            return try await show(request, context: context, message: error.description, status: .unprocessableContent)
        }
        return .redirect(to: "/definitions")
    }
}
