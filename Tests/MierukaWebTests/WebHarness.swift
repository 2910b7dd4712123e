import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import MierukaWeb

/// A real SQLite database with the golden data and one user per role, served by the real router in-process.
enum WebHarness {
    static let password = "correct-horse-9"

    static func golden() throws -> String {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("shared/fixtures/golden/data").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        throw HTTPError(.internalServerError, message: "shared/fixtures/golden not found")
    }

    /// Runs `body` against an app whose database holds the golden data and users admin, manager (IS1), rep (R002), viewer,
    /// fs (R009's team). The database is the suite's backend (MIERUKA_TEST_BACKEND): SQLite, or a fresh PostgreSQL database.
    static func withApp(logger: Logger? = nil, _ body: @Sendable (any TestClientProtocol, any Store) async throws -> Void) async throws {
        let backend = TestDatabase.suiteBackend
        guard let store = try await TestDatabase.open(backend) else {
            throw NoTestDatabase(description: TestDatabase.skipMessage + " but MIERUKA_TEST_BACKEND=postgres asks for it")
        }
        do {
            let sources = try ImportSource.resolve(paths: [try golden()], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            let login = LoginService(store: store)
            try await login.addUser(login: "admin", password: password, role: .admin, team: nil, repId: nil)
            try await login.addUser(login: "manager", password: password, role: .manager, team: "インサイドセールス1課", repId: nil)
            try await login.addUser(login: "rep", password: password, role: .rep, team: "インサイドセールス1課", repId: "R002")
            try await login.addUser(login: "viewer", password: password, role: .viewer, team: nil, repId: nil)
            try await login.addUser(login: "fsmanager", password: password, role: .manager, team: "フィールドセールス部", repId: nil)
            let responder = buildResponder(services: Services(store: store))
            let app = logger.map { Application(responder: responder, logger: $0) } ?? Application(responder: responder)
            try await app.test(.router) { client in try await body(client, store) }
            try await TestDatabase.close(store)
        } catch {
            try? await TestDatabase.close(store)
            throw error
        }
    }

    /// Logs in through the form (with its CSRF cookie and field) and returns the session cookie header value.
    static func login(_ client: any TestClientProtocol, as user: String, password: String = password) async throws -> (cookie: String, status: HTTPResponse.Status) {
        let form = try await client.execute(uri: "/login", method: .get)
        let html = String(buffer: form.body)
        let csrf = html.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
        let preCookie = form.headers[values: .setCookie].first { $0.hasPrefix("mieruka_login_csrf=") }?.components(separatedBy: ";").first ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = preCookie
        let response = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                body: ByteBuffer(string: "csrf=\(csrf)&login=\(user)&password=\(password)"))
        let session = response.headers[values: .setCookie].first { $0.hasPrefix("mieruka_session=") }?.components(separatedBy: ";").first ?? ""
        return (session, response.status)
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, cookie: String? = nil, bearer: String? = nil) async throws -> (HTTPResponse.Status, String, HTTPFields) {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        return (response.status, String(buffer: response.body), response.headers)
    }
}
