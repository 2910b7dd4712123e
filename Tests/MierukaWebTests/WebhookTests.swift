import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaWeb
import Testing

/// What the loopback receiver got, and what it answers: the first `failFirst` requests get a 500.
actor ReceivedHooks {
    struct Hook: Sendable {
        var headers: [String: String]
        var body: String
        var at: Date
    }

    private(set) var hooks: [Hook] = []
    let failFirst: Int

    init(failFirst: Int) { self.failFirst = failFirst }

    func receive(_ hook: Hook) -> HTTPResponse.Status {
        hooks.append(hook)
        return hooks.count <= failFirst ? .internalServerError : .ok
    }
}

/// Holds a receiver's answers until opened: a receiver that hangs, for as long as a test needs.
actor AnswerGate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}

@Suite("Web: outbound webhooks (signed deliveries, retries with back-off, appointment.created and alert.raised)")
struct WebhookTests {
    /// Runs `body` with a webhook receiver listening on 127.0.0.1 (a real Hummingbird server) and its URL.
    static func withReceiver(failFirst: Int, holdUntil gate: AnswerGate? = nil, _ body: @Sendable (String, ReceivedHooks) async throws -> Void) async throws {
        let received = ReceivedHooks(failFirst: failFirst)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = await received.receive(.init(headers: headers, body: String(buffer: bytes), at: Date()))
            await gate?.wait()
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/hook", received)
        }
    }

    /// An hour ago, to the second, as written in Tokyo: recent enough to be announced (appointmentAnnouncementWindow).
    static let recent: (tokyo: String, utc: String) = {
        let at = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded(.down))
        let tokyo = ISO8601DateFormatter()
        tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        return (tokyo.string(from: at), ISO8601DateFormatter().string(from: at))
    }()

    static let opportunity = """
        [{"opportunity_id":"HOOK-O1","lead_id":"L0000070","created_by":"R002","source":"inside_sales",
          "created_at":"\(recent.tokyo)","stage":"appointment","amount":800000}]
        """

    static func deliveries(_ store: any Store, type: String) async throws -> [WebhookDelivery] {
        try await store.webhookDeliveries(limit: 1000).filter { $0.eventType == type }
    }

    @Test("a new opportunity is announced once, signed; a 500 is retried after the back-off and the log keeps both attempts")
    func appointmentDeliveredWithRetry() async throws {
        try await WebHarness.withApp { client, store in
            try await Self.withReceiver(failFirst: 1) { url, received in
                // setup
                let subscription = try await WebhookSubscriptions.add(url: url, events: "appointment.created", createdBy: "test", store: store)
                let token = try await LoginService(store: store).createToken(login: "admin")
                // A refused batch (a new opportunity beside a bad one) announces nothing: the outbox rolls back with the write.
                let bad = Self.opportunity.replacingOccurrences(of: "}]", with: "},{\"opportunity_id\":\"HOOK-O2\",\"created_by\":\"R002\"}]")
                #expect(try await IngestTests.post(client, "/api/v1/opportunities", bad, bearer: token).status == .unprocessableContent)
                #expect(try await Self.deliveries(store, type: "appointment.created").isEmpty)
                // MUT: the opportunity, then the same again (unchanged: no new appointment).
                #expect(try await IngestTests.post(client, "/api/v1/opportunities", Self.opportunity, bearer: token).status == .ok)
                #expect(try await IngestTests.post(client, "/api/v1/opportunities", Self.opportunity, bearer: token).status == .ok)
                let queued = try await Self.deliveries(store, type: "appointment.created")
                #expect(queued.count == 1)
                // The worker's own loop, with a short back-off.
                let worker = WebhookWorker(store: store, retry: WebhookRetryPolicy(delays: [0.5, 0.5]), pollInterval: 0.05, alertInterval: 3600)
                let running = Task { await worker.run() }
                let deadline = Date().addingTimeInterval(20)
                while Date() < deadline, try await store.webhookDeliveries().first(where: { $0.id == queued.first?.id })?.status != .delivered {
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
                running.cancel()
                await running.value
                // validate
                let delivery = try #require(try await store.webhookDeliveries().first { $0.id == queued.first?.id })
                #expect(delivery.status == .delivered && delivery.attempts == 2)
                let attempts = try await store.webhookAttempts(deliveryId: delivery.id)
                #expect(attempts.map(\.statusCode) == [500, 200])
                #expect(attempts.first?.error == "HTTP 500" && attempts.last?.error == nil)
                let hooks = await received.hooks
                #expect(hooks.count == 2)
                if hooks.count == 2 { #expect(hooks[1].at.timeIntervalSince(hooks[0].at) >= 0.45, "the retry waited for its back-off") }
                for hook in hooks {
                    let timestamp = try #require(hook.headers["x-mieruka-timestamp"])
                    let signature = try #require(hook.headers["x-mieruka-signature"])
                    #expect(WebhookSignature.verify(secret: subscription.secret, timestamp: timestamp, body: hook.body, signature: signature))
                    #expect(!WebhookSignature.verify(secret: "whsec_wrong", timestamp: timestamp, body: hook.body, signature: signature))
                    #expect(hook.headers["x-mieruka-event"] == "appointment.created" && hook.headers["x-mieruka-delivery"] == delivery.id)
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(hook.body.utf8)) as? [String: Any])
                    #expect(json["type"] as? String == "appointment.created" && json["id"] as? String == "appointment.created:HOOK-O1")
                    #expect(json["occurred_at"] as? String == Self.recent.utc)
                    let data = try #require(json["data"] as? [String: Any])
                    #expect(data["opportunity_id"] as? String == "HOOK-O1" && data["created_by"] as? String == "R002" && data["amount"] as? Int == 800000)
                }
            }
        }
    }

    @Test("a receiver that never answers 2xx is given up after the last retry")
    func givenUp() async throws {
        try await WebHarness.withApp { _, store in
            try await Self.withReceiver(failFirst: 100) { url, received in
                _ = try await WebhookSubscriptions.add(url: url, events: "alert.raised", createdBy: "test", store: store)
                let envelope = WebhookEnvelope(id: "test-1", type: .alertRaised, occurredAt: Date(), data: ["kind": .text("test")])
                #expect(try await store.enqueueWebhookEvent(envelope, type: .alertRaised, now: Date()) == 1)
                let worker = WebhookWorker(store: store, retry: WebhookRetryPolicy(delays: [0, 0]))
                for _ in 0..<5 { try await worker.deliverDue(now: Date().addingTimeInterval(1)) }
                await worker.shutdown()
                let delivery = try #require(try await store.webhookDeliveries().first)
                #expect(delivery.status == .failed && delivery.attempts == 3 && delivery.lastStatus == 500)
                #expect(await received.hooks.count == 3)
            }
        }
    }

    @Test("alerts are announced once per alert and day")
    func alertsOnce() async throws {
        try await WebHarness.withApp { _, store in
            _ = try await WebhookSubscriptions.add(url: "http://127.0.0.1:9/unused", events: "alert.raised", createdBy: "test", store: store)
            let now = ISO8601DateFormatter().date(from: "2026-06-16T13:00:00+09:00")!
            let alerts = try await AlertService(store: store).alerts(now: now)
            let keys = Set(alerts.map { "\($0.kind.rawValue)|\($0.scope.rawValue)|\($0.group ?? "")|\($0.kpi ?? "")" })
            let worker = WebhookWorker(store: store)
            let first = try await worker.raiseAlerts(now: now)
            let again = try await worker.raiseAlerts(now: now.addingTimeInterval(600))
            await worker.shutdown()
            #expect(!alerts.isEmpty)
            #expect(first == keys.count && again == 0)
            let queued = try await Self.deliveries(store, type: "alert.raised")
            #expect(queued.count == keys.count)
            let body = try #require(try JSONSerialization.jsonObject(with: Data((queued.first?.body ?? "").utf8)) as? [String: Any])
            #expect((body["data"] as? [String: Any])?["message_ja"] as? String != nil)
        }
    }

    @Test("subscriptions: unknown events and non-http URLs are refused; removing one closes its pending deliveries")
    func subscriptions() async throws {
        try await WebHarness.withApp { _, store in
            await #expect(throws: WebhookSubscriptions.Invalid.self) {
                _ = try await WebhookSubscriptions.add(url: "http://127.0.0.1/x", events: "alert.raised,lead.won", createdBy: "t", store: store)
            }
            await #expect(throws: WebhookSubscriptions.Invalid.self) {
                _ = try await WebhookSubscriptions.add(url: "ftp://example.com/x", events: "alert.raised", createdBy: "t", store: store)
            }
            let added = try await WebhookSubscriptions.add(url: "https://example.com/hook", events: "alert.raised, appointment.created", createdBy: "t", store: store)
            #expect(added.events == [.alertRaised, .appointmentCreated] && added.secret.hasPrefix("whsec_"))
            #expect(try await store.webhookSubscriptions().map(\.id) == [added.id])
            let envelope = WebhookEnvelope(id: "x", type: .alertRaised, occurredAt: Date(), data: [:])
            try await store.enqueueWebhookEvent(envelope, type: .alertRaised, now: Date())
            #expect(try await store.removeWebhookSubscription(id: added.id, now: Date()))
            #expect(try await !store.removeWebhookSubscription(id: added.id, now: Date()))
            #expect(try await store.webhookDeliveries().map(\.status) == [.failed])
            #expect(try await store.dueWebhookDeliveries(now: Date().addingTimeInterval(60)).isEmpty)
        }
    }
}

extension WebhookTests {
    @Test("a CSV import announces each new opportunity of the last week, and neither updated ones nor history")
    func csvImportAnnounces() async throws {
        try await WebHarness.withApp { _, store in
            _ = try await WebhookSubscriptions.add(url: "http://127.0.0.1:9/unused", events: "appointment.created", createdBy: "test", store: store)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-hook-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            // O0000001 is in the golden data already (an update); CSV-O1 and CSV-O2 are new and recent; CSV-O3 is new but
            // eight days old (history being loaded), CSV-O4 six days old (last week's batch).
            let day = 86_400.0
            let tokyo = ISO8601DateFormatter()
            tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
            let eightDaysAgo = tokyo.string(from: Date().addingTimeInterval(-8 * day))
            let sixDaysAgo = tokyo.string(from: Date().addingTimeInterval(-6 * day))
            let csv = """
                opportunity_id,lead_id,created_by,owner,source,created_at,meeting_at,handed_off_at,stage,amount,expected_close_on,closed_at,lost_reason,budget,authority,timeline,need,decision_process,next_action,is_reactivation
                O0000001,L0000005,R002,R009,partner,2026-04-13T11:57:00+09:00,,2026-04-13T12:04:00+09:00,lost,630000,,2026-04-14T17:50:00+09:00,アポキャンセル,true,true,true,outline,outline,month_only,
                CSV-O1,L0000070,R002,,inside_sales,\(Self.recent.tokyo),,,appointment,,,,,,,,,,,
                CSV-O2,L0000070,R003,,inside_sales,\(Self.recent.tokyo),,,appointment,,,,,,,,,,,
                CSV-O3,L0000070,R003,,inside_sales,\(eightDaysAgo),,,appointment,,,,,,,,,,,
                CSV-O4,L0000070,R003,,inside_sales,\(sixDaysAgo),,,appointment,,,,,,,,,,,

                """
            try csv.write(to: directory.appendingPathComponent("opportunities.csv"), atomically: true, encoding: .utf8)
            let sources = try ImportSource.resolve(paths: [directory.path], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            let queued = try await Self.deliveries(store, type: "appointment.created")
            #expect(queued.map(\.eventId).sorted() == ["appointment.created:CSV-O1", "appointment.created:CSV-O2", "appointment.created:CSV-O4"])
            #expect(try await store.query("SELECT count(*) FROM opportunities WHERE opportunity_id = 'CSV-O3'", []).first?.first?.int == 1,
                    "the old opportunity is stored, only not announced")
        }
    }
}

extension WebhookTests {
    @Test("a receiver that hangs holds up only its own deliveries: another receiver is sent to meanwhile")
    func hangingReceiverDoesNotBlockOthers() async throws {
        try await WebHarness.withApp { _, store in
            let gate = AnswerGate()
            try await Self.withReceiver(failFirst: 0, holdUntil: gate) { slowURL, slow in
                try await Self.withReceiver(failFirst: 0) { fastURL, fast in
                    // The hanging receiver's delivery falls due first (sent first by a one-at-a-time sender).
                    let now = Date()
                    _ = try await WebhookSubscriptions.add(url: slowURL, events: "alert.raised", createdBy: "test", store: store)
                    let first = WebhookEnvelope(id: "hang-1", type: .alertRaised, occurredAt: now, data: ["kind": .text("test")])
                    #expect(try await store.enqueueWebhookEvent(first, type: .alertRaised, now: now.addingTimeInterval(-2)) == 1)
                    _ = try await WebhookSubscriptions.add(url: fastURL, events: "alert.raised", createdBy: "test", store: store)
                    let second = WebhookEnvelope(id: "hang-2", type: .alertRaised, occurredAt: now, data: ["kind": .text("test")])
                    #expect(try await store.enqueueWebhookEvent(second, type: .alertRaised, now: now.addingTimeInterval(-1)) == 2)
                    let worker = WebhookWorker(store: store, requestTimeout: 60)
                    let sending = Task { try await worker.deliverDue(now: now) }
                    // The healthy receiver gets both its events while the other still holds its first answer.
                    let deadline = Date().addingTimeInterval(15)
                    while Date() < deadline, await fast.hooks.count < 1 { try await Task.sleep(nanoseconds: 20_000_000) }
                    let fastBodies = await fast.hooks.map(\.body)
                    #expect(fastBodies.count == 1 && fastBodies.first?.contains("hang-2") == true,
                            "the healthy receiver waited for the hanging one")
                    #expect(await slow.hooks.count >= 1, "the hanging receiver was asked too")
                    await gate.open()
                    let attempted = try await sending.value
                    await worker.shutdown()
                    // validate: three deliveries (hang-1 to one, hang-2 to both), all delivered; the slow one in order.
                    #expect(attempted == 3)
                    let deliveries = try await store.webhookDeliveries()
                    #expect(deliveries.count == 3 && deliveries.allSatisfy { $0.status == .delivered })
                    let slowBodies = await slow.hooks.map(\.body)
                    #expect(slowBodies.count == 2 && slowBodies.first?.contains("hang-1") == true && slowBodies.last?.contains("hang-2") == true)
                }
            }
        }
    }
}
