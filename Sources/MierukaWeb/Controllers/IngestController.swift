import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaImport
import MierukaStore

/// POST /api/v1/leads, /api/v1/activities, /api/v1/opportunities: dialers and MA tools post batches of canonical
/// records, checked and written as the CLI import would (all or nothing). Every answer, refusals included, is JSON
/// with an "error" text, so a client can log it as it comes.
struct IngestController {
    let services: Services
    /// 10,000 long opportunity records fit in well under this; anything bigger is not a batch we take.
    static let maxBodyBytes = 32 << 20

    func addRoutes(to router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        for entity in Services.ingestEntities {
            api.post(RouterPath(stringLiteral: entity.rawValue)) { request, context in try await self.post(entity, request, context: context) }
        }
    }

    func post(_ entity: Entity, _ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            return try await accept(entity, request, context: context)
        } catch let error as HTTPError {
            return Self.error(error.status, error.body ?? error.status.reasonPhrase)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            // The body reader's own error (NIO's "too many bytes") carries no text.
            return Self.error(.contentTooLarge, "the body is larger than \(Self.maxBodyBytes >> 20) MB; send at most \(BatchImporter.maxRecords) records per request")
        } catch let error as BatchTooLarge {
            return Self.error(.contentTooLarge, error.description)
        } catch let failure as BatchFailure {
            return Self.invalid(entity, failure)
        }
    }

    private func accept(_ entity: Entity, _ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { throw HTTPError(.unauthorized, message: WebError.unauthorized.description) }
        // A browser session must prove the request comes from our own page; a bearer token cannot be sent by another site.
        try context.requireCSRFHeader(request)
        guard try await services.policy(for: viewer).canImport else {
            throw HTTPError(.forbidden, message: "only an admin or a manager may write records (you are \(viewer.role.rawValue))")
        }
        try Self.requireJSON(request)
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodyBytes)
        let records: [BatchRecord]
        do {
            records = try BatchDocument.records(from: Data(body.readableBytesView))
        } catch let error as BatchDocument.Unreadable {
            throw HTTPError(.badRequest, message: error.message)
        }
        guard records.count <= BatchImporter.maxRecords else { throw BatchTooLarge(count: records.count, limit: BatchImporter.maxRecords) }
        let origin = "POST /api/v1/\(entity.rawValue) by \(viewer.login) (\(context.session == nil ? "token" : "session"))"
        let counts = try await services.ingest(entity, records: records, viewer: viewer, origin: origin)
        return Self.encode(Accepted(entity: entity.rawValue, received: records.count, counts: counts), status: .ok)
    }

    /// JSON, and only UTF-8 JSON (RFC 8259): a form or a CSV posted here by mistake gets a clear answer instead of a parse error.
    static func requireJSON(_ request: Request) throws {
        let parts = (request.headers[.contentType] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else {
            throw HTTPError(.unsupportedMediaType, message: "send the records as Content-Type: application/json (got \(request.headers[.contentType] ?? "none"))")
        }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else {
                throw HTTPError(.unsupportedMediaType, message: "JSON is read as UTF-8 only (got charset=\(charset))")
            }
        }
    }

    /// What a committed batch did.
    struct Accepted: Encodable {
        var entity: String
        var received: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
        /// Records whose id came again later in the same batch (the later one won).
        var duplicates: Int

        init(entity: String, received: Int, counts: MergeCounts) {
            self.entity = entity
            self.received = received
            inserted = counts.inserted
            updated = counts.updated
            unchanged = counts.unchanged
            duplicates = counts.duplicates
        }
    }

    struct Refused: Encodable {
        var error: String
        var errors: [RecordIssue]?
        var totalErrors: Int?

        enum CodingKeys: String, CodingKey {
            case error, errors
            case totalErrors = "total_errors"
        }
    }

    static func invalid(_ entity: Entity, _ failure: BatchFailure) -> Response {
        let listed = failure.totalIssues > failure.issues.count ? " (the first \(failure.issues.count) are listed)" : ""
        let message = "\(failure.totalIssues) error(s) in the \(entity.rawValue) batch\(listed); nothing was written. Fix the records and send the whole batch again."
        return encode(Refused(error: message, errors: failure.issues, totalErrors: failure.totalIssues), status: .unprocessableContent)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        encode(Refused(error: message), status: status)
    }

    static func encode(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{\"error\":\"the answer could not be encoded\"}"
        return .json(text + "\n", status: status)
    }
}
