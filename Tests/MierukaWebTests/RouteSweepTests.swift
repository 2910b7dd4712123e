import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: every route for every role, and every page in both languages")
struct RouteSweepTests {
    /// Every routed method and path, with path parameters filled in.
    static func routes(_ store: any Store) -> [(HTTPRequest.Method, String)] {
        buildRouter(services: Services(store: store)).routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "calls" : String($0) }.joined(separator: "/")
            return (route.method, "/" + path)
        }
    }

    @Test("no route answers 5xx to any role, without parameters or with nonsense ones; writes without CSRF never succeed",
          arguments: ["", "admin", "manager", "rep", "viewer"])
    func noServerErrors(user: String) async throws {
        try await WebHarness.withApp { client, store in
            let cookie = user.isEmpty ? nil : try await WebHarness.login(client, as: user).cookie
            var failures: [String] = []
            for (method, path) in Self.routes(store) {
                for query in ["", "?from=2026-13-40&to=x&by=nope&kpi=%00&team=%E3%81&group=<script>&period=abc&kgi=revenue=-1&page=-5&per_page=99999999"] {
                    var headers = HTTPFields()
                    if let cookie { headers[.cookie] = cookie }
                    headers[.contentType] = method == .get ? nil : "application/json"
                    let body = method == .get ? ByteBuffer() : ByteBuffer(string: "{\"garbage\": [1, 2")
                    let response = try await client.execute(uri: path + query, method: method, headers: headers, body: body)
                    if response.status.code >= 500 { failures.append("\(method) \(path)\(query) → \(response.status.code)") }
                    // A state-changing request with a session and no CSRF token must not succeed (except the login form itself).
                    if method != .get, cookie != nil, path != "/login", (200..<400).contains(response.status.code) {
                        failures.append("\(method) \(path)\(query) accepted without a CSRF token: \(response.status.code)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test("the pages render in Japanese and in English", arguments: [Language.ja, .en])
    func pagesInBothLanguages(language: Language) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let pages = ["/", "/?period=today", "/?period=fiscal_year", "/records?kpi=connect_rate&by=org&from=2026-05-01&to=2026-06-01",
                         "/plan?kgi=wins%3D10&period=2026-07", "/phase", "/targets", "/import", "/definitions",
                         "/insights?from=2026-05-01&to=2026-06-01"]
            for page in pages {
                let separator = page.contains("?") ? "&" : "?"
                let response = try await WebHarness.get(client, page + separator + "lang=\(language.rawValue)", cookie: cookie)
                #expect(response.0 == .ok, "\(page)")
                #expect(response.1.contains("lang=\"\(language.rawValue)\""), "\(page)")
                #expect(response.1.contains(language == .ja ? "ログアウト" : "Log out"), "\(page)")
            }
            let login = try await WebHarness.get(client, "/login?lang=\(language.rawValue)")
            #expect(login.0 == .ok && login.1.contains("lang=\"\(language.rawValue)\""))
        }
    }
}
