import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaImport
import MierukaStore

/// POST /api/v1/events: call tools and MA tools post call and email events (one, or {"events": [...]}); events of one
/// call or message become one activity. Idempotent by event_id. Same access and answers as the batch API.
struct EventsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.group("api/v1").post("events") { request, context in try await self.post(request, context: context) }
    }

    func post(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            return try await accept(request, context: context)
        } catch let error as HTTPError {
            return IngestController.error(error.status, error.body ?? error.status.reasonPhrase)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            return IngestController.error(.contentTooLarge, "the body is larger than \(IngestController.maxBodyBytes >> 20) MB; send at most \(EventIngest.maxEvents) events per request")
        } catch let error as BatchTooLarge {
            return IngestController.error(.contentTooLarge, error.description.replacingOccurrences(of: "records", with: "events"))
        } catch let failure as BatchFailure {
            let listed = failure.totalIssues > failure.issues.count ? " (the first \(failure.issues.count) are listed)" : ""
            let message = "\(failure.totalIssues) error(s) in the events\(listed); nothing was written. Fix the events (\"record\" is the event's index) and send the whole batch again."
            return IngestController.encode(IngestController.Refused(error: message, errors: failure.issues, totalErrors: failure.totalIssues), status: .unprocessableContent)
        }
    }

    private func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        try context.requireCSRFHeader(request)
        guard try await services.policy(for: viewer).canImport else {
            throw HTTPError(.forbidden, message: "only an admin or a manager may post events (you are \(viewer.role.rawValue))")
        }
        try IngestController.requireJSON(request)
        var request = request
        let body = try await request.collectBody(upTo: IngestController.maxBodyBytes)
        let events: [BatchRecord]
        do {
            events = try EventDocument.events(from: Data(body.readableBytesView))
        } catch let error as BatchDocument.Unreadable {
            throw HTTPError(.badRequest, message: error.message)
        }
        guard events.count <= EventIngest.maxEvents else { throw BatchTooLarge(count: events.count, limit: EventIngest.maxEvents) }
        let origin = "POST /api/v1/events by \(viewer.login) (\(context.session == nil ? "token" : "session"))"
        let result = try await services.ingestEvents(events, viewer: viewer, origin: origin)
        return IngestController.encode(Accepted(result), status: .ok)
    }

    /// What a committed batch of events did.
    struct Accepted: Encodable {
        struct Line: Encodable {
            var eventId: String
            var status: String
            var activityId: String
            enum CodingKeys: String, CodingKey {
                case status
                case eventId = "event_id"
                case activityId = "activity_id"
            }
        }
        struct Activities: Encodable {
            var inserted: Int
            var updated: Int
            var unchanged: Int
        }
        var received: Int
        var accepted: Int
        var duplicates: Int
        var activities: Activities
        var events: [Line]

        init(_ result: EventIngestResult) {
            received = result.received
            accepted = result.accepted
            duplicates = result.duplicates
            activities = Activities(inserted: result.activities.inserted, updated: result.activities.updated, unchanged: result.activities.unchanged)
            events = result.lines.map { Line(eventId: $0.eventId, status: $0.status, activityId: $0.activityId) }
        }
    }
}
