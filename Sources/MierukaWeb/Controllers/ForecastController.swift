import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// GET /api/v1/forecast: the month's landing against its targets for the organisation (admins, viewers) or a team.
struct ForecastController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/forecast") { request, context in try await self.forecast(request, context: context) }
    }

    func forecast(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let q = request.uri.queryParameters
        let team = q.get("team").flatMap { $0.isEmpty ? nil : $0 }
        let policy = try await services.policy(for: viewer)
        guard team.map(policy.seesTeam) ?? policy.seesOrganisation else {
            throw HTTPError(.forbidden, message: "this scope is not yours to see; ask for your team with team=")
        }
        let settings = try await services.store.settings()
        let today = settings.clock.localDate(of: Date())
        var month = today.yearMonth
        if let p = q.get("period") {
            guard let m = YearMonth(p) else { throw HTTPError(.badRequest, message: "period must be a month, YYYY-MM") }
            month = m
        }
        let service = ForecastService(store: services.store)
        try await service.snapshotIfNeeded(today: today)
        let report = try await service.forecast(month: month, team: team, today: today)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return .json(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
    }
}
