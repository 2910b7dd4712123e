import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: targets (page, API, targets.csv) and who may set them")
struct TargetsTests {
    static let team = "インサイドセールス1課"

    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, cookie: String? = nil, bearer: String? = nil,
                     csrfHeader: String? = nil, contentType: String = "application/json", body: String = "") async throws -> (HTTPResponse.Status, String) {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if let csrfHeader { headers[HTTPField.Name("X-CSRF-Token")!] = csrfHeader }
        headers[.contentType] = contentType
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
        return (response.status, String(buffer: response.body))
    }

    static func csrf(_ client: any TestClientProtocol, _ cookie: String) async throws -> String {
        let page = try await WebHarness.get(client, "/targets", cookie: cookie).1
        return ImportPageTests.csrf(in: page)
    }

    static func form(_ fields: [String: String]) -> String {
        fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
    }

    @Test("an admin sets an org target on the page; the dashboard shows it; removing it takes it off")
    func pageRoundTrip() async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let csrf = try await Self.csrf(client, cookie)
            let fields = ["csrf": csrf, "kpi": "calls", "scope": "org", "scope_id": "", "period": "month", "period_start": "2026-05-01", "value": "1,234"]

            let added = try await Self.send(client, .post, "/targets", cookie: cookie, contentType: "application/x-www-form-urlencoded", body: Self.form(fields))
            let stored = try await store.targets()
            let dashboard = try await WebHarness.get(client, "/?from=2026-05-01&through=2026-05-31", cookie: cookie)
            var removal = fields
            removal.removeValue(forKey: "value")
            let removed = try await Self.send(client, .post, "/targets/delete", cookie: cookie, contentType: "application/x-www-form-urlencoded", body: Self.form(removal))

            #expect(added.0 == .seeOther)
            #expect(stored.contains(Target(kpi: "calls", scope: .org, period: .month, periodStart: LocalDate("2026-05-01")!, value: 1234)))
            #expect(dashboard.1.contains("/ 1,234"))
            #expect(removed.0 == .seeOther)
            #expect(try await store.targets().contains { $0.kpi == "calls" && $0.scope == .org && $0.periodStart == LocalDate("2026-05-01")! } == false)
        }
    }

    @Test("the API takes a batch all or nothing, with each problem by record and field")
    func apiBatch() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            let before = try await store.targets().count
            let bad = """
                [{"kpi":"calls","scope":"team","scope_id":"\(Self.team)","period":"month","period_start":"2026-06-01","value":900},
                 {"kpi":"calls","scope":"team","scope_id":"\(Self.team)","period":"month","period_start":"2026-06-15","value":900},
                 {"kpi":"nope","scope":"rep","scope_id":"R999","period":"week","period_start":"2026-06-01","value":-1,"colour":"red"}]
                """
            let refused = try await Self.send(client, .post, "/api/v1/targets", bearer: token, body: bad)
            #expect(refused.0 == .unprocessableContent)
            for fragment in ["\"record\":1,\"field\":\"period_start\"", "\"record\":2,\"field\":\"colour\"", "\"record\":2,\"field\":\"kpi\"",
                             "\"record\":2,\"field\":\"scope_id\"", "\"record\":2,\"field\":\"value\""] {
                #expect(refused.1.contains(fragment), "\(fragment) in \(refused.1)")
            }
            #expect(try await store.targets().count == before)

            let good = "[{\"kpi\":\"connect_rate\",\"scope\":\"rep\",\"scope_id\":\"R002\",\"period\":\"quarter\",\"period_start\":\"2026-04-01\",\"value\":0.25}]"
            let saved = try await Self.send(client, .post, "/api/v1/targets", bearer: token, body: good)
            let again = try await Self.send(client, .post, "/api/v1/targets", bearer: token, body: good)
            let list = try await Self.send(client, .get, "/api/v1/targets", bearer: token)
            #expect(saved.0 == .ok && saved.1.contains("\"inserted\":1"))
            #expect(again.1.contains("\"unchanged\":1"))
            #expect(list.1.contains("{\"kpi\":\"connect_rate\",\"scope\":\"rep\",\"scope_id\":\"R002\",\"period\":\"quarter\",\"period_start\":\"2026-04-01\",\"value\":0.25}"))
            let deleted = try await Self.send(client, .delete, "/api/v1/targets?kpi=connect_rate&scope=rep&scope_id=R002&period=quarter&period_start=2026-04-01", bearer: token)
            let gone = try await Self.send(client, .delete, "/api/v1/targets?kpi=connect_rate&scope=rep&scope_id=R002&period=quarter&period_start=2026-04-01", bearer: token)
            #expect(deleted.0 == .ok && gone.0 == .notFound)
        }
    }

    @Test("who may set and see which target", arguments: [
        ("manager", "team", team, true),
        ("manager", "rep", "R002", true),
        ("manager", "org", "", false),
        ("manager", "team", "フィールドセールス部", false),
        ("manager", "rep", "R009", false),
        ("fsmanager", "rep", "R002", false),
        ("rep", "rep", "R002", false),
        ("viewer", "org", "", false),
        ("admin", "team", "フィールドセールス部", true),
    ])
    func rights(user: String, scope: String, scopeId: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let csrf = try await Self.csrf(client, cookie)
            let body = "[{\"kpi\":\"calls\",\"scope\":\"\(scope)\",\"scope_id\":\"\(scopeId)\",\"period\":\"month\",\"period_start\":\"2026-07-01\",\"value\":10}]"
            let noCSRF = try await Self.send(client, .post, "/api/v1/targets", cookie: cookie, body: body)
            let api = try await Self.send(client, .post, "/api/v1/targets", cookie: cookie, csrfHeader: csrf, body: body)
            #expect(noCSRF.0 == .forbidden)
            #expect(api.0 == (allowed ? .ok : .forbidden), "\(user) \(scope) \(scopeId): \(api.1)")
            #expect(try await store.targets().contains { $0.periodStart == LocalDate("2026-07-01")! } == allowed)
            // What the user lists afterwards: only targets they may see.
            let list = try await Self.send(client, .get, "/api/v1/targets", cookie: cookie)
            if user == "rep" || user == "manager" { #expect(!list.1.contains("フィールドセールス部") && !list.1.contains("\"scope\":\"org\"")) }
        }
    }

    @Test("targets.csv through the page: all or nothing")
    func csvImport() async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let csrf = try await Self.csrf(client, cookie)
            let before = try await store.targets().count
            let bad = "kpi,scope,scope_id,period,period_start,value\ncalls,org,,month,2026-08-01,100\ncalls,org,,month,2026-08-01,abc\n"
            let good = "kpi,scope,scope_id,period,period_start,value\ncalls,org,,month,2026-08-01,100\nwins,team,\(Self.team),month,2026-08-01,5\n"
            for (csv, ok) in [(bad, false), (good, true)] {
                let (type, body) = ImportPageTests.multipart([("csrf", nil, Data(csrf.utf8)), ("file", "目標.csv", Data(csv.utf8))])
                let response = try await ImportPageTests.post(client, "/targets/import", cookie: cookie, contentType: type, body: body)
                #expect(response.0 == (ok ? .seeOther : .unprocessableContent))
                if !ok { #expect(response.1.contains("目標.csv:3")) }
                #expect(try await store.targets().count == before + (ok ? 2 : 0))
            }
        }
    }
}
