import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Logging
import Testing

/// OWASP ASVS level 2 items that live in the web layer: session cookies, rotation, expiry and logout; throttling;
/// headers on every answer; no inline script; API tokens that can be revoked.
@Suite("Web: sessions, cookies, throttling, headers and API tokens")
struct SessionSecurityTests {
    static func sessionCookie(_ headers: HTTPFields) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix("mieruka_session=") }
    }

    /// Logs in by the form and returns the whole Set-Cookie line of the session, sending `extra` headers with the post.
    static func loginSetCookie(_ client: any TestClientProtocol, as user: String, extra: HTTPFields = [:]) async throws -> String {
        let form = try await client.execute(uri: "/login", method: .get)
        let html = String(buffer: form.body)
        let csrf = html.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
        let preCookie = form.headers[values: .setCookie].first { $0.hasPrefix("mieruka_login_csrf=") }?.components(separatedBy: ";").first ?? ""
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = preCookie
        let response = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                body: ByteBuffer(string: "csrf=\(csrf)&login=\(user)&password=\(WebHarness.password)"))
        return sessionCookie(response.headers) ?? ""
    }

    @Test("the session cookie is HttpOnly, SameSite=Lax, path /, 12 hours; Secure behind HTTPS; never readable by script")
    func cookieFlags() async throws {
        try await WebHarness.withApp { client, _ in
            let plain = try await Self.loginSetCookie(client, as: "admin")
            let attributes = Set(plain.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=lax"))
            #expect(attributes.contains("path=/"))
            #expect(attributes.contains("max-age=43200"))
            // Plain HTTP on loopback (the default `serve`) cannot carry Secure cookies; behind a TLS proxy they are Secure.
            #expect(!attributes.contains("secure"))
            var https = HTTPFields()
            https[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let secure = try await Self.loginSetCookie(client, as: "admin", extra: https)
            #expect(secure.lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.contains("secure"))
            // The value is long and random: 32 bytes or more of URL-safe text.
            let value = plain.split(separator: ";")[0].dropFirst("mieruka_session=".count)
            #expect(value.count >= 40)
        }
    }

    @Test("every login gets a new session id; the login page's pre-session cookie never becomes the session; logout ends it on the server")
    func rotationAndLogout() async throws {
        try await WebHarness.withApp { client, _ in
            let first = try await WebHarness.login(client, as: "manager").cookie
            let second = try await WebHarness.login(client, as: "manager").cookie
            #expect(!first.isEmpty && first != second)
            // A session id chosen by an attacker (planted before login) is not adopted: the login answers a fresh one.
            var planted = HTTPFields()
            planted[.cookie] = "mieruka_session=attacker-chosen-value"
            let fresh = try await Self.loginSetCookie(client, as: "manager", extra: planted)
            #expect(!fresh.contains("attacker-chosen-value") && fresh.hasPrefix("mieruka_session="))
            let plantedMe = try await WebHarness.get(client, "/api/v1/me", cookie: "mieruka_session=attacker-chosen-value").0
            #expect(plantedMe == .unauthorized)

            // Logging out with the page's CSRF token deletes the session server-side: the old cookie no longer works.
            let page = try await WebHarness.get(client, "/", cookie: first)
            let csrf = page.1.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            var headers = HTTPFields()
            headers[.cookie] = first
            headers[.contentType] = "application/x-www-form-urlencoded"
            let logout = try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)"))
            #expect(logout.status == .seeOther)
            #expect(Self.sessionCookie(logout.headers)?.lowercased().contains("max-age=0") == true)
            #expect(try await WebHarness.get(client, "/api/v1/me", cookie: first).0 == .unauthorized)
            #expect(try await WebHarness.get(client, "/api/v1/me", cookie: second).0 == .ok)
        }
    }

    @Test("an expired session is refused like none: pages send to the login, the API answers 401")
    func expiry() async throws {
        try await WebHarness.withApp { client, store in
            let token = Secrets.randomToken()
            try await store.createSession(tokenHash: Secrets.hash(token), login: "admin", csrf: "c", expiresAt: Date().addingTimeInterval(-1))
            let live = Secrets.randomToken()
            try await store.createSession(tokenHash: Secrets.hash(live), login: "admin", csrf: "c", expiresAt: Date().addingTimeInterval(60))
            #expect(try await WebHarness.get(client, "/api/v1/me", cookie: "mieruka_session=\(live)").0 == .ok)
            #expect(try await WebHarness.get(client, "/api/v1/me", cookie: "mieruka_session=\(token)").0 == .unauthorized)
            let page = try await WebHarness.get(client, "/", cookie: "mieruka_session=\(token)")
            #expect(page.0 == .seeOther && page.2[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("throttling: five failures lock that login for 15 minutes, right password or not; unknown logins too; others unaffected")
    func throttling() async throws {
        try await WebHarness.withApp { client, store in
            for _ in 0..<5 {
                #expect(try await WebHarness.login(client, as: "nobody", password: "guess-guess").status == .unauthorized)
            }
            #expect(try await WebHarness.login(client, as: "nobody", password: "guess-guess").status == .tooManyRequests)
            for _ in 0..<5 { _ = try await WebHarness.login(client, as: "viewer", password: "wrong-wrong") }
            #expect(try await WebHarness.login(client, as: "viewer").status == .tooManyRequests)
            // Another user is not locked out by someone else's failures.
            #expect(try await WebHarness.login(client, as: "manager").status == .seeOther)
            // The lock lifts when the window has passed (the service's clock moved 15 minutes on).
            let service = LoginService(store: store)
            let later = Date().addingTimeInterval(service.throttleWindow + 1)
            guard case .success = try await service.login("viewer", password: WebHarness.password, now: later) else {
                Issue.record("the lock did not lift after the window")
                return
            }
        }
    }

    /// Every routed path (parameters filled), logged in or not, plus paths no route knows.
    @Test("every answer — page, API, download, 401/403/404/422 — carries the security headers; pages hold no script at all")
    func headersEverywhere() async throws {
        try await WebHarness.withApp { client, store in
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let rep = try await WebHarness.login(client, as: "rep").cookie
            var uris = RouteSweepTests.routes(store).filter { $0.0 == .get }.map(\.1)
            uris += ["/no-such-page", "/api/v1/no-such", "/?format=csv", "/records?kpi=calls&by=org&\(AccessTests.may)&format=xlsx",
                     "/api/v1/kpis?from=x", "/../../etc/passwd"]
            var missing: [String] = []
            var statuses: Set<Int> = []
            for uri in uris {
                for cookie in [nil, admin, rep] {
                    let response = try await WebHarness.get(client, uri, cookie: cookie)
                    statuses.insert(response.0.code)
                    let h = response.2
                    let csp = h[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    let ok = csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-eval")
                        && !(csp.components(separatedBy: ";").first { $0.contains("script-src") }?.contains("unsafe-inline") ?? true)
                        && h[HTTPField.Name("X-Content-Type-Options")!] == "nosniff"
                        && h[HTTPField.Name("Referrer-Policy")!] == "same-origin"
                    if !ok { missing.append("\(uri) → \(response.0.code)") }
                    if h[.contentType]?.hasPrefix("text/html") == true {
                        // No inline script and no inline event handlers: the policy would block them, so none may be relied on.
                        let lower = response.1.lowercased()
                        if lower.contains("<script") || lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil
                            || lower.contains("javascript:") {
                            missing.append("\(uri) has inline script")
                        }
                    }
                }
            }
            #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
            // The sweep met the error answers it is about, not only 200s.
            #expect(statuses.isSuperset(of: [200, 303, 401, 403, 404]), "\(statuses.sorted())")
        }
    }

    @Test("an API token works until it is revoked, then is refused at once; revoking by id or by user")
    func tokenRevocation() async throws {
        try await WebHarness.withApp { client, store in
            let login = LoginService(store: store)
            let one = try await login.createToken(login: "viewer")
            let two = try await login.createToken(login: "viewer")
            let other = try await login.createToken(login: "manager")
            for token in [one, two, other] { #expect(try await WebHarness.get(client, "/api/v1/me", bearer: token).0 == .ok) }
            let listed = try await store.apiTokens()
            #expect(listed.count == 3 && listed.allSatisfy { $0.revokedAt == nil })
            // The list never holds the token itself, only an id taken from its hash.
            #expect(!listed.contains { one.contains($0.id) } && listed.allSatisfy { $0.id.count == APITokenRecord.idLength })
            // Too short an id matches nothing (no accidental mass revocation).
            #expect(try await store.revokeAPITokens(idPrefix: String(Secrets.hash(one).prefix(4))) == 0)
            #expect(try await store.revokeAPITokens(idPrefix: String(Secrets.hash(one).prefix(APITokenRecord.idLength))) == 1)
            #expect(try await WebHarness.get(client, "/api/v1/me", bearer: one).0 == .unauthorized)
            #expect(try await WebHarness.get(client, "/api/v1/kpis?\(AccessTests.may)", bearer: one).0 == .unauthorized)
            #expect(try await WebHarness.get(client, "/api/v1/me", bearer: two).0 == .ok)
            #expect(try await store.revokeAPITokens(login: "viewer") == 1)
            #expect(try await WebHarness.get(client, "/api/v1/me", bearer: two).0 == .unauthorized)
            #expect(try await WebHarness.get(client, "/api/v1/me", bearer: other).0 == .ok)
            #expect(try await store.apiTokens().filter { $0.revokedAt != nil }.count == 2)
            // Revoking again changes nothing.
            #expect(try await store.revokeAPITokens(login: "viewer") == 0)
        }
    }

    @Test("passwords, session ids, CSRF and API tokens never reach the log, at trace level, whatever the client sends")
    func nothingSecretLogged() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "mieruka-test") { _ in CapturingLogHandler(log: captured) }
        logger.logLevel = .trace
        try await WebHarness.withApp(logger: logger) { client, store in
            let right = WebHarness.password, wrong = "Wr0ng-Pa55word-QQQ"
            let session = try await WebHarness.login(client, as: "admin").cookie
            _ = try await WebHarness.login(client, as: "admin", password: wrong)
            // A client that puts secrets in the URL (a form sent by GET, a scraper's ?token=).
            _ = try await WebHarness.get(client, "/login?login=admin&password=\(right)")
            let token = try await LoginService(store: store).createToken(login: "viewer")
            _ = try await WebHarness.get(client, "/api/v1/kpis?\(AccessTests.may)", bearer: token)
            _ = try await WebHarness.get(client, "/metrics?token=\(token)")
            _ = try await WebHarness.get(client, "/api/v1/me", bearer: token + "x")
            var headers = HTTPFields()
            headers[.cookie] = session
            headers[.contentType] = "application/x-www-form-urlencoded"
            _ = try await client.execute(uri: "/settings", method: .post, headers: headers,
                                         body: ByteBuffer(string: "csrf=wrong&key=valid_conversation_seconds&password=\(right)"))
            let text = captured.text
            let sessionValue = String(session.dropFirst("mieruka_session=".count))
            for secret in [right, wrong, token, sessionValue] {
                #expect(!text.contains(secret), "the log holds a secret: \(secret.prefix(6))…")
            }
            // Positive control: the requests were logged (with the masked URL), so an empty log cannot pass.
            #expect(text.contains("/login?login=admin&password=***") && text.contains("/api/v1/kpis"))
            // Stored only as hashes: no password or token in any table.
            for table in ["users", "sessions", "api_tokens", "login_failures"] {
                let rows = try await store.query("SELECT * FROM \(table)", [])
                let cells = rows.flatMap { $0.compactMap(\.text) }.joined(separator: "\u{1F}")
                #expect(!cells.contains(right) && !cells.contains(wrong) && !cells.contains(token) && !cells.contains(sessionValue), "\(table)")
            }
        }
    }

    @Test("secret query parameters are masked in the request log")
    func logMasking() {
        #expect(RequestLogMasking.loggable("/login", "login=admin&password=hunter22&csrf=abc") == "/login?login=admin&password=***&csrf=***")
        #expect(RequestLogMasking.loggable("/metrics", "token=s3cret") == "/metrics?token=***")
        #expect(RequestLogMasking.loggable("/api/v1/kpis", "from=2026-05-01&PassWord=x") == "/api/v1/kpis?from=2026-05-01&PassWord=***")
        #expect(RequestLogMasking.loggable("/", nil) == "/")
    }
}

/// Log lines kept in memory, as the server would have written them.
final class CapturedLog: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        log.append("\(level) \(message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))")
    }
}
