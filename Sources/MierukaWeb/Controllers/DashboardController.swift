import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// GET /: this month's KPIs for what the viewer may see, by layer, every figure with numerator and denominator.
struct DashboardController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { request, context in try await self.show(request, context: context) }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        let from = LocalDate(year: today.year, month: today.month, day: 1)
        let to = from.adding(months: 1)
        let policy = try await services.policy(for: viewer)
        let grouping: KPIBreakdown = policy.seesOrganisation ? .org : .team
        let results = try await services.kpis(from: from, to: to, by: grouping, only: nil, viewer: viewer)
        let byRep = try await services.kpis(from: from, to: to, by: .rep, only: ["calls", "connects", "appointments", "wins", "connect_rate"], viewer: viewer)

        var body = "<h1>\(ja ? "ダッシュボード" : "Dashboard") \(from)〜\(to.adding(days: -1))</h1>"
        for layer in KPILayer.allCases {
            body += "<h2>\(layer.label(language))</h2><table><tr><th>\(ja ? "指標" : "KPI")</th><th>\(ja ? "グループ" : "Group")</th>"
            body += "<th>\(ja ? "値" : "Value")</th><th>\(ja ? "分子" : "Numerator")</th><th>\(ja ? "分母" : "Denominator")</th></tr>"
            for r in results {
                guard let d = KPICatalog.standard[r.kpi], d.layer == layer else { continue }
                body += "<tr><td>\(HTML.escape(d.name(language)))</td><td>\(HTML.escape(r.group ?? "—"))</td>"
                body += "<td class=\"n\" data-kpi=\"\(d.id)\">\(HTML.escape(NumberFormat.format(r.value.value, unit: d.unit)))</td>"
                body += "<td class=\"n\">\(r.value.numerator.map { NumberFormat.grouped($0, decimals: $0.rounded() == $0 ? 0 : 1) } ?? "")</td>"
                body += "<td class=\"n\">\(r.value.denominator.map { NumberFormat.grouped($0, decimals: $0.rounded() == $0 ? 0 : 2) } ?? "")</td></tr>"
            }
            body += "</table>"
        }
        body += "<h2>\(ja ? "担当者別" : "By rep")</h2><table><tr><th>\(ja ? "担当者" : "Rep")</th>"
        let columns = ["calls", "connects", "appointments", "wins", "connect_rate"]
        for id in columns { body += "<th>\(HTML.escape(KPICatalog.standard[id]!.name(language)))</th>" }
        body += "</tr>"
        let names = Dictionary(try await services.store.reps().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for rep in Set(byRep.compactMap(\.group)).sorted() {
            body += "<tr><td>\(HTML.escape(names[rep] ?? rep))</td>"
            for id in columns {
                let value = byRep.first { $0.group == rep && $0.kpi == id }?.value.value
                body += "<td class=\"n\">\(HTML.escape(NumberFormat.format(value, unit: KPICatalog.standard[id]!.unit)))</td>"
            }
            body += "</tr>"
        }
        body += "</table>"
        var response = Response.html(Page.render(title: ja ? "ダッシュボード" : "Dashboard", language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
        if let lang = request.uri.queryParameters.get("lang"), Language(rawValue: lang) != nil {
            response.setCookie(Cookie(name: "lang", value: lang, path: "/", secure: request.isSecure, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
