import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// /api/v1: the CLI's answers over HTTP, for the same viewer rules as the pages.
struct APIController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        api.get("kpis") { request, context in try await self.kpis(request, context: context) }
        api.get("catalog") { _, context in try self.catalog(context: context) }
        api.get("me") { _, context in try self.me(context: context) }
    }

    func kpis(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let q = request.uri.queryParameters
        guard let from = q.get("from").flatMap({ LocalDate($0) }), let to = q.get("to").flatMap({ LocalDate($0) }), from < to else {
            throw HTTPError(.badRequest, message: "from and to are required dates (YYYY-MM-DD), to after from (to is exclusive)")
        }
        guard let by = KPIBreakdown(rawValue: q.get("by") ?? "org") else {
            throw HTTPError(.badRequest, message: "by must be one of \(KPIBreakdown.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var only: Set<String>?
        if let list = q.get("kpi"), !list.isEmpty {
            let ids = list.split(separator: ",").map(String.init)
            let unknown = ids.filter { KPICatalog.standard[$0] == nil }
            guard unknown.isEmpty else { throw HTTPError(.badRequest, message: "unknown KPI id(s): \(unknown.joined(separator: ", "))") }
            only = Set(ids)
        }
        if let export = try ExportRequest(request) {
            let results = try await services.kpis(from: from, to: to, by: by, only: only, viewer: viewer)
            let language = Language.of(request)
            let table = KPIResultsTable.table(results, language: language)
            return try export.response([table], stem: "kpis_\(by.rawValue)_\(from)_\(to)", title: "KPI \(from)〜\(to.adding(days: -1))")
        }
        // The version is read before computing: an answer cached under it is at least as new as the version says.
        let version = try await services.store.answersVersion()
        let key = [viewer.login, viewer.role.rawValue, viewer.team ?? "", viewer.repId ?? "", "\(from)", "\(to)", by.rawValue,
                   only.map { $0.sorted().joined(separator: ",") } ?? "*"].joined(separator: "\u{1F}")
        let (services, asked) = (self.services, only)
        return .json(try await services.answers.value(key, version: version) {
            let results = try await services.kpis(from: from, to: to, by: by, only: asked, viewer: viewer)
            return "[" + results.map(\.jsonLine).joined(separator: ",\n") + "]\n"
        })
    }

    func catalog(context: AppRequestContext) throws -> Response {
        _ = try context.requireViewer()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(KPICatalog.standard.definitions)
        return .json(String(decoding: data, as: UTF8.self))
    }

    func me(context: AppRequestContext) throws -> Response {
        let viewer = try context.requireViewer()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return .json(String(decoding: try encoder.encode(viewer), as: UTF8.self))
    }
}

extension AppRequestContext {
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        return viewer
    }
}
