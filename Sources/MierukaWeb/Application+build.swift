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
    // One log line per request, with Hummingbird's request id in the metadata; cookies and tokens are never logged.
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AuthenticationMiddleware(store: services.store))
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
    return router
}

public func buildApplication(services: Services, configuration: WebConfiguration, logger: Logger = Logger(label: "mieruka")) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services: services),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Mieruka"),
        logger: logger
    )
}

/// Headers every response carries: no framing, no sniffing, no referrer leaks, no scripts from anywhere.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
