import Foundation
import Hummingbird
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaViews

/// The import page: upload a CSV (and a mapping file for foreign exports), see how it will be read — encoding, mapped
/// columns, the first rows as canonical records, every validation error and the exact counts of a dry run — then commit.
/// Same rules as `mieruka import`: one transaction, all or nothing. Admins only: an import may touch every team.
struct ImportController {
    let services: Services
    /// Larger files go through the CLI, which streams them.
    static let uploadLimit = 200_000_000

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/import") { request, context in try await self.form(request, context: context) }
        router.post("/import/preview") { request, context in try await self.preview(request, context: context) }
        router.post("/import/commit") { request, context in try await self.commit(request, context: context) }
    }

    private func requireAdmin(_ context: AppRequestContext) throws -> (Viewer, SessionRecord) {
        guard let viewer = context.viewer, let session = context.session else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        guard viewer.role == .admin else { throw HTTPError(.forbidden, message: "only an admin imports files (managers post records through /api/v1)") }
        return (viewer, session)
    }

    func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.viewer != nil else { return .redirect(to: "/login") }
        let (viewer, session) = try requireAdmin(context)
        let language = Language.of(request)
        return .html(Page.render(title: language == .ja ? "インポート" : "Import", language: language, viewer: viewer, csrf: session.csrf,
                                 body: Self.uploadForm(language, csrf: session.csrf)))
    }

    static func uploadForm(_ language: Language, csrf: String) -> String {
        let ja = language == .ja
        var options = "<option value=\"\">\(ja ? "ファイル名・マッピングから判断" : "From the file name or mapping")</option>"
        for entity in Entity.allCases { options += "<option value=\"\(entity.rawValue)\">\(HTML.escape(entity.ja)) (\(entity.rawValue))</option>" }
        return """
            <p><a href="/">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p>
            <h1>\(ja ? "CSVインポート" : "Import a CSV file")</h1>
            <p>\(ja ? "Salesforce・HubSpotのエクスポートやExcelのCSV（UTF-8・Shift_JIS/CP932）を取り込みます。見出しが標準と異なる場合はマッピングファイル（YAML/JSON）を添えてください（例: リポジトリの examples/mappings/ にExcel架電ログ・HubSpot・Salesforce用）。取り込む前に内容と件数を確認できます。1件でもエラーがあれば何も書き込みません。" : "Imports exports of Salesforce, HubSpot or Excel (UTF-8 or Shift_JIS/CP932). Add a mapping file (YAML/JSON) when the headers are not the canonical ones (examples for an Excel call log, HubSpot and Salesforce are in the repository's examples/mappings/). You see what will be imported before anything is written; one error and nothing is written.")</p>
            <form method="post" action="/import/preview" enctype="multipart/form-data" class="login">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <label>\(ja ? "CSVファイル" : "CSV file") <input type="file" name="file" accept=".csv,.tsv,.txt,text/csv" required></label>
            <label>\(ja ? "マッピングファイル（任意）" : "Mapping file (optional)") <input type="file" name="mapping" accept=".yaml,.yml,.json"></label>
            <label>\(ja ? "データの種類" : "Kind of records") <select name="entity">\(options)</select></label>
            <button>\(ja ? "内容を確認" : "Preview")</button>
            </form>
            """
    }

    // MARK: - Preview

    func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (viewer, session) = try requireAdmin(context)
        var request = request
        let form = try await MultipartForm.read(&request, limit: Self.uploadLimit)
        try context.checkCSRF(form.field("csrf"))
        let language = Language.of(request)
        let ja = language == .ja
        guard let file = form.file("file") else { return page(language, viewer, session, error: ja ? "CSVファイルを選んでください。" : "Choose a CSV file.") }

        // Keep the upload for the commit step, owned by this login.
        let token = Secrets.randomToken(bytes: 16)
        let dir = services.uploads.appendingPathComponent(token)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        Self.removeStaleUploads(in: services.uploads)
        let name = Self.safeName(file.filename ?? "upload.csv")
        try file.data.write(to: dir.appendingPathComponent(name))
        var meta = ["login": viewer.login, "file": name, "entity": form.field("entity") ?? ""]
        if let mapping = form.file("mapping") {
            meta["mapping"] = Self.safeName(mapping.filename ?? "mapping.yaml")
            try mapping.data.write(to: dir.appendingPathComponent("mapping-" + meta["mapping"]!))
        }
        try JSONEncoder().encode(meta).write(to: dir.appendingPathComponent("upload.json"))

        let source: ImportSource
        do {
            source = try Self.source(in: dir, meta: meta)
        } catch {
            try? FileManager.default.removeItem(at: dir)
            return page(language, viewer, session, error: "\(error)")
        }
        let timeZone = try await services.store.settings().timeZone
        let preview = ImportPreview.make(source, timeZone: timeZone)
        var failure: ImportFailure?
        var summary: ImportSummary?
        do {
            summary = try await Importer(store: services.store, timeZone: timeZone).run([source], dryRun: true)
        } catch let f as ImportFailure {
            failure = f
        } catch let issue as ImportIssue {
            failure = ImportFailure(issues: [issue], totalIssues: 1)
        }
        if failure != nil { try? FileManager.default.removeItem(at: dir) }
        return .html(Page.render(title: ja ? "インポートの確認" : "Import preview", language: language, viewer: viewer, csrf: session.csrf,
                                 body: Self.previewBody(preview, failure: failure, summary: summary, token: token, csrf: session.csrf, language: language)))
    }

    /// The file's source: the entity chosen on the form, else the mapping's, else the file name's.
    static func source(in dir: URL, meta: [String: String]) throws -> ImportSource {
        let path = dir.appendingPathComponent(meta["file"] ?? "").path
        var mappings: [Mapping] = []
        if let m = meta["mapping"] {
            // As bytes: a mapping saved as Shift_JIS is refused with the position of its first non-UTF-8 byte.
            mappings.append(try MappingLoader.parse(data: try Data(contentsOf: dir.appendingPathComponent("mapping-" + m)), name: m))
        }
        if let chosen = meta["entity"].flatMap(Entity.init(rawValue:)) {
            return ImportSource(path: path, entity: chosen, mapping: mappings.first ?? .canonical(for: chosen))
        }
        return try ImportSource.source(forFile: path, mappings: mappings)
    }

    static func previewBody(_ p: ImportPreview, failure: ImportFailure?, summary: ImportSummary?, token: String, csrf: String, language: Language) -> String {
        let ja = language == .ja
        var body = "<p><a href=\"/import\">\(ja ? "← やり直す" : "← Start again")</a></p><h1>\(ja ? "インポートの確認" : "Import preview")</h1>"
        body += "<table><tr><th>\(ja ? "ファイル" : "File")</th><td>\(HTML.escape(p.file))</td></tr>"
        body += "<tr><th>\(ja ? "データの種類" : "Records")</th><td>\(HTML.escape(p.entity.ja)) (\(p.entity.rawValue))</td></tr>"
        body += "<tr><th>\(ja ? "文字コード" : "Encoding")</th><td class=\"encoding\">\(HTML.escape(p.encoding))</td></tr>"
        body += "<tr><th>\(ja ? "区切り文字" : "Delimiter")</th><td>\(HTML.escape(p.delimiter))</td></tr></table>"
        if let issue = p.fileIssue { body += "<p class=\"error\">\(HTML.escape(issue.description))</p>" }
        if !p.mapped.isEmpty {
            body += "<h2>\(ja ? "列の対応" : "Columns")</h2><table class=\"mapping\"><tr><th>\(ja ? "標準項目" : "Canonical field")</th><th>\(ja ? "ファイルの列" : "Source column(s)")</th></tr>"
            for m in p.mapped {
                let source = !m.sources.isEmpty && m.sources.allSatisfy(p.header.contains) ? m.sources.joined(separator: " + ")
                    : m.defaultValue.map { (ja ? "既定値 " : "default ") + $0 } ?? "—"
                body += "<tr><td><code>\(m.field)</code></td><td>\(HTML.escape(source))</td></tr>"
            }
            body += "</table>"
        }
        if !p.rows.isEmpty {
            body += "<h2>\(ja ? "先頭\(p.rows.count)行（取り込み後の形）" : "First \(p.rows.count) rows (as they will be stored)")</h2>"
            body += "<div class=\"scroll\"><table class=\"preview\"><tr><th>\(ja ? "行" : "Line")</th>" + p.entity.headers.map { "<th>\($0)</th>" }.joined() + "</tr>"
            for row in p.rows {
                body += "<tr><td>\(row.line)</td>"
                if let cells = row.cells {
                    body += cells.map { "<td>\(HTML.escape($0))</td>" }.joined()
                } else {
                    body += "<td colspan=\"\(p.entity.headers.count)\" class=\"error\">\(HTML.escape(row.issues.map(\.description).joined(separator: " / ")))</td>"
                }
                body += "</tr>"
            }
            body += "</table></div>"
        }
        if let failure {
            body += "<h2 class=\"error\">\(ja ? "エラー \(failure.totalIssues)件：何も書き込まれていません" : "\(failure.totalIssues) error(s): nothing was written")</h2><ul class=\"issues\">"
            for issue in failure.issues.prefix(ImportFailure.listed) { body += "<li>\(HTML.escape(issue.description))</li>" }
            if failure.totalIssues > failure.issues.count { body += "<li>… \(failure.totalIssues - failure.issues.count) more</li>" }
            body += "</ul><p>\(ja ? "ファイル（またはマッピング）を直して、もう一度アップロードしてください。" : "Fix the file (or the mapping) and upload it again.")</p>"
        } else if let summary {
            body += "<h2>\(ja ? "取り込むと" : "Importing will")</h2><table class=\"summary\"><tr><th></th><th>\(ja ? "行" : "Rows")</th><th>\(ja ? "新規" : "New")</th>"
            body += "<th>\(ja ? "更新" : "Updated")</th><th>\(ja ? "変更なし" : "Unchanged")</th><th>\(ja ? "重複（後の行を採用）" : "Duplicates (later row wins)")</th></tr>"
            for e in summary.entities {
                body += "<tr><td>\(HTML.escape(e.entity.ja))</td><td class=\"n\">\(NumberFormat.grouped(Double(e.rows)))</td><td class=\"n\" data-count=\"inserted\">\(NumberFormat.grouped(Double(e.inserted)))</td>"
                body += "<td class=\"n\">\(NumberFormat.grouped(Double(e.updated)))</td><td class=\"n\">\(NumberFormat.grouped(Double(e.unchanged)))</td><td class=\"n\">\(NumberFormat.grouped(Double(e.duplicates)))</td></tr>"
            }
            body += "</table><form method=\"post\" action=\"/import/commit\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            body += "<input type=\"hidden\" name=\"upload\" value=\"\(HTML.escape(token))\"><button>\(ja ? "取り込む" : "Import")</button></form>"
        }
        return body
    }

    // MARK: - Commit

    func commit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (viewer, session) = try requireAdmin(context)
        var request = request
        let form = try await request.form()
        try context.checkCSRF(form["csrf"])
        let language = Language.of(request)
        let ja = language == .ja
        let token = form["upload"] ?? ""
        let dir = services.uploads.appendingPathComponent(token)
        guard token.range(of: "^[A-Za-z0-9_-]{8,}$", options: .regularExpression) != nil,
              let data = try? Data(contentsOf: dir.appendingPathComponent("upload.json")),
              let meta = try? JSONDecoder().decode([String: String].self, from: data), meta["login"] == viewer.login
        else {
            return page(language, viewer, session, error: ja ? "アップロードが見つかりません（期限切れ）。もう一度アップロードしてください。" : "That upload is gone (expired); upload the file again.")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let timeZone = try await services.store.settings().timeZone
        do {
            let summary = try await Importer(store: services.store, timeZone: timeZone).run([try Self.source(in: dir, meta: meta)])
            for e in summary.entities { services.metrics.recordImportedRows(e.rows, entity: e.entity, source: "import_page") }
            var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a> · <a href=\"/import\">\(ja ? "続けて取り込む" : "Import another file")</a></p>"
            body += "<h1>\(ja ? "取り込みました" : "Imported")</h1><ul class=\"done\">"
            for e in summary.entities {
                body += "<li>\(HTML.escape(e.entity.ja)): \(ja ? "新規" : "new") <span data-count=\"inserted\">\(NumberFormat.grouped(Double(e.inserted)))</span>, "
                body += "\(ja ? "更新" : "updated") \(NumberFormat.grouped(Double(e.updated))), \(ja ? "変更なし" : "unchanged") \(NumberFormat.grouped(Double(e.unchanged)))</li>"
            }
            body += "</ul>"
            return .html(Page.render(title: ja ? "取り込み完了" : "Imported", language: language, viewer: viewer, csrf: session.csrf, body: body))
        } catch let failure as ImportFailure {
            // The data changed between preview and commit: nothing was written, say why.
            let body = "<h1 class=\"error\">\(ja ? "取り込めませんでした：何も書き込まれていません" : "Not imported: nothing was written")</h1><ul>"
                + failure.issues.prefix(ImportFailure.listed).map { "<li>\(HTML.escape($0.description))</li>" }.joined() + "</ul>"
            return .html(Page.render(title: ja ? "インポート" : "Import", language: language, viewer: viewer, csrf: session.csrf, body: body), status: .unprocessableContent)
        }
    }

    private func page(_ language: Language, _ viewer: Viewer, _ session: SessionRecord, error: String) -> Response {
        .html(Page.render(title: language == .ja ? "インポート" : "Import", language: language, viewer: viewer, csrf: session.csrf,
                          body: "<p class=\"error\">\(HTML.escape(error))</p>" + Self.uploadForm(language, csrf: session.csrf)), status: .unprocessableContent)
    }

    /// A file name without directories, safe to join to a path.
    static func safeName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload.csv"
        let cleaned = base.filter { $0 != "\0" }
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "upload.csv" : cleaned
    }

    /// Uploads never committed are removed after an hour.
    static func removeStaleUploads(in root: URL) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        for entry in entries {
            let modified = (try? entry.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            if modified < Date().addingTimeInterval(-3600) { try? fm.removeItem(at: entry) }
        }
    }
}
