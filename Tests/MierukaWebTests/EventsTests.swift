import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: POST /api/v1/events (call and email events folded into activities, idempotent by event_id)")
struct EventsTests {
    static let day = IngestTests.day

    static func event(_ id: String, _ type: String, at: String, source: String, lead: String = "L0000070", rep: String = "R002", extra: String = "") -> String {
        let sourceField = type.hasPrefix("call.") ? "call_id" : "message_id"
        return """
            {"event_id":"\(id)","type":"\(type)","occurred_at":"\(at)","rep_id":"\(rep)","lead_id":"\(lead)","\(sourceField)":"\(source)"\(extra)}
            """
    }

    static func batch(_ events: [String]) -> String { "{\"events\":[" + events.joined(separator: ",") + "]}" }

    /// One call (started, ended) and one email (sent, opened, clicked) of R002 on the test day.
    static let callAndEmail = [
        event("E-1", "call.started", at: "2026-05-15T15:00:00+09:00", source: "C-1"),
        event("E-2", "call.ended", at: "2026-05-15T15:02:05+09:00", source: "C-1", extra: ",\"duration_seconds\":125,\"connected\":true,\"decision_maker\":false"),
        event("E-3", "email.sent", at: "2026-05-15T16:00:00+09:00", source: "M-1"),
        event("E-4", "email.opened", at: "2026-05-15T16:30:00+09:00", source: "M-1"),
        event("E-5", "email.clicked", at: "2026-05-15T16:31:00+09:00", source: "M-1"),
    ]

    static func kpi(_ client: any TestClientProtocol, _ kpi: String, token: String) async throws -> Double {
        let (status, text, _) = try await WebHarness.get(client, "/api/v1/kpis?\(day)&by=rep&kpi=\(kpi)", bearer: token)
        #expect(status == .ok, "\(text)")
        let lines = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return lines.first { $0["group"] as? String == "R002" }?["value"] as? Double ?? 0
    }

    /// The stored activity without its id: for comparing two activities made from the same events in different orders.
    static func activity(_ store: any Store, _ id: String) async throws -> [DBValue] {
        let rows = try await store.query(
            """
            SELECT lead_id, rep_id, type, direction, occurred_at, duration_seconds, connected, decision_maker, opened, clicked, replied, bounced
            FROM activities WHERE activity_id = ?
            """, [.text(id)])
        return try #require(rows.first, "no activity \(id)")
    }

    static func eventCount(_ store: any Store) async throws -> Int64 {
        try await store.query("SELECT COUNT(*) FROM inbound_events", []).first?.first?.int ?? -1
    }

    @Test("events become one activity per call and message; the same batch posted again changes nothing and counts once")
    func foldedAndIdempotent() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let token = try await LoginService(store: store).createToken(login: "admin")
            let calls = try await Self.kpi(client, "calls", token: token)
            let emails = try await Self.kpi(client, "emails_sent", token: token)
            let opened = try await Self.kpi(client, "email_open_rate", token: token)
            let rows = try await store.count(.activities)
            let body = Self.batch(Self.callAndEmail)
            // MUT
            let first = try await IngestTests.post(client, "/api/v1/events", body, bearer: token)
            let again = try await IngestTests.post(client, "/api/v1/events", body, bearer: token)
            // validate
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.json["received"] as? Int == 5 && first.json["accepted"] as? Int == 5 && first.json["duplicates"] as? Int == 0)
            #expect((first.json["activities"] as? [String: Any])?["inserted"] as? Int == 2)
            #expect(again.status == .ok, "\(again.text)")
            #expect(again.json["accepted"] as? Int == 0 && again.json["duplicates"] as? Int == 5)
            #expect((again.json["events"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "duplicate" } == true)
            #expect(try await store.count(.activities) == rows + 2)
            #expect(try await Self.eventCount(store) == 5)
            #expect(try await Self.kpi(client, "calls", token: token) == calls + 1)
            #expect(try await Self.kpi(client, "emails_sent", token: token) == emails + 1)
            #expect(try await Self.kpi(client, "email_open_rate", token: token) >= opened)

            let call = try await Self.activity(store, "call:C-1")
            let started = ISO8601DateFormatter().date(from: "2026-05-15T15:00:00+09:00")!
            #expect(call[2] == .text("call") && call[3] == .text("outbound"))
            #expect(call[4].int == Int64(started.timeIntervalSince1970))
            #expect(call[5].int == 125 && call[6].bool == true && call[7].bool == false)
            let email = try await Self.activity(store, "email:M-1")
            #expect(email[2] == .text("email"))
            #expect(email[8].bool == true && email[9].bool == true && email[10].bool == false && email[11].bool == false)

            // A later reply (a new event) updates the same activity; replied implies opened, and nothing else doubles.
            let reply = try await IngestTests.post(
                client, "/api/v1/events", Self.event("E-6", "email.replied", at: "2026-05-16T09:00:00+09:00", source: "M-1"), bearer: token)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect((reply.json["activities"] as? [String: Any])?["updated"] as? Int == 1)
            #expect(try await Self.activity(store, "email:M-1")[10].bool == true)
            #expect(try await store.count(.activities) == rows + 2)
            #expect(try await Self.kpi(client, "emails_sent", token: token) == emails + 1)
        }
    }

    @Test("events arriving out of order give the same activity as in order (opened before sent, ended before started)")
    func outOfOrder() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            func events(_ prefix: String, call: String, message: String) -> [String] {
                [
                    Self.event("\(prefix)-1", "call.started", at: "2026-05-15T10:00:00+09:00", source: call),
                    Self.event("\(prefix)-2", "call.ended", at: "2026-05-15T10:01:00+09:00", source: call, extra: ",\"duration_seconds\":60,\"connected\":false"),
                    Self.event("\(prefix)-3", "email.sent", at: "2026-05-15T11:00:00+09:00", source: message),
                    Self.event("\(prefix)-4", "email.opened", at: "2026-05-15T11:05:00Z", source: message),
                    Self.event("\(prefix)-5", "email.bounced", at: "2026-05-15T11:06:00+09:00", source: message),
                ]
            }
            // In order, one batch.
            let inOrder = try await IngestTests.post(client, "/api/v1/events", Self.batch(events("IN", call: "C-IN", message: "M-IN")), bearer: token)
            #expect(inOrder.status == .ok, "\(inOrder.text)")
            // Reversed, one event per request: each request re-folds the activity from every event received so far.
            for event in events("OUT", call: "C-OUT", message: "M-OUT").reversed() {
                let posted = try await IngestTests.post(client, "/api/v1/events", event, bearer: token)
                #expect(posted.status == .ok, "\(posted.text)")
            }
            #expect(try await Self.activity(store, "call:C-OUT") == Self.activity(store, "call:C-IN"))
            #expect(try await Self.activity(store, "email:M-OUT") == Self.activity(store, "email:M-IN"))
            // A call.ended without its call.started: the call began duration_seconds before it ended.
            let ended = try await IngestTests.post(
                client, "/api/v1/events",
                Self.event("LONE-1", "call.ended", at: "2026-05-15T12:02:00+09:00", source: "C-LONE", extra: ",\"duration_seconds\":120,\"connected\":true"),
                bearer: token)
            #expect(ended.status == .ok, "\(ended.text)")
            #expect(try await Self.activity(store, "call:C-LONE")[4].int == Int64(ISO8601DateFormatter().date(from: "2026-05-15T12:00:00+09:00")!.timeIntervalSince1970))
        }
    }

    @Test("a bad event refuses the whole batch with its index and field; nothing is written")
    func refused() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            let rows = try await store.count(.activities)
            let body = Self.batch([
                Self.event("B-1", "call.started", at: "2026-05-15T10:00:00+09:00", source: "C-B"),
                Self.event("B-2", "email.sent", at: "2026-05-15T10:00:00+09:00", source: "M-B", lead: "L-NOPE"),
                Self.event("B-3", "email.opened", at: "2026-05-15 10:00", source: "M-B"),
                Self.event("B-4", "call.ended", at: "2026-05-15T10:00:00+09:00", source: "C-B"),
                Self.event("B-5", "call.flew", at: "2026-05-15T10:00:00+09:00", source: "C-B"),
            ])
            let refused = try await IngestTests.post(client, "/api/v1/events", body, bearer: token)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            let errors = IngestTests.errors(refused.json).map { "\($0.record):\($0.field ?? "")" }
            #expect(errors.contains("2:occurred_at") && errors.contains("3:duration_seconds") && errors.contains("3:connected"), "\(errors)")
            #expect(errors.contains("4:type"), "\(errors)")
            #expect(try await store.count(.activities) == rows)
            #expect(try await Self.eventCount(store) == 0)

            // Shapes fixed, the unknown lead is the one left: refused by index and field, still nothing written.
            let unknownLead = Self.batch([
                Self.event("B-1", "call.started", at: "2026-05-15T10:00:00+09:00", source: "C-B"),
                Self.event("B-2", "email.sent", at: "2026-05-15T10:00:00+09:00", source: "M-B", lead: "L-NOPE"),
                Self.event("B-3", "email.sent", at: "2026-05-15T10:00:00+09:00", source: "M-C", rep: "R-NOPE"),
            ])
            let second = try await IngestTests.post(client, "/api/v1/events", unknownLead, bearer: token)
            #expect(second.status == .unprocessableContent, "\(second.text)")
            #expect(IngestTests.errors(second.json).map { "\($0.record):\($0.field ?? "")" } == ["1:lead_id", "2:rep_id"])
            #expect(try await store.count(.activities) == rows)
            #expect(try await Self.eventCount(store) == 0)

            // An event naming another lead than the earlier events of its call is refused.
            let ok = try await IngestTests.post(client, "/api/v1/events", Self.event("K-1", "call.started", at: "2026-05-15T10:00:00+09:00", source: "C-K"), bearer: token)
            #expect(ok.status == .ok, "\(ok.text)")
            let other = try await IngestTests.post(
                client, "/api/v1/events",
                Self.event("K-2", "call.ended", at: "2026-05-15T10:01:00+09:00", source: "C-K", lead: "L0000001", extra: ",\"duration_seconds\":5,\"connected\":false"),
                bearer: token)
            #expect(other.status == .unprocessableContent, "\(other.text)")
            #expect(IngestTests.errors(other.json).map { "\($0.record):\($0.field ?? "")" } == ["0:lead_id"])
            #expect(try await Self.eventCount(store) == 1)

            // Not JSON, and not a JSON event list: 400.
            let broken = try await IngestTests.post(client, "/api/v1/events", "{\"events\": 3}", bearer: token)
            #expect(broken.status == .badRequest, "\(broken.text)")
        }
    }

    @Test("events need an admin or manager; a manager only for their team's reps; sessions need the CSRF header")
    func access() async throws {
        try await WebHarness.withApp { client, store in
            let login = LoginService(store: store)
            let rep = try await login.createToken(login: "rep")
            let manager = try await login.createToken(login: "fsmanager")
            let body = Self.event("A-1", "call.started", at: "2026-05-15T10:00:00+09:00", source: "C-A")
            #expect(try await IngestTests.post(client, "/api/v1/events", body).status == .unauthorized)
            #expect(try await IngestTests.post(client, "/api/v1/events", body, bearer: rep).status == .forbidden)
            let foreign = try await IngestTests.post(client, "/api/v1/events", body, bearer: manager)
            #expect(foreign.status == .forbidden, "\(foreign.text)")
            let session = try await WebHarness.login(client, as: "admin")
            #expect(try await IngestTests.post(client, "/api/v1/events", body, cookie: session.cookie).status == .forbidden)
            #expect(try await Self.eventCount(store) == 0)
            let own = try await login.createToken(login: "manager")
            #expect(try await IngestTests.post(client, "/api/v1/events", body, bearer: own).status == .ok)
        }
    }
}

extension EventsTests {
    @Test("the same batch posted twice at once is written once")
    func concurrentDuplicates() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            let rows = try await store.count(.activities)
            let body = Self.batch(Self.callAndEmail)
            async let a = IngestTests.post(client, "/api/v1/events", body, bearer: token)
            async let b = IngestTests.post(client, "/api/v1/events", body, bearer: token)
            let (first, second) = try await (a, b)
            #expect(first.status == .ok && second.status == .ok, "\(first.text) \(second.text)")
            #expect([first.json["accepted"] as? Int, second.json["accepted"] as? Int].compactMap { $0 }.sorted() == [0, 5])
            #expect(try await store.count(.activities) == rows + 2)
            #expect(try await Self.eventCount(store) == 5)
        }
    }
}
