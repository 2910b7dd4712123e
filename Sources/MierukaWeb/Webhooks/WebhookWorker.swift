import AsyncHTTPClient
import Foundation
import Logging
import MierukaCore
import MierukaStore
import NIOCore
import NIOHTTP1

/// The background worker of `mieruka serve`: sends due webhook deliveries (signed, retried with back-off) and announces
/// alerts not announced before. Every state change is in the store, so a restart goes on where it stopped; an attempt
/// cut off by a stop is sent again (receivers deduplicate by the body's `id`).
public final class WebhookWorker: Sendable {
    public let store: any Store
    public let retry: WebhookRetryPolicy
    /// How often due deliveries are looked for.
    public let pollInterval: TimeInterval
    /// How often the alerts are computed (they read a month of figures: not every poll).
    public let alertInterval: TimeInterval
    /// The longest one delivery may take, connection included.
    public let requestTimeout: TimeInterval
    /// How many receivers are sent to at once.
    public let maxConcurrentReceivers: Int
    let client: HTTPClient
    let logger: Logger

    public init(store: any Store, retry: WebhookRetryPolicy = WebhookRetryPolicy(), pollInterval: TimeInterval = 5, alertInterval: TimeInterval = 300,
                requestTimeout: TimeInterval = 15, maxConcurrentReceivers: Int = 8, logger: Logger = Logger(label: "mieruka.webhooks")) {
        self.store = store
        self.retry = retry
        self.pollInterval = pollInterval
        self.alertInterval = alertInterval
        self.requestTimeout = requestTimeout
        self.maxConcurrentReceivers = maxConcurrentReceivers
        self.logger = logger
        // No redirects: a delivery goes to the URL the admin registered and nowhere else.
        let configuration = HTTPClient.Configuration(
            tlsConfiguration: nil, redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(5), read: .seconds(Int64(max(1, requestTimeout)))),
            connectionPool: HTTPClient.Configuration.ConnectionPool(), proxy: nil, ignoreUncleanSSLShutdown: false, decompression: .disabled)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs until the task is cancelled, then shuts the HTTP client down.
    public func run() async {
        var nextAlertCheck = Date()
        while !Task.isCancelled {
            do {
                if Date() >= nextAlertCheck {
                    nextAlertCheck = Date().addingTimeInterval(alertInterval)
                    if try await store.hasWebhookSubscribers(for: .alertRaised) { _ = try await raiseAlerts(now: Date()) }
                }
                _ = try await deliverDue(now: Date())
            } catch {
                logger.error("webhook worker: \(error)")
            }
            try? await Task.sleep(nanoseconds: UInt64(pollInterval * 1_000_000_000))
        }
        await shutdown()
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    // MARK: - Deliveries

    /// Sends every delivery due at `now` once; returns how many were attempted. Receivers are served side by side (up to
    /// `maxConcurrentReceivers` at once), each receiver's deliveries one after another in the order they fell due: a
    /// receiver that hangs until the timeout delays only its own deliveries, and a healthy one still gets its events in order.
    @discardableResult
    public func deliverDue(now: Date = Date()) async throws -> Int {
        let due = try await store.dueWebhookDeliveries(now: now)
        var queues: [[(delivery: WebhookDelivery, url: String, secret: String)]] = []
        var queueOf: [String: Int] = [:]
        for item in due {
            if let index = queueOf[item.delivery.subscriptionId] {
                queues[index].append(item)
            } else {
                queueOf[item.delivery.subscriptionId] = queues.count
                queues.append([item])
            }
        }
        return await withTaskGroup(of: Int.self) { group in
            var waiting = queues.makeIterator()
            for _ in 0..<max(1, maxConcurrentReceivers) {
                guard let queue = waiting.next() else { break }
                group.addTask { await self.deliver(queue, now: now) }
            }
            var attempted = 0
            while let sent = await group.next() {
                attempted += sent
                if let queue = waiting.next() { group.addTask { await self.deliver(queue, now: now) } }
            }
            return attempted
        }
    }

    /// One receiver's due deliveries, in order; returns how many were attempted.
    private func deliver(_ queue: [(delivery: WebhookDelivery, url: String, secret: String)], now: Date) async -> Int {
        var attempted = 0
        for (delivery, url, secret) in queue {
            if Task.isCancelled { break }
            do {
                // Claimed first: a second server on the same database skips what this one is sending.
                guard try await store.claimWebhookDelivery(delivery.id, now: now, lease: requestTimeout + 60) else { continue }
                try await attempt(delivery, url: url, secret: secret)
                attempted += 1
            } catch {
                logger.error("webhook delivery \(delivery.id): \(error)")
            }
        }
        return attempted
    }

    func attempt(_ delivery: WebhookDelivery, url: String, secret: String) async throws {
        let timestamp = String(Int(Date().timeIntervalSince1970))
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Mieruka-Webhooks/1")
        request.headers.add(name: "X-Mieruka-Event", value: delivery.eventType)
        request.headers.add(name: "X-Mieruka-Delivery", value: delivery.id)
        request.headers.add(name: "X-Mieruka-Timestamp", value: timestamp)
        request.headers.add(name: "X-Mieruka-Signature", value: WebhookSignature.sign(secret: secret, timestamp: timestamp, body: delivery.body))
        request.body = .bytes(ByteBuffer(string: delivery.body))
        var statusCode: Int?
        var failure: String?
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(requestTimeout * 1000)))
            statusCode = Int(response.status.code)
            // The answer is not read beyond a little: a receiver's page of HTML is no concern of ours.
            _ = try? await response.body.collect(upTo: 64 << 10)
            if !(200..<300).contains(response.status.code) { failure = "HTTP \(response.status.code)" }
        } catch {
            failure = "\(error)"
        }
        let finished = Date()
        let attemptNumber = delivery.attempts + 1
        let retryAt = failure == nil ? nil : retry.retryAt(afterAttempt: attemptNumber, failedAt: finished)
        try await store.recordWebhookAttempt(
            deliveryId: delivery.id, at: finished, statusCode: statusCode, error: failure, delivered: failure == nil, retryAt: retryAt)
        if let failure {
            let next = retryAt.map { "; next attempt at \(WebhookEnvelope.timestamp($0))" } ?? "; given up"
            logger.warning("webhook delivery \(delivery.id) (\(delivery.eventType)) attempt \(attemptNumber) failed: \(failure)\(next)")
        }
    }

    // MARK: - Alerts

    /// Computes the alerts at `now` and enqueues alert.raised for each not announced before (once per alert and day);
    /// returns how many were new.
    @discardableResult
    public func raiseAlerts(now: Date) async throws -> Int {
        let alerts = try await AlertService(store: store).alerts(now: now)
        let settings = try await store.settings()
        let day = settings.clock.localDate(of: now)
        let names = Dictionary(try await store.reps().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let store = self.store
        return try await store.transaction {
            var raised = 0
            for alert in alerts {
                let key = Self.alertKey(alert, day: day)
                guard try await store.markAlertRaised(key: key, at: now) else { continue }
                raised += 1
                let data: [String: WebhookValue] = [
                    "kind": .text(alert.kind.rawValue), "severity": .text(alert.severity.rawValue), "scope": .text(alert.scope.rawValue),
                    "group": WebhookValue(alert.group), "kpi": WebhookValue(alert.kpi), "value": alert.value.map(WebhookValue.double) ?? .null,
                    "target": alert.target.map(WebhookValue.double) ?? .null, "lead_ids": .list(alert.leadIds), "day": .text(day.description),
                    "message_ja": .text(AlertText.sentence(alert, repNames: names, language: .ja)),
                    "message_en": .text(AlertText.sentence(alert, repNames: names, language: .en)),
                ]
                try await store.enqueueWebhookEvent(
                    WebhookEnvelope(id: "alert.raised:" + key, type: .alertRaised, occurredAt: now, data: data), type: .alertRaised, now: now)
            }
            return raised
        }
    }

    /// One alert per kind, scope, group, KPI and day: the same alert seen again that day is not announced again.
    static func alertKey(_ alert: Alert, day: LocalDate) -> String {
        [day.description, alert.kind.rawValue, alert.scope.rawValue, alert.group ?? "", alert.kpi ?? ""].joined(separator: "|")
    }
}
