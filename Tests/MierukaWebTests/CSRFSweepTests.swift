import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaTestSupport
import MierukaWeb
import Testing

/// CSRF on every state-changing form, found the way a browser finds them: every `<form method="post">` on every page
/// an admin sees is submitted as the page fills it in, once without its token, once with a wrong one and once with
/// another user's; each must be refused (403) with the database unchanged. Then with its own token it must pass the
/// gate (not 403), which proves the refusals came from the CSRF check and not from something else. The JSON API's
/// state-changing calls are held to the same rule with a session cookie and the X-CSRF-Token header.
@Suite("Web: CSRF on every state-changing form and session API call")
struct CSRFSweepTests {
    struct Form: CustomStringConvertible {
        var page: String
        var action: String
        var multipart: Bool
        var fields: [(String, String)]
        var description: String { "\(action) (on \(page))" }
    }

    static let pages = ["/", "/plan?kgi=appointments%3D40&period=2026-07", "/targets", "/reports", "/definitions", "/phase", "/import",
                        "/sheet?month=2026-05", "/insights?from=2026-05-01&to=2026-06-01", "/records?kpi=calls&by=org&from=2026-05-01&to=2026-06-01"]

    /// The post forms of a page with the values the page puts in them (hidden and filled inputs, the selected or first
    /// option of each select, textareas), as a browser would submit them untouched.
    static func forms(in html: String, page: String) -> [Form] {
        var found: [Form] = []
        for chunk in html.components(separatedBy: "<form").dropFirst() {
            let form = chunk.components(separatedBy: "</form>").first ?? chunk
            let tag = form.components(separatedBy: ">").first ?? ""
            guard attribute("method", in: tag)?.lowercased() == "post", let action = attribute("action", in: tag) else { continue }
            var fields: [(String, String)] = []
            for input in form.components(separatedBy: "<input").dropFirst() {
                let t = input.components(separatedBy: ">").first ?? ""
                guard let name = attribute("name", in: t) else { continue }
                let type = attribute("type", in: t)?.lowercased() ?? "text"
                if ["checkbox", "radio"].contains(type), !t.contains("checked") { continue }
                if type == "file" { continue }
                fields.append((name, attribute("value", in: t).map(unescape) ?? ""))
            }
            for select in form.components(separatedBy: "<select").dropFirst() {
                let t = select.components(separatedBy: ">").first ?? ""
                guard let name = attribute("name", in: t) else { continue }
                let options = (select.components(separatedBy: "</select>").first ?? "").components(separatedBy: "<option").dropFirst()
                let chosen = options.first { $0.components(separatedBy: ">").first?.contains("selected") == true } ?? options.first
                let value = chosen.flatMap { o in attribute("value", in: o.components(separatedBy: ">").first ?? "") }
                    ?? chosen?.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first ?? ""
                fields.append((name, unescape(value)))
            }
            for area in form.components(separatedBy: "<textarea").dropFirst() {
                let t = area.components(separatedBy: ">").first ?? ""
                guard let name = attribute("name", in: t) else { continue }
                fields.append((name, unescape(area.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</textarea").first ?? "")))
            }
            found.append(Form(page: page, action: unescape(action), multipart: tag.contains("multipart/form-data"), fields: fields))
        }
        return found
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return tag[range.upperBound...].components(separatedBy: "\"").first
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A small valid file for a form's file input: a target list or a leads file.
    static func file(for action: String) -> (String, Data) {
        if action.contains("targets") {
            return ("targets.csv", Data("scope,scope_id,kpi,period_start,period_end,value\nteam,インサイドセールス1課,calls,2026-08-01,2026-09-01,1500\n".utf8))
        }
        return ("leads.csv", Data("""
            lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title
            L9100001,株式会社CSRF検査,seminar,2026-05-11T10:00:00+09:00,R002,2026-05-11T10:05:00+09:00,working,researching,,,,,,,

            """.utf8))
    }

    static func submit(_ form: Form, csrf: String?, cookie: String, client: any TestClientProtocol) async throws -> (HTTPResponse.Status, String) {
        var fields = form.fields.filter { $0.0 != "csrf" }
        if let csrf { fields.insert(("csrf", csrf), at: 0) }
        if form.multipart {
            var parts = fields.map { (name: $0.0, filename: String?.none, data: Data($0.1.utf8)) }
            let (name, data) = file(for: form.action)
            parts.append((name: "file", filename: name, data: data))
            let (type, body) = ImportPageTests.multipart(parts)
            return try await ImportPageTests.post(client, form.action, cookie: cookie, contentType: type, body: body)
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return try await ImportPageTests.post(client, form.action, cookie: cookie, contentType: "application/x-www-form-urlencoded", body: ByteBuffer(string: body))
    }

    @Test("every post form on every page: without, with a wrong or with another session's token → 403 and nothing changes; with its own → passes the gate")
    func everyForm() async throws {
        try await WebHarness.withApp { client, store in
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let other = try await WebHarness.login(client, as: "viewer").cookie
            let otherToken = ImportPageTests.csrf(in: try await WebHarness.get(client, "/", cookie: other).1)
            var forms: [Form] = []
            for page in Self.pages {
                let html = try await WebHarness.get(client, page, cookie: admin)
                #expect(html.0 == .ok, "\(page)")
                forms += Self.forms(in: html.1, page: page)
            }
            // The import's commit form appears after a preview: make one (with the token) so it is swept too.
            if let importForm = forms.first(where: { $0.action == "/import/preview" }) {
                let preview = try await Self.submit(importForm, csrf: importForm.fields.first { $0.0 == "csrf" }?.1, cookie: admin, client: client)
                forms += Self.forms(in: preview.1, page: "/import/preview")
            }
            var seen: [String: Form] = [:]
            for form in forms where form.action != "/login" { seen[form.action] = seen[form.action] ?? form }
            // Logout last: its success ends the session the others use.
            let unique = seen.values.sorted { ($0.action == "/logout" ? 1 : 0, $0.action) < ($1.action == "/logout" ? 1 : 0, $1.action) }
            let actions = Set(unique.map(\.action))
            #expect(actions.isSuperset(of: ["/logout", "/settings", "/targets", "/targets/delete", "/targets/import", "/plan/save",
                                            "/phase/answer", "/phase/apply", "/reports/generate", "/import/preview", "/import/commit"]),
                    "forms found: \(actions.sorted())")
            var failures: [String] = []
            for form in unique {
                let token = form.fields.first { $0.0 == "csrf" }?.1
                if token == nil { failures.append("\(form) has no csrf field") }
                for (label, sent) in [("no token", String?.none), ("a wrong token", "x" + (token ?? "")), ("another session's token", otherToken)] {
                    let before = try await DatabaseSnapshot.take(store)
                    let response = try await Self.submit(form, csrf: sent, cookie: admin, client: client)
                    let after = try await DatabaseSnapshot.take(store)
                    if response.0 != .forbidden { failures.append("\(form) with \(label) → \(response.0.code)") }
                    if !after.changes(since: before).isEmpty { failures.append("\(form) with \(label) changed \(after.changes(since: before))") }
                }
                let passed = try await Self.submit(form, csrf: token, cookie: admin, client: client)
                if passed.0 == .forbidden || passed.0.code >= 500 { failures.append("\(form) with its own token → \(passed.0.code)") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test("session calls to the JSON API that change data need X-CSRF-Token; bearer calls need none")
    func apiWrites() async throws {
        try await WebHarness.withApp { client, store in
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let csrf = ImportPageTests.csrf(in: try await WebHarness.get(client, "/", cookie: admin).1)
            let bearer = try await LoginService(store: store).createToken(login: "admin")
            let calls: [(HTTPRequest.Method, String, String)] = [
                (.post, "/api/v1/targets", #"[{"scope":"team","scope_id":"インサイドセールス1課","kpi":"calls","period_start":"2026-09-01","period_end":"2026-10-01","value":1200}]"#),
                (.delete, "/api/v1/targets", #"[{"scope":"team","scope_id":"インサイドセールス1課","kpi":"calls","period_start":"2026-09-01","period_end":"2026-10-01"}]"#),
                (.post, "/api/v1/plan", #"{"kgi":"appointments=40","period":"2026-07"}"#),
                (.post, "/api/v1/phase/answers", #"{"answers":{}}"#),
                (.post, "/api/v1/leads", #"[{"lead_id":"L9200001","company":"株式会社API検査","channel":"seminar","created_at":"2026-05-11T10:00:00+09:00"}]"#),
                (.post, "/api/v1/events", #"{"event_id":"e-csrf-1","type":"call.ended","call_id":"c1","rep_id":"R002","lead_id":"L0000001","occurred_at":"2026-05-12T10:00:00+09:00","duration_seconds":60,"connected":true}"#),
            ]
            var failures: [String] = []
            for (method, path, json) in calls {
                for (label, header) in [("no header", String?.none), ("a wrong header", "wrong")] {
                    var headers = HTTPFields()
                    headers[.cookie] = admin
                    headers[.contentType] = "application/json"
                    if let header { headers[HTTPField.Name("X-CSRF-Token")!] = header }
                    let before = try await DatabaseSnapshot.take(store)
                    let response = try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: json))
                    if response.status != .forbidden { failures.append("\(method) \(path) with \(label) → \(response.status.code)") }
                    let changed = try await DatabaseSnapshot.take(store).changes(since: before)
                    if !changed.isEmpty { failures.append("\(method) \(path) with \(label) changed \(changed)") }
                }
                var headers = HTTPFields()
                headers[.cookie] = admin
                headers[.contentType] = "application/json"
                headers[HTTPField.Name("X-CSRF-Token")!] = csrf
                let withHeader = try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: json)).status
                if withHeader == .forbidden || withHeader.code >= 500 { failures.append("\(method) \(path) with its token → \(withHeader.code)") }
                var bearerHeaders = HTTPFields()
                bearerHeaders[.authorization] = "Bearer \(bearer)"
                bearerHeaders[.contentType] = "application/json"
                let viaBearer = try await client.execute(uri: path, method: method, headers: bearerHeaders, body: ByteBuffer(string: json)).status
                if viaBearer == .forbidden || viaBearer.code >= 500 { failures.append("\(method) \(path) by bearer → \(viaBearer.code)") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
