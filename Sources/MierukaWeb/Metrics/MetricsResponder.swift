import Foundation
import HTTPTypes
import Hummingbird

/// Counts every request and its latency, labelled with the route's pattern. It sits in front of the router (router
/// middleware runs only for matched routes, and a 404 must be counted too); `RoutePatternMiddleware` tells it the
/// pattern through a task-local box, since the router's context is a copy this responder never sees.
struct MetricsResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == AppRequestContext {
    typealias Context = AppRequestContext
    let base: Base
    let metrics: AppMetrics

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let route = MatchedRoute()
        let method = countedMethods.contains(request.method.rawValue) ? request.method.rawValue : "other"
        do {
            let response = try await MatchedRoute.$current.withValue(route) { try await base.respond(to: request, context: context) }
            metrics.recordRequest(method: method, route: route.pattern ?? "unmatched", status: response.status.code, seconds: AppMetrics.seconds(since: start))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.recordRequest(method: method, route: route.pattern ?? "unmatched", status: status.code, seconds: AppMetrics.seconds(since: start))
            throw error
        }
    }
}

/// The methods counted by name; anything else is `other`, so a client cannot grow the label set.
private let countedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

/// The pattern of the route a request matched (e.g. `/api/v1/kpis/:id/records`), written by `RoutePatternMiddleware`.
final class MatchedRoute: @unchecked Sendable {
    @TaskLocal static var current: MatchedRoute?

    private let lock = NSLock()
    private var value: String?

    var pattern: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Notes the matched route's pattern for `MetricsResponder`.
struct RoutePatternMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        MatchedRoute.current?.pattern = context.endpointPath
        return try await next(request, context)
    }
}
