import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// GET /api/v1/insights: the bottleneck with the seeds' advice, best time to call, conversion by channel, lost reasons
/// and the re-approach list, as one JSON object (the CLI's `insights --format json`), under the KPI API's access rule.
struct InsightsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/insights") { request, context in try await self.insights(request, context: context) }
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
