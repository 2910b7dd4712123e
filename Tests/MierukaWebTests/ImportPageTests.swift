import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: import page (upload, preview, commit; all or nothing)")
struct ImportPageTests {
    static let mapping = """
        entity: activities
        encoding: auto
        columns:
          activity_id: 活動ID
          lead_id: リードID
          rep_id: 担当者ID
          type: 種別
          direction: 方向
          occurred_at: [日付, 時刻]
          duration_seconds: 通話秒数
          connected: 接続
        values:
          type: {電話: call, メール: email}
          direction: {発信: outbound, 受信: inbound}
          connected: {はい: true, いいえ: false}
        datetime_format: "yyyy/MM/dd HH:mm"
        """

    /// A Japanese Excel export (CP932, CRLF) of three new calls of R002 on an existing lead; `badDate` spoils the second row.
    static func export(badDate: Bool = false) -> Data {
        var text = "活動ID,リードID,担当者ID,種別,方向,日付,時刻,通話秒数,接続\r\n"
        text += "W000000001,L0000001,R002,電話,発信,2026/05/12,10:15,185,はい\r\n"
        text += "W000000002,L0000001,R002,電話,発信,\(badDate ? "2026/13/40" : "2026/05/13"),10:20,0,いいえ\r\n"
        text += "W000000003,L0000001,R002,電話,発信,2026/05/14,11:00,30,はい\r\n"
        return text.data(using: .shiftJIS)!
    }

    static func multipart(_ parts: [(name: String, filename: String?, data: Data)]) -> (String, ByteBuffer) {
        let boundary = "----mieruka\(UUID().uuidString)"
        var body = Data()
        for p in parts {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(p.name)\"".utf8))
            if let f = p.filename { body.append(Data("; filename=\"\(f)\"\r\nContent-Type: text/csv".utf8)) }
            body.append(Data("\r\n\r\n".utf8))
            body.append(p.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(data: body))
    }

    static func csrf(in html: String) -> String {
        html.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, contentType: String, body: ByteBuffer) async throws -> (HTTPResponse.Status, String) {
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = contentType
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        return (response.status, String(buffer: response.body))
    }

    @Test("a Japanese CP932 export with a mapping: preview shows encoding, columns and rows; commit writes exactly once")
    func previewAndCommit() async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let form = try await WebHarness.get(client, "/import", cookie: cookie)
            let csrf = Self.csrf(in: form.1)
            let before = try await store.count(.activities)
            let (type, body) = Self.multipart([("csrf", nil, Data(csrf.utf8)), ("file", "架電ログ.csv", Self.export()),
                                                ("mapping", "mapping.yaml", Data(Self.mapping.utf8)), ("entity", nil, Data())])

            // MUT: preview
            let preview = try await Self.post(client, "/import/preview", cookie: cookie, contentType: type, body: body)

            #expect(form.0 == .ok && preview.0 == .ok)
            #expect(preview.1.contains("cp932"))
            #expect(preview.1.contains("日付 + 時刻"))
            #expect(preview.1.contains("2026-05-12T10:15:00+09:00"))
            #expect(preview.1.contains("data-count=\"inserted\">3<"))
            #expect(try await store.count(.activities) == before)  // a preview writes nothing
            let token = try #require(preview.1.components(separatedBy: "name=\"upload\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)

            // MUT: commit, then the same upload again
            let commitBody = ByteBuffer(string: "csrf=\(csrf)&upload=\(token)")
            let commit = try await Self.post(client, "/import/commit", cookie: cookie, contentType: "application/x-www-form-urlencoded", body: commitBody)
            let again = try await Self.post(client, "/import/commit", cookie: cookie, contentType: "application/x-www-form-urlencoded", body: commitBody)

            #expect(commit.0 == .ok && commit.1.contains("data-count=\"inserted\">3<"))
            #expect(try await store.count(.activities) == before + 3)
            #expect(again.0 == .unprocessableContent)
            #expect(try await store.count(.activities) == before + 3)
        }
    }

    @Test("a bad row is reported with file, line and field, and nothing can be committed")
    func badRow() async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let csrf = Self.csrf(in: try await WebHarness.get(client, "/import", cookie: cookie).1)
            let before = try await store.count(.activities)
            let (type, body) = Self.multipart([("csrf", nil, Data(csrf.utf8)), ("file", "calls.csv", Self.export(badDate: true)),
                                                ("mapping", "mapping.yaml", Data(Self.mapping.utf8))])

            let preview = try await Self.post(client, "/import/preview", cookie: cookie, contentType: type, body: body)

            #expect(preview.0 == .ok)
            #expect(preview.1.contains("calls.csv:3"))
            #expect(preview.1.contains("occurred_at"))
            #expect(preview.1.contains("何も書き込まれていません"))
            #expect(!preview.1.contains("name=\"upload\""))
            #expect(try await store.count(.activities) == before)
        }
    }

    @Test("only an admin with the CSRF token imports")
    func access() async throws {
        try await WebHarness.withApp { client, store in
            let before = try await store.count(.activities)
            for user in ["manager", "rep", "viewer"] {
                let cookie = try await WebHarness.login(client, as: user).cookie
                let page = try await WebHarness.get(client, "/import", cookie: cookie)
                let (type, body) = Self.multipart([("csrf", nil, Data("x".utf8)), ("file", "activities.csv", Self.export())])
                let post = try await Self.post(client, "/import/preview", cookie: cookie, contentType: type, body: body)
                #expect(page.0 == .forbidden && post.0 == .forbidden, "\(user)")
            }
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let (type, body) = Self.multipart([("csrf", nil, Data("wrong".utf8)), ("file", "架電ログ.csv", Self.export()),
                                                ("mapping", "mapping.yaml", Data(Self.mapping.utf8))])
            let noToken = try await Self.post(client, "/import/preview", cookie: admin, contentType: type, body: body)
            #expect(noToken.0 == .forbidden)
            #expect(try await store.count(.activities) == before)
        }
    }
}
