import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore

/// GET /metrics: the Prometheus exposition. The figures reveal activity (request and import volumes, alert counts),
/// so it is not public: an admin (session or API token) may read it, or a scraper presenting the token given to
/// `mieruka serve --metrics-token` (a scraper should not need a user account, and a loopback check would open it to
/// anything running on the same host or behind a local reverse proxy).
struct MetricsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/metrics") { request, context in try self.metrics(request, context: context) }
    }

    func metrics(_ request: Request, context: AppRequestContext) throws -> Response {
        guard Self.allowed(request, viewer: context.viewer, token: services.metrics.scrapeToken) else {
            if context.viewer != nil {
                throw HTTPError(.forbidden, message: "/metrics is for admins, or for a scraper with the token given to `mieruka serve --metrics-token`")
            }
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer realm=\"mieruka metrics\""
            throw HTTPError(.unauthorized, headers: headers,
                            message: "/metrics needs an admin login or token, or the scrape token of `mieruka serve --metrics-token` (Authorization: Bearer …)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: services.metrics.exposition())))
    }

    static func allowed(_ request: Request, viewer: Viewer?, token: String?) -> Bool {
        if viewer?.role == .admin { return true }
        guard let token, let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") else { return false }
        return Secrets.equal(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces), token)
    }
}
