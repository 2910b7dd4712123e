import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: login, sessions, CSRF and who sees what")
struct AccessTests {
    static let may = "from=2026-05-01&to=2026-06-01"

    @Test("HEAD answers like GET without a body")
    func head() async throws {
        try await WebHarness.withApp { client, _ in
            let health = try await client.execute(uri: "/healthz", method: .head)
            let page = try await client.execute(uri: "/", method: .head)
            #expect(health.status == .ok && health.body.readableBytes == 0)
            #expect(page.status == .seeOther)
        }
    }

    @Test("health is open; everything else needs a login")
    func anonymous() async throws {
        try await WebHarness.withApp { client, _ in
            let health = try await WebHarness.get(client, "/healthz").0
            let root = try await WebHarness.get(client, "/").0
            let kpis = try await WebHarness.get(client, "/api/v1/kpis?\(Self.may)").0
            let me = try await WebHarness.get(client, "/api/v1/me").0
            #expect(health == .ok)
            #expect(root == .seeOther)
            #expect(kpis == .unauthorized)
            #expect(me == .unauthorized)
        }
    }

    @Test("login sets an HttpOnly SameSite session cookie; wrong passwords are refused and throttled")
    func loginFlow() async throws {
        try await WebHarness.withApp { client, _ in
            let ok = try await WebHarness.login(client, as: "admin")
            #expect(ok.status == .seeOther)
            #expect(ok.cookie.hasPrefix("mieruka_session="))
            let me = try await WebHarness.get(client, "/api/v1/me", cookie: ok.cookie)
            #expect(me.0 == .ok && me.1.contains("\"login\":\"admin\""))
            for _ in 0..<5 {
                let wrong = try await WebHarness.login(client, as: "rep", password: "wrong-password").status
                #expect(wrong == .unauthorized)
            }
            // Locked now, even with the right password.
            let locked = try await WebHarness.login(client, as: "rep").status
            #expect(locked == .tooManyRequests)
        }
    }

    @Test("a login form posted without its CSRF token is refused")
    func csrf() async throws {
        try await WebHarness.withApp { client, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let response = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                    body: ByteBuffer(string: "login=admin&password=\(WebHarness.password)"))
            #expect(response.status == .forbidden)
            #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("mieruka_session=") })
            // Logout without the session's CSRF token is refused too.
            let session = try await WebHarness.login(client, as: "admin").cookie
            var logoutHeaders = HTTPFields()
            logoutHeaders[.cookie] = session
            logoutHeaders[.contentType] = "application/x-www-form-urlencoded"
            let logout = try await client.execute(uri: "/logout", method: .post, headers: logoutHeaders, body: ByteBuffer(string: "csrf=nope")).status
            #expect(logout == .forbidden)
            let stillIn = try await WebHarness.get(client, "/api/v1/me", cookie: session).0
            #expect(stillIn == .ok)
        }
    }

    @Test("role matrix for /api/v1/kpis: org figures for admin and viewer only; reps and managers see their own people")
    func kpiVisibility() async throws {
        try await WebHarness.withApp { client, _ in
            var groupsSeen: [String: Set<String>] = [:]
            for user in ["admin", "viewer", "manager", "rep", "fsmanager"] {
                let cookie = try await WebHarness.login(client, as: user).cookie
                let org = try await WebHarness.get(client, "/api/v1/kpis?\(Self.may)&kpi=calls", cookie: cookie)
                #expect(org.0 == ((user == "admin" || user == "viewer") ? .ok : .forbidden), "\(user) by org")
                let channel = try await WebHarness.get(client, "/api/v1/kpis?\(Self.may)&by=channel&kpi=calls", cookie: cookie)
                #expect(channel.0 == ((user == "admin" || user == "viewer") ? .ok : .forbidden), "\(user) by channel")
                let byRep = try await WebHarness.get(client, "/api/v1/kpis?\(Self.may)&by=rep&kpi=calls", cookie: cookie)
                #expect(byRep.0 == .ok)
                let lines = try JSONSerialization.jsonObject(with: Data(byRep.1.utf8)) as? [[String: Any]] ?? []
                groupsSeen[user] = Set(lines.compactMap { $0["group"] as? String })
            }
            #expect(groupsSeen["admin"]?.count == 9)
            #expect(groupsSeen["rep"] == ["R002"])
            #expect(groupsSeen["manager"] == ["R001", "R002", "R003", "R004", "R005", "R006", "R007"])
            #expect(groupsSeen["fsmanager"] == ["R009"])
        }
    }

    @Test("the API answers exactly what the CLI computes, and takes bearer tokens")
    func apiEqualsEngine() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "viewer")
            let api = try await WebHarness.get(client, "/api/v1/kpis?\(Self.may)&by=team", bearer: token)
            #expect(api.0 == .ok)
            let expected = try await KPIService(store: store).compute(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, by: .team)
            let expectedBody = "[" + expected.map(\.jsonLine).joined(separator: ",\n") + "]\n"
            // Line by line, so a failure names the KPI and group that differ instead of printing two whole answers.
            let apiLines = api.1.split(separator: "\n"), expectedLines = expectedBody.split(separator: "\n")
            #expect(apiLines.count == expectedLines.count)
            for (got, want) in zip(apiLines, expectedLines) where got != want {
                Issue.record("API \(got) ≠ KPIService \(want)")
            }
            let wrong = try await WebHarness.get(client, "/api/v1/me", bearer: "mk_wrong").0
            #expect(wrong == .unauthorized)
        }
    }

    @Test("pages carry security headers and escape data")
    func headersAndEscaping() async throws {
        try await WebHarness.withApp { client, store in
            try await store.transaction {
                try await store.stage(.reps, rows: [CanonicalRecord.rep(Rep(id: "R002", name: "<script>alert(1)</script>", team: "インサイドセールス1課", role: .sdr)).cells])
                _ = try await store.mergeStaged(.reps)
            }
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let page = try await WebHarness.get(client, "/", cookie: cookie)
            #expect(page.0 == .ok)
            #expect(page.1.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.1.contains("<script>alert(1)"))
            #expect(page.2[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(page.2[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            let en = try await WebHarness.get(client, "/?lang=en", cookie: cookie)
            #expect(en.1.contains("<html lang=\"en\">") && en.1.contains("Calls"))
            #expect(page.1.contains("<html lang=\"ja\">") && page.1.contains("架電数"))
        }
    }
}

@Suite("Web: definition sheet and settings")
struct DefinitionPageTests {
    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, body: String) async throws -> HTTPResponse.Status {
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)).status
    }

    static func csrf(in page: String) -> String {
        page.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
    }

    @Test("everyone logged in reads the sheet; only an admin with the CSRF token changes a setting, and it is recorded")
    func settings() async throws {
        try await WebHarness.withApp { client, store in
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let page = try await WebHarness.get(client, "/definitions", cookie: admin)
            #expect(page.0 == .ok)
            #expect(page.1.contains("KPI定義書") && page.1.contains("<code>connect_rate</code>") && page.1.contains("解釈"))
            let token = Self.csrf(in: page.1)
            let noToken = try await Self.post(client, "/settings", cookie: admin, body: "key=valid_conversation_seconds&value=90")
            #expect(noToken == .forbidden)
            let bad = try await Self.post(client, "/settings", cookie: admin, body: "csrf=\(token)&key=valid_conversation_seconds&value=abc")
            #expect(bad == .unprocessableContent)
            let ok = try await Self.post(client, "/settings", cookie: admin, body: "csrf=\(token)&key=valid_conversation_seconds&value=90")
            #expect(ok == .seeOther)
            #expect(try await store.settingValues()["valid_conversation_seconds"] == "90")
            let history = try await store.settingsHistory()
            #expect(history.last?.changedBy == "admin" && history.last?.oldValue == "120" && history.last?.newValue == "90")

            let manager = try await WebHarness.login(client, as: "manager").cookie
            let managerPage = try await WebHarness.get(client, "/definitions", cookie: manager)
            #expect(managerPage.0 == .ok)
            #expect(!managerPage.1.contains("action=\"/settings\""))
            let managerToken = Self.csrf(in: managerPage.1)
            let refused = try await Self.post(client, "/settings", cookie: manager, body: "csrf=\(managerToken)&key=valid_conversation_seconds&value=30")
            #expect(refused == .forbidden)
            #expect(try await store.settingValues()["valid_conversation_seconds"] == "90")
        }
    }
}
