import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCSV
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import MierukaWeb
import Testing

/// The malformed-input corpus through the import page (multipart upload → preview) and, for the rows that make sense
/// as JSON records, through the ingest API: the same refusals, nothing written. The suite's backend (MIERUKA_TEST_BACKEND).
@Suite("Web: the malformed-input corpus on the import page and the API")
struct MalformedCorpusWebTests {
    /// Tables a logged-in client's own requests may touch (its session), which are not the import's business.
    static let sessionTables: Set<String> = ["sessions", "login_failures", "api_tokens"]

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("import page: every corpus file's preview names file:line:column, offers no commit, writes nothing")
    func importPage() async throws {
        let cases = try MalformedCorpus.committed()
            + MalformedCorpus.generated(in: FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-corpus-\(UUID().uuidString)"))
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let csrf = ImportPageTests.csrf(in: try await WebHarness.get(client, "/import", cookie: cookie).1)
            var before = try await DatabaseSnapshot.take(store, excluding: Self.sessionTables)
            for c in cases {
                var parts: [(name: String, filename: String?, data: Data)] = [
                    ("csrf", nil, Data(csrf.utf8)), ("file", c.file, try Data(contentsOf: URL(fileURLWithPath: c.path))),
                ]
                if let m = c.mappingPath { parts.append(("mapping", c.mappingName, try Data(contentsOf: URL(fileURLWithPath: m)))) }
                let (type, body) = ImportPageTests.multipart(parts)
                let (status, html) = try await ImportPageTests.post(client, "/import/preview", cookie: cookie, contentType: type, body: body)
                let text = Self.unescape(html)
                if c.accepted {
                    #expect(status == .ok, "\(c): \(status)")
                    #expect(html.contains("name=\"upload\""), "\(c): no commit offered")
                } else {
                    // A refused preview is a page (200) listing the errors; a file that cannot be read at all, 422.
                    #expect(status == .ok || status == .unprocessableContent, "\(c): \(status)")
                    #expect(!html.contains("name=\"upload\""), "\(c): a commit is offered")
                    #expect(text.contains(c.location + ": "), "\(c): expected \(c.location): in the page: \(Self.errorText(text))")
                    #expect(text.contains(c.fragment), "\(c): expected “\(c.fragment)” in the page")
                }
                let after = try await DatabaseSnapshot.take(store, excluding: Self.sessionTables)
                #expect(after == before, "\(c): the database changed: \(after.changes(since: before))")
                before = after
            }
        }
    }

    /// The page's error parts, for a failure message.
    static func errorText(_ html: String) -> String {
        html.components(separatedBy: "class=\"error").dropFirst().map { String($0.prefix(400)) }.joined(separator: " | ")
    }

    /// The CSV file's rows as JSON records keyed by the canonical columns (empty cells left out, as null).
    static func records(_ path: String) throws -> String {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next()?.fields else { return "[]" }
        var objects: [String] = []
        while let row = try reader.next() {
            var object: [String: String] = [:]
            for (name, cell) in zip(header, row.fields) where !cell.isEmpty { object[name] = cell }
            objects.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        return "[" + objects.joined(separator: ",") + "]"
    }

    @Test("API: the corpus rows as JSON records give 422 naming the record and field; nothing is written")
    func api() async throws {
        let cases = try MalformedCorpus.committed().filter(\.api)
        #expect(cases.count >= 20)
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            var before = try await DatabaseSnapshot.take(store)
            for c in cases {
                let entity = try #require(Entity(fileName: c.file))
                let response = try await IngestTests.post(client, "/api/v1/\(entity.rawValue)", try Self.records(c.path), bearer: token)
                let after = try await DatabaseSnapshot.take(store)
                if c.accepted {
                    #expect(response.status == .ok, "\(c): \(response.text)")
                    let stored = try await store.allRows(entity)
                    #expect(stored.contains { $0.contains(.text(c.fragment)) }, "\(c): \(c.fragment) not stored verbatim")
                } else {
                    #expect(response.status == .unprocessableContent, "\(c): \(response.status) \(response.text.prefix(500))")
                    // Record n of the batch is line n + 2 of the file (after the header).
                    let record = (c.line ?? 0) - 2
                    let errors = IngestTests.errors(response.json)
                    #expect(errors.contains { $0.record == record && $0.field == c.column }, "\(c): expected record \(record) field \(c.column ?? "") in \(response.text.prefix(800))")
                    #expect(after == before, "\(c): the database changed: \(after.changes(since: before))")
                }
                before = after
            }
        }
    }
}
