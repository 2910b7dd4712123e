import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MierukaCore
import MierukaStore

/// How the server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router every caller shares: `serve` and the in-process tests.
public func buildRouter(services: Services) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // One log line per request, with Hummingbird's request id in the metadata; cookies, tokens and passwords are never logged.
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: AuthenticationMiddleware(store: services.store))
    router.add(middleware: RoutePatternMiddleware())
    router.get("/healthz") { _, _ in Response.json("{\"status\":\"ok\"}") }
    router.get("/api/openapi.yaml") { _, _ in Response.json(OpenAPIDocument.yaml + "\n", contentType: "application/yaml; charset=utf-8") }
    LoginController(login: services.login).addRoutes(to: router)
    DashboardController(services: services).addRoutes(to: router)
    DefinitionController(services: services).addRoutes(to: router)
    RecordsController(services: services).addRoutes(to: router)
    ImportController(services: services).addRoutes(to: router)
    TargetsController(services: services).addRoutes(to: router)
    PlanController(services: services).addRoutes(to: router)
    ForecastController(services: services).addRoutes(to: router)
    AlertsController(services: services).addRoutes(to: router)
    InsightsController(services: services).addRoutes(to: router)
    PhaseController(services: services).addRoutes(to: router)
    APIController(services: services).addRoutes(to: router)
    IngestController(services: services).addRoutes(to: router)
    SheetController(services: services).addRoutes(to: router)
    EventsController(services: services).addRoutes(to: router)
    ReportsController(services: services).addRoutes(to: router)
    MetricsController(services: services).addRoutes(to: router)
    return router
}

public func buildApplication(services: Services, configuration: WebConfiguration, logger: Logger = Logger(label: "mieruka")) -> some ApplicationProtocol {
    Application(
        responder: buildResponder(services: services),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Mieruka"),
        logger: logger
    )
}

/// The router behind a responder that answers HEAD as GET without the body (monitors and link checkers use HEAD;
/// RFC 9110 §9.3.2). Routes are matched by method before any router middleware runs, so this sits in front of it.
public func buildResponder(services: Services) -> some HTTPResponder<AppRequestContext> {
    MetricsResponder(base: SecurityHeadersResponder(base: HeadAsGetResponder(base: buildRouter(services: services).buildResponder())),
                     metrics: services.metrics)
}

struct HeadAsGetResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == AppRequestContext {
    typealias Context = AppRequestContext
    let base: Base

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}
