import Foundation
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

/// /api/v1/kpis answers are cached per viewer under the store's answers version: repeated questions are answered from
/// the cache, and any write (records, settings) makes the next answer a fresh count.
@Suite("Web: cached KPI answers stay current")
struct AnswerCacheTests {
    static let uri = "/api/v1/kpis?from=2026-05-01&to=2026-06-01&by=org&kpi=calls,valid_conversations"

    static func values(_ text: String) throws -> [String: Double] {
        let lines = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: lines.map { ($0["kpi"] as! String, $0["numerator"] as? Double ?? -1) })
    }

    @Test("the same question twice gives the same answer; after an ingest and a settings change, the new counts")
    func currentAfterWrites() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            let version = try await store.answersVersion()
            #expect(!version.isEmpty, "the import set an answers version")
            let (s1, first, _) = try await WebHarness.get(client, Self.uri, bearer: token)
            let (s2, again, _) = try await WebHarness.get(client, Self.uri, bearer: token)
            #expect(s1 == .ok && s2 == .ok)
            #expect(first == again)
            #expect(try await store.answersVersion() == version, "reading changes no version")
            let before = try Self.values(first)

            // A call through the API: one more call, and a valid conversation (125 s ≥ 120 s).
            let posted = try await IngestTests.post(client, "/api/v1/activities", "[" + IngestTests.call("A-CACHE-1", at: "2026-05-20T10:00:00+09:00") + "]", bearer: token)
            #expect(posted.status == .ok, "\(posted.text)")
            #expect(try await store.answersVersion() != version)
            let afterIngest = try Self.values(try await WebHarness.get(client, Self.uri, bearer: token).1)
            #expect(afterIngest["calls"] == (before["calls"] ?? 0) + 1)
            #expect(afterIngest["valid_conversations"] == (before["valid_conversations"] ?? 0) + 1)

            // A stricter valid conversation: fewer valid conversations, at once.
            try await store.transaction {
                try await store.setSetting("valid_conversation_seconds", value: "600", changedBy: "test", at: Date())
                try await store.finishRollups()
            }
            let afterSetting = try Self.values(try await WebHarness.get(client, Self.uri, bearer: token).1)
            #expect(afterSetting["calls"] == afterIngest["calls"])
            #expect((afterSetting["valid_conversations"] ?? 0) < (afterIngest["valid_conversations"] ?? 0))
        }
    }
}
