import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing
import Yams

@Suite("Web: the OpenAPI document covers every route and matches the answers")
struct OpenAPITests {
    static func documentText() throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try String(contentsOf: url.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    }

    static func document() throws -> [String: Any] {
        try #require(try Yams.load(yaml: try documentText()) as? [String: Any])
    }

    /// (METHOD, /path/{param}) of every documented operation, following path-item $refs.
    static func operations(_ doc: [String: Any]) throws -> Set<String> {
        let paths = try #require(doc["paths"] as? [String: Any])
        let components = doc["components"] as? [String: Any]
        let pathItems = components?["pathItems"] as? [String: Any] ?? [:]
        var out: Set<String> = []
        for (path, value) in paths {
            var item = try #require(value as? [String: Any])
            if let ref = item["$ref"] as? String { item = try #require(pathItems[String(ref.split(separator: "/").last!)] as? [String: Any]) }
            for method in ["get", "post", "put", "patch", "delete"] where item[method] != nil { out.insert("\(method.uppercased()) \(path)") }
        }
        return out
    }

    @Test("the served document is docs/openapi.yaml (run scripts/embed-openapi.sh after editing it)")
    func served() async throws {
        let text = try Self.documentText()
        try await WebHarness.withApp { client, _ in
            let response = try await WebHarness.get(client, "/api/openapi.yaml")
            #expect(response.0 == .ok)
            #expect(response.2[.contentType] == "application/yaml; charset=utf-8")
            #expect(response.1 == text, "the embedded document differs from docs/openapi.yaml: run scripts/embed-openapi.sh")
        }
    }

    @Test("every route of the router is documented, and every documented operation is routed")
    func coverage() async throws {
        let documented = try Self.operations(try Self.document())
        let store = try await SQLiteStore.open(path: ":memory:")
        let router = buildRouter(services: Services(store: store))
        try await store.close()
        let routed = Set(router.routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method) /" + path.joined(separator: "/")
        })
        #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.count > 20)
    }

    @Test("GET answers carry a documented status and content type, and the documented required fields")
    func answersMatch() async throws {
        try await WebHarness.withApp { client, _ in
            // Loaded inside: [String: Any] is not Sendable.
            let doc = try Self.document()
            let paths = try #require(doc["paths"] as? [String: Any])
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let calls: [(path: String, uri: String, required: [String])] = [
                ("/api/v1/kpis", "/api/v1/kpis?from=2026-05-01&to=2026-06-01&by=team&kpi=calls,connect_rate", ["kpi", "group", "from", "to", "numerator", "denominator", "value"]),
                ("/api/v1/kpis", "/api/v1/kpis?from=2026-05-01", []),
                ("/api/v1/kpis/{id}/records", "/api/v1/kpis/connect_rate/records?from=2026-05-01&to=2026-06-01&by=rep&group=R002",
                 ["kpi", "by", "group", "from", "to", "value", "part", "counts", "total_records", "page", "per_page", "records"]),
                ("/api/v1/kpis/{id}/records", "/api/v1/kpis/unknown/records?from=2026-05-01&to=2026-06-01", []),
                ("/api/v1/catalog", "/api/v1/catalog", ["id", "ja", "en", "layer", "kind", "unit", "formula", "groupings"]),
                ("/api/v1/me", "/api/v1/me", ["login", "role"]),
                ("/api/v1/targets", "/api/v1/targets", []),
                ("/api/v1/insights", "/api/v1/insights?from=2026-05-01&to=2026-06-01",
                 ["scope", "from", "to", "funnel", "best_time_to_call", "channels", "lost_reasons", "reapproach"]),
                ("/api/v1/insights", "/api/v1/insights?from=2026-05-01", []),
                ("/healthz", "/healthz", ["status"]),
            ]
            for call in calls {
                let response = try await WebHarness.get(client, call.uri, cookie: cookie)
                let operation = try #require((paths[call.path] as? [String: Any])?["get"] as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let status = String(response.0.code)
                #expect(responses[status] != nil, "\(call.uri) answered \(status), not documented")
                let contentType = response.2[.contentType]?.split(separator: ";").first.map(String.init) ?? ""
                if let documented = responses[status] as? [String: Any] {
                    let ref = (documented["$ref"] as? String)?.split(separator: "/").last.map(String.init)
                    let resolved = ref.flatMap { ((doc["components"] as? [String: Any])?["responses"] as? [String: Any])?[$0] as? [String: Any] } ?? documented
                    let types = (resolved["content"] as? [String: Any]).map { Set($0.keys) } ?? []
                    #expect(types.contains(contentType), "\(call.uri): \(contentType) not in \(types)")
                }
                guard !call.required.isEmpty, response.0 == .ok else { continue }
                let json = try JSONSerialization.jsonObject(with: Data(response.1.utf8))
                let object = (json as? [[String: Any]])?.first ?? (json as? [String: Any]) ?? [:]
                for key in call.required { #expect(object.keys.contains(key), "\(call.uri) lacks \(key)") }
            }
        }
    }
}
