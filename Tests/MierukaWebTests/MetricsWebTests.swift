import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import MierukaWeb
import Testing

@Suite("Web: GET /metrics (Prometheus)")
struct MetricsWebTests {
    static let scrapeToken = "scrape-secret-1"

    /// The golden data, an admin and a rep, and an app whose metrics accept `scrapeToken` (its own fresh registry).
    static func withApp(_ body: @Sendable (any TestClientProtocol, any Store) async throws -> Void) async throws {
        guard let store = try await TestDatabase.open(TestDatabase.suiteBackend) else {
            throw NoTestDatabase(description: TestDatabase.skipMessage + " but MIERUKA_TEST_BACKEND=postgres asks for it")
        }
        do {
            let sources = try ImportSource.resolve(paths: [try WebHarness.golden()], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            let login = LoginService(store: store)
            try await login.addUser(login: "admin", password: WebHarness.password, role: .admin, team: nil, repId: nil)
            try await login.addUser(login: "rep", password: WebHarness.password, role: .rep, team: "インサイドセールス1課", repId: "R002")
            let services = Services(store: store, metrics: AppMetrics(scrapeToken: scrapeToken))
            let app = Application(responder: buildResponder(services: services))
            try await app.test(.router) { client in try await body(client, store) }
            try await TestDatabase.close(store)
        } catch {
            try? await TestDatabase.close(store)
            throw error
        }
    }

    /// The value of the one sample line `name{labels}` (labels exactly as exposed), nil when absent.
    static func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test("requests by route pattern, latency buckets, ingested rows, KPI timings and alerts appear in the exposition")
    func exposition() async throws {
        try await Self.withApp { client, store in
            // setup: a few requests of different routes
            let token = try await LoginService(store: store).createToken(login: "admin")
            for _ in 0..<2 { #expect(try await WebHarness.get(client, "/healthz").0 == .ok) }
            #expect(try await WebHarness.get(client, "/api/v1/kpis?\(IngestTests.day)&by=rep&kpi=calls", bearer: token).0 == .ok)
            #expect(try await WebHarness.get(client, "/api/v1/kpis/calls/records?\(IngestTests.day)", bearer: token).0 == .ok)
            #expect(try await WebHarness.get(client, "/api/v1/alerts", bearer: token).0 == .ok)
            #expect(try await WebHarness.get(client, "/no/such/page/\(UUID().uuidString)").0 == .notFound)
            let posted = try await IngestTests.post(
                client, "/api/v1/activities", IngestTests.calls(["M-1", "M-2", "M-3"]), bearer: token)
            #expect(posted.status == .ok, "\(posted.text)")

            // MUT
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(Self.scrapeToken)"
            let response = try await client.execute(uri: "/metrics", method: .get, headers: headers)
            let text = String(buffer: response.body)

            // validate
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(Self.sample(text, #"mieruka_http_requests_total{method="GET",route="/healthz",status="200"}"#) == 2, "\(text)")
            #expect(Self.sample(text, #"mieruka_http_requests_total{method="POST",route="/api/v1/activities",status="200"}"#) == 1)
            #expect(Self.sample(text, #"mieruka_http_requests_total{method="GET",route="unmatched",status="404"}"#) == 1)
            // The route's pattern, never the raw path: no unbounded labels.
            #expect(text.contains(#"route="/api/v1/kpis/:id/records""#) || text.contains(#"route="/api/v1/kpis/{id}/records""#), "\(text)")
            #expect(!text.contains("/api/v1/kpis/calls/records") && !text.contains("/no/such/page"))
            #expect(text.contains("# TYPE mieruka_http_request_duration_seconds histogram"))
            #expect(Self.sample(text, #"mieruka_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"}"#) == 2)
            #expect(Self.sample(text, #"mieruka_http_request_duration_seconds_count{method="GET",route="/healthz"}"#) == 2)
            #expect(text.contains(#"mieruka_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.005"}"#))
            #expect(Self.sample(text, #"mieruka_import_rows_total{entity="activities",source="api"}"#) == 3)
            #expect((Self.sample(text, #"mieruka_kpi_computation_duration_seconds_count{entry="api"}"#) ?? 0) > 0)
            #expect(Self.sample(text, #"mieruka_alerts_raised_total{severity="warning"}"#) != nil)
            #expect(Self.sample(text, #"mieruka_alerts_active{severity="critical"}"#) != nil)
            // An alert is raised once a day: looking at the alerts again does not count them again.
            func raised(_ text: String) -> Double {
                (Self.sample(text, #"mieruka_alerts_raised_total{severity="warning"}"#) ?? 0)
                    + (Self.sample(text, #"mieruka_alerts_raised_total{severity="critical"}"#) ?? 0)
            }
            for _ in 0..<2 { #expect(try await WebHarness.get(client, "/api/v1/alerts", bearer: token).0 == .ok) }
            let again = String(buffer: try await client.execute(uri: "/metrics", method: .get, headers: headers).body)
            #expect(raised(again) == raised(text) && raised(text) > 0, "\(raised(text)) then \(raised(again))")

            // the dashboard's KPI computation is timed too
            let admin = try await WebHarness.login(client, as: "admin")
            #expect(try await WebHarness.get(client, "/", cookie: admin.cookie).0 == .ok)
            let afterDashboard = try await WebHarness.get(client, "/metrics", cookie: admin.cookie)
            #expect(afterDashboard.0 == .ok, "an admin's session may read /metrics")
            #expect((Self.sample(afterDashboard.1, #"mieruka_kpi_computation_duration_seconds_count{entry="dashboard"}"#) ?? 0) > 0, "\(afterDashboard.1)")
        }
    }

    @Test("without an admin login or the scrape token /metrics is refused")
    func refused() async throws {
        try await Self.withApp { client, store in
            let nobody = try await WebHarness.get(client, "/metrics")
            #expect(nobody.0 == .unauthorized)
            #expect(!nobody.1.contains("mieruka_http_requests_total"))
            #expect(try await WebHarness.get(client, "/metrics", bearer: "wrong-token").0 == .unauthorized)
            let repToken = try await LoginService(store: store).createToken(login: "rep")
            #expect(try await WebHarness.get(client, "/metrics", bearer: repToken).0 == .forbidden)
            let rep = try await WebHarness.login(client, as: "rep")
            #expect(try await WebHarness.get(client, "/metrics", cookie: rep.cookie).0 == .forbidden)
            let adminToken = try await LoginService(store: store).createToken(login: "admin")
            #expect(try await WebHarness.get(client, "/metrics", bearer: adminToken).0 == .ok)
            #expect(try await WebHarness.get(client, "/metrics", bearer: Self.scrapeToken).0 == .ok)
        }
    }

    @Test("without a configured scrape token only admins read /metrics")
    func noTokenConfigured() async throws {
        let metrics = AppMetrics()
        guard let store = try await TestDatabase.open(.sqlite) else { return }
        let app = Application(responder: buildResponder(services: Services(store: store, metrics: metrics)))
        try await app.test(.router) { (client: any TestClientProtocol) async throws in
            let empty = try await WebHarness.get(client, "/metrics", bearer: "")
            let anything = try await WebHarness.get(client, "/metrics", bearer: "anything")
            #expect(empty.0 == .unauthorized && anything.0 == .unauthorized)
        }
        try await TestDatabase.close(store)
    }
}
