import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// GET /api/v1/alerts: today's alerts the viewer may see (organisation-wide ones for admins and viewers; a team's and
/// its reps' for its manager; a rep their own).
struct AlertsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/alerts") { _, context in try await self.alerts(context: context) }
    }

    func alerts(context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let alerts = try await services.alerts(viewer: viewer, now: Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return .json(String(decoding: try encoder.encode(alerts), as: UTF8.self) + "\n")
    }
}

extension Services {
    /// Today's alerts as of the minute of `now` (so that every viewer in that minute shares one computation, SharedComputations),
    /// kept to those the viewer may see.
    public func alerts(viewer: Viewer, now: Date) async throws -> [Alert] {
        let policy = try await self.policy(for: viewer)
        let minute = (now.timeIntervalSince1970 / 60).rounded(.down) * 60
        let version = try await store.answersVersion()
        let key = AlertsKey(targets: Set(try await store.targets()), minute: Int64(minute))
        let store = self.store
        let alerts = try await alertsCache.value(key, version: version) { try await AlertService(store: store).alerts(now: Date(timeIntervalSince1970: minute)) }
        metrics.recordAlerts(alerts, day: try await store.settings().clock.localDate(of: now))
        return alerts.filter(policy.seesAlert)
    }
}
