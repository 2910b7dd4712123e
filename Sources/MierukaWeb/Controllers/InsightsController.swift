import Foundation
import Hummingbird
import MierukaCore
import MierukaStore
import MierukaViews

/// GET /api/v1/insights: the bottleneck with the seeds' advice, best time to call, conversion by channel, lost reasons
/// and the re-approach list, as one JSON object (the CLI's `insights --format json`), under the KPI API's access rule.
struct InsightsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/insights") { request, context in try await self.insights(request, context: context) }
        router.get("/insights") { request, context in try await self.page(request, context: context) }
    }

    /// The same report as a page: this month by default (or from/to), the viewer's team when they do not see the organisation.
    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let q = request.uri.queryParameters
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        var from = today.yearMonth.firstDay
        var to = from.adding(months: 1)
        if let f = q.get("from").flatMap({ LocalDate($0) }), let t = q.get("to").flatMap({ LocalDate($0) }), f < t {
            (from, to) = (f, t)
        }
        let policy = try await services.policy(for: viewer)
        let team = q.get("team").flatMap { $0.isEmpty ? nil : $0 } ?? (policy.seesOrganisation ? nil : viewer.team)
        let report = try await services.insights(from: from, to: to, team: team, viewer: viewer)
        let sections = InsightsSheet.sections(report, language: language)
        // Each table of the report, its figures as numbers (the cells are the page's texts).
        var tables: [ExportTable] = []
        for section in sections {
            for case .table(let rows, _, _) in section.blocks where !rows.isEmpty {
                tables.append(ExportTable(name: "table\(tables.count + 1)", title: section.title, headers: rows[0],
                                          rows: rows.dropFirst().map { $0.map { ExportCell.parsing(displayed: $0) } }))
            }
        }
        if let export = try ExportRequest(request) {
            return try export.response(tables, stem: "insights_\(from)_\(to.adding(days: -1))", title: InsightsText.heading(report, language))
        }
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p><h1>\(HTML.escape(InsightsText.heading(report, language)))</h1>"
        body += ExportLinks.html(base: ExportRequest.base(of: request), tables: tables, language: language)
        for section in sections {
            body += "<h2>\(HTML.escape(section.title))</h2>"
            for block in section.blocks {
                switch block {
                case .line(let text):
                    body += "<p>\(HTML.escape(text))</p>"
                case .table(let rows, let numericFrom, let leftAligned):
                    guard let head = rows.first else { continue }
                    body += "<div class=\"scroll\"><table><tr>" + head.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
                    for row in rows.dropFirst() {
                        body += "<tr>" + row.enumerated().map { i, cell in
                            i >= numericFrom && !leftAligned.contains(i) ? "<td class=\"n\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
                        }.joined() + "</tr>"
                    }
                    body += "</table></div>"
                }
            }
        }
        return .html(Page.render(title: ja ? "改善のヒント" : "Insights", language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }

    func insights(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let q = request.uri.queryParameters
        guard let from = q.get("from").flatMap({ LocalDate($0) }), let to = q.get("to").flatMap({ LocalDate($0) }), from < to else {
            throw HTTPError(.badRequest, message: "from and to are required dates (YYYY-MM-DD), to after from (to is exclusive)")
        }
        let team = q.get("team").flatMap { $0.isEmpty ? nil : $0 }
        let report = try await services.insights(from: from, to: to, team: team, viewer: viewer)
        return .json(try report.json() + "\n")
    }
}
