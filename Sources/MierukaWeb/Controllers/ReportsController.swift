import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// GET /reports: the generated reports (newest first) with download links; POST /reports/generate: make one now;
/// GET /reports/files/NAME: one file. Who sees what: admins and viewers every report; a manager their team's reports
/// only (the organisation's hold other teams' figures); reps none (a team report lists every rep's activity, and a
/// rep may see their team's totals but not their colleagues' figures). Admins generate any report, managers their team's.
struct ReportsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports") { request, context in try await self.page(request, context: context) }
        router.post("/reports/generate") { request, context in try await self.generate(request, context: context) }
        router.get("/reports/files/:name") { request, context in try await self.download(request, context: context) }
    }

    /// May this viewer download this report?
    static func mayRead(_ file: ReportFile, _ viewer: Viewer, _ policy: AccessPolicy) -> Bool {
        switch viewer.role {
        case .admin, .viewer: return true
        case .manager: return file.scope.team != nil && policy.seesTeam(file.scope.team)
        case .rep: return false
        }
    }

    static func mayGenerate(_ scope: ReportScope, kind: ReportKind, _ viewer: Viewer, _ policy: AccessPolicy) -> Bool {
        switch viewer.role {
        case .admin: return true
        case .manager: return kind.allowsTeam && scope.team != nil && policy.seesTeam(scope.team)
        case .rep, .viewer: return false
        }
    }

    static let repRefusal = "reports list every rep's figures; reps see their own on the dashboard (レポートは担当者全員の数値を含むため、担当者ロールでは閲覧できません。ダッシュボードをご利用ください)"

    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        guard viewer.role != .rep else { throw HTTPError(.forbidden, message: Self.repRefusal) }
        let policy = try await services.policy(for: viewer)
        let directory = services.reportsDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var files: [(file: ReportFile, modified: Date, size: Int)] = []
        for name in names {
            guard let file = ReportFile(name: name), Self.mayRead(file, viewer, policy) else { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            files.append((file, attributes?[.modificationDate] as? Date ?? .distantPast, (attributes?[.size] as? NSNumber)?.intValue ?? 0))
        }
        // Newest first: by the period reported, then by when it was written, then by name.
        files.sort { a, b in
            if a.file.from != b.file.from { return a.file.from > b.file.from }
            if a.modified != b.modified { return a.modified > b.modified }
            return a.file.name < b.file.name
        }
        let clock = try await services.store.settings().clock
        var body = "<h1>" + (ja ? "レポート" : "Reports") + "</h1>"
        body += "<p>" + HTML.escape(ja
            ? "日次・週次・月次・経営層向けレポート（HTMLとPDF）。サーバーが毎朝の設定時刻（Asia/Tokyo）に前営業日・前週・前月分を作成します。"
            : "Daily, weekly, monthly and executive reports (HTML and PDF). The server writes the previous business day's, week's and month's each morning at the set time (Asia/Tokyo).") + "</p>"
        let teams = Set(try await services.store.reps().compactMap(\.team)).filter { policy.seesTeam($0) }.sorted()
        if viewer.role == .admin || viewer.role == .manager, let csrf = context.session?.csrf {
            body += "<form method=\"post\" action=\"/reports/generate\" class=\"generate\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            body += "<label>" + (ja ? "種類" : "Kind") + " <select name=\"kind\">"
            for kind in ReportKind.allCases where viewer.role == .admin || kind.allowsTeam {
                body += "<option value=\"\(kind.rawValue)\">\(HTML.escape(kind.name(language)))</option>"
            }
            body += "</select></label> <label>" + (ja ? "期間の開始日" : "Period start") + " <input name=\"date\" type=\"date\" required value=\"\(clock.localDate(of: Date()).adding(days: -1))\"></label> "
            body += "<label>" + (ja ? "対象" : "Scope") + " <select name=\"team\">"
            if viewer.role == .admin { body += "<option value=\"\">" + (ja ? "全社" : "Organisation") + "</option>" }
            for team in teams where viewer.role == .admin || team == viewer.team {
                body += "<option value=\"\(HTML.escape(team))\">\(HTML.escape(team))</option>"
            }
            body += "</select></label> <button>" + (ja ? "今すぐ作成" : "Generate now") + "</button></form>"
            body += "<p class=\"hint\">" + HTML.escape(ja ? "日次はその日、週次はその日を含む週、月次・経営層向けはその日を含む月。" : "Daily: that day; weekly: the week holding it; monthly and executive: its month.") + "</p>"
        }
        // One row per report and language, with a link for each format written (HTML to read, PDF to print).
        var rows: [(file: ReportFile, modified: Date, links: [(ReportFile.Format, String, Int)])] = []
        for (file, modified, size) in files {
            let key = file.with(format: .html)
            if let i = rows.firstIndex(where: { $0.file == key }) {
                rows[i].links.append((file.format, file.name, size))
                rows[i].modified = max(rows[i].modified, modified)
            } else {
                rows.append((key, modified, [(file.format, file.name, size)]))
            }
        }
        if rows.isEmpty {
            body += "<p>" + (ja ? "作成済みのレポートはまだありません。" : "No reports yet.") + "</p>"
        } else {
            body += "<table class=\"reports\"><thead><tr><th>" + (ja ? "種類" : "Kind") + "</th><th>" + (ja ? "期間" : "Period") + "</th><th>"
                + (ja ? "対象" : "Scope") + "</th><th>" + (ja ? "言語" : "Language") + "</th><th>" + (ja ? "作成日時" : "Written")
                + "</th><th>" + (ja ? "ダウンロード" : "Download") + "</th></tr></thead><tbody>"
            for row in rows {
                let file = row.file
                let written = clock.localDate(of: row.modified).description + " " + Self.hhmm(clock.secondOfDay(of: row.modified))
                body += "<tr data-report=\"\(HTML.escape(file.name))\"><td>\(HTML.escape(file.kind.name(language)))</td><td>\(file.from)</td>"
                body += "<td>\(HTML.escape(file.scope.label(language)))</td><td>\(file.language.rawValue)</td><td>\(written)</td><td>"
                body += row.links.sorted { $0.0.rawValue < $1.0.rawValue }.map { format, name, size in
                    "<a href=\"/reports/files/\(HTML.escape(name))\"\(format == .pdf ? " download" : "")>\(format.rawValue.uppercased())</a> (\(NumberFormat.grouped(Double(size) / 1024, decimals: 0)) KB)"
                }.joined(separator: " ・ ") + "</td></tr>"
            }
            body += "</tbody></table>"
        }
        return .html(Page.render(title: ja ? "レポート" : "Reports", language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }

    static func hhmm(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds / 60 % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        guard viewer.role != .rep else { throw HTTPError(.forbidden, message: Self.repRefusal) }
        guard let name = context.parameters.get("name"), let file = ReportFile(name: name) else {
            throw HTTPError(.notFound, message: "no such report; see /reports")
        }
        guard Self.mayRead(file, viewer, try await services.policy(for: viewer)) else {
            throw HTTPError(.forbidden, message: "this report holds figures outside your team; managers download their team's reports")
        }
        guard let data = FileManager.default.contents(atPath: services.reportsDirectory.appendingPathComponent(file.name).path) else {
            throw HTTPError(.notFound, message: "no such report; see /reports")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.format.contentType
        if file.format == .pdf { headers[.contentDisposition] = "attachment; filename=\"\(file.name)\"" }
        // Figures of a team: not for shared caches, nor kept by the browser after the session ends.
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func generate(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer, context.session != nil else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        var request = request
        let form = try await request.form()
        try context.checkCSRF(form["csrf"])
        guard let kind = form["kind"].flatMap(ReportKind.init(rawValue:)), let date = form["date"].flatMap({ LocalDate($0) }) else {
            throw HTTPError(.badRequest, message: "kind must be daily, weekly, monthly or executive and date YYYY-MM-DD")
        }
        let scope: ReportScope = form["team"].flatMap { $0.isEmpty ? nil : $0 }.map { .team($0) } ?? .org
        guard Self.mayGenerate(scope, kind: kind, viewer, try await services.policy(for: viewer)) else {
            throw HTTPError(.forbidden, message: "admins generate any report; managers their team's daily, weekly and monthly reports")
        }
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        let from: LocalDate
        switch kind {
        case .daily: from = date
        case .weekly: from = PeriodGrain.week.start(of: date, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        case .monthly, .executive: from = date.yearMonth.firstDay
        }
        let chromium = ChromiumPDF.locate()
        do {
            _ = try await ReportGenerator(store: services.store).write(
                kind, from: from, scope: scope, today: today, into: services.reportsDirectory, languages: [.ja, .en],
                formats: chromium == nil ? [.html] : [.html, .pdf], chromium: chromium)
        } catch let error as ReportError {
            throw HTTPError(.badRequest, message: error.message)
        } catch is ReportsWritten {
            // The HTML is there; the PDF's failure is in the server log.
        }
        return .redirect(to: "/reports")
    }
}
