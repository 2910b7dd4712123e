import Foundation
import MierukaCore

/// Webhook subscriptions and the delivery outbox, on either database through `execute` / `query`.
///
/// An event is enqueued (one pending delivery per subscription that asked for its kind) inside the transaction of the
/// write that caused it: a rolled-back write announces nothing, a committed one is never lost. The worker then sends and
/// logs each attempt.
extension Store {
    // MARK: - Subscriptions

    public func addWebhookSubscription(_ subscription: WebhookSubscription) async throws {
        try await execute(
            "INSERT INTO webhook_subscriptions (subscription_id, url, secret, events, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(subscription.id), .text(subscription.url), .text(subscription.secret),
             .text(subscription.events.map(\.rawValue).sorted().joined(separator: ",")), DBValue(subscription.createdAt), .text(subscription.createdBy)])
    }

    public func webhookSubscriptions() async throws -> [WebhookSubscription] {
        try await query("SELECT subscription_id, url, secret, events, created_at, created_by FROM webhook_subscriptions ORDER BY created_at, subscription_id", [])
            .map { row in
                WebhookSubscription(
                    id: row[0].text ?? "", url: row[1].text ?? "", secret: row[2].text ?? "",
                    events: Set((row[3].text ?? "").split(separator: ",").compactMap { WebhookEventType(rawValue: String($0)) }),
                    createdAt: row[4].date ?? Date(timeIntervalSince1970: 0), createdBy: row[5].text ?? "")
            }
    }

    /// Removes a subscription; its pending deliveries are closed as failed (kept in the log). False when there was none.
    public func removeWebhookSubscription(id: String, now: Date) async throws -> Bool {
        try await transaction {
            let found = try await self.query("SELECT 1 FROM webhook_subscriptions WHERE subscription_id = ?", [.text(id)])
            guard !found.isEmpty else { return false }
            try await self.execute("DELETE FROM webhook_subscriptions WHERE subscription_id = ?", [.text(id)])
            try await self.execute(
                "UPDATE webhook_deliveries SET status = 'failed', last_error = ?, next_attempt_at = NULL, finished_at = ? WHERE subscription_id = ? AND status = 'pending'",
                [.text("subscription removed"), DBValue(now), .text(id)])
            return true
        }
    }

    /// Whether any subscription asks for this kind (writers skip building events nobody receives).
    public func hasWebhookSubscribers(for type: WebhookEventType) async throws -> Bool {
        try await webhookSubscriptions().contains { $0.events.contains(type) }
    }

    // MARK: - Outbox

    /// Enqueues one event for every subscription asking for its kind; returns how many deliveries were made. Call it inside
    /// the transaction of the write the event reports.
    @discardableResult
    public func enqueueWebhookEvent(_ envelope: WebhookEnvelope, type: WebhookEventType, now: Date) async throws -> Int {
        let subscribers = try await webhookSubscriptions().filter { $0.events.contains(type) }
        guard !subscribers.isEmpty else { return 0 }
        let body = envelope.json()
        for subscription in subscribers {
            try await execute(
                """
                INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, body, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                """,
                [.text(UUID().uuidString.lowercased()), .text(subscription.id), .text(envelope.id), .text(type.rawValue), .text(body), DBValue(now), DBValue(now)])
        }
        return subscribers.count
    }

    /// Pending deliveries whose next attempt is due, oldest first, with where and how to send them.
    public func dueWebhookDeliveries(now: Date, limit: Int = 50) async throws -> [(delivery: WebhookDelivery, url: String, secret: String)] {
        try await query(
            """
            SELECT \(Self.deliveryColumns("d.")), s.url, s.secret FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.subscription_id = d.subscription_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.created_at, d.delivery_id LIMIT ?
            """,
            [DBValue(now), .int(Int64(limit))]
        ).map { row in (Self.delivery(row), row[12].text ?? "", row[13].text ?? "") }
    }

    /// Takes a due delivery for one sender: moves its next attempt `lease` seconds on, so another process reading the due
    /// deliveries meanwhile leaves it alone (and a sender that dies mid-send lets it come due again). False when another
    /// sender took it first or it is no longer pending.
    public func claimWebhookDelivery(_ deliveryId: String, now: Date, lease: TimeInterval) async throws -> Bool {
        let claimed = try await query(
            "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE delivery_id = ? AND status = 'pending' AND next_attempt_at <= ? RETURNING delivery_id",
            [DBValue(now.addingTimeInterval(lease)), .text(deliveryId), DBValue(now)])
        return !claimed.isEmpty
    }

    /// Logs one attempt and moves the delivery on: delivered, failed for good (`retryAt` nil and not delivered), or
    /// pending until `retryAt`.
    public func recordWebhookAttempt(deliveryId: String, at: Date, statusCode: Int?, error: String?, delivered: Bool, retryAt: Date?) async throws {
        try await transaction {
            let attempts = (try await self.query("SELECT attempts FROM webhook_deliveries WHERE delivery_id = ?", [.text(deliveryId)]).first?.first?.int ?? 0) + 1
            try await self.execute(
                "INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error) VALUES (?, ?, ?, ?, ?)",
                [.text(deliveryId), .int(attempts), DBValue(at), DBValue(statusCode), DBValue(error)])
            let status: WebhookDelivery.Status = delivered ? .delivered : (retryAt == nil ? .failed : .pending)
            // Times are stored in whole seconds: rounded up, so the wait is never shorter than the back-off.
            let next = retryAt.map { DBValue.int(Int64($0.timeIntervalSince1970.rounded(.up))) } ?? .null
            try await self.execute(
                // Only while pending: a subscription removed during the send has closed it, and it stays closed.
                "UPDATE webhook_deliveries SET attempts = ?, last_status = ?, last_error = ?, status = ?, next_attempt_at = ?, finished_at = ? WHERE delivery_id = ? AND status = 'pending'",
                [.int(attempts), DBValue(statusCode), DBValue(error), .text(status.rawValue), status == .pending ? next : .null,
                 status == .pending ? .null : DBValue(at), .text(deliveryId)])
        }
    }

    /// The newest deliveries first, for `mieruka webhook deliveries`.
    public func webhookDeliveries(limit: Int = 50) async throws -> [WebhookDelivery] {
        try await query("SELECT \(Self.deliveryColumns("")) FROM webhook_deliveries ORDER BY created_at DESC, delivery_id LIMIT ?", [.int(Int64(limit))])
            .map(Self.delivery)
    }

    public func webhookAttempts(deliveryId: String) async throws -> [WebhookAttempt] {
        try await query(
            "SELECT delivery_id, attempt, attempted_at, status_code, error FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt", [.text(deliveryId)]
        ).map { row in
            WebhookAttempt(deliveryId: row[0].text ?? "", attempt: Int(row[1].int ?? 0), at: row[2].date ?? Date(timeIntervalSince1970: 0),
                           statusCode: row[3].int.map { Int($0) }, error: row[4].text)
        }
    }

    private static func deliveryColumns(_ prefix: String) -> String {
        ["delivery_id", "subscription_id", "event_id", "event_type", "body", "status", "attempts", "last_status", "last_error", "next_attempt_at",
         "created_at", "finished_at"].map { prefix + $0 }.joined(separator: ", ")
    }

    private static func delivery(_ row: [DBValue]) -> WebhookDelivery {
        WebhookDelivery(
            id: row[0].text ?? "", subscriptionId: row[1].text ?? "", eventId: row[2].text ?? "", eventType: row[3].text ?? "",
            body: row[4].text ?? "", status: WebhookDelivery.Status(rawValue: row[5].text ?? "") ?? .failed, attempts: Int(row[6].int ?? 0),
            lastStatus: row[7].int.map { Int($0) }, lastError: row[8].text, nextAttemptAt: row[9].date,
            createdAt: row[10].date ?? Date(timeIntervalSince1970: 0), finishedAt: row[11].date)
    }

    // MARK: - Sources of events

    /// Marks an alert as announced; true when it was not before (the caller then enqueues it, in the same transaction).
    public func markAlertRaised(key: String, at: Date) async throws -> Bool {
        // One statement, so two servers raising the same alert at once announce it once.
        let inserted = try await query(
            "INSERT INTO raised_alerts (alert_key, raised_at) VALUES (?, ?) ON CONFLICT (alert_key) DO NOTHING RETURNING alert_key", [.text(key), DBValue(at)])
        return !inserted.isEmpty
    }

    /// The opportunities a merge of the staged rows will create, when anyone subscribes to appointment.created: their ids,
    /// read before the merge (after it they can no longer be told from updated ones).
    func appointmentsToAnnounce(_ entity: Entity) async throws -> [String] {
        guard entity == .opportunities, try await hasWebhookSubscribers(for: .appointmentCreated) else { return [] }
        return try await stagedNewKeys(entity)
    }

    /// Enqueues appointment.created for these new opportunities, as stored after the merge — those created within
    /// `WebhookEventType.appointmentAnnouncementWindow` before `now` (or later); older ones are history and are stored silently.
    func announceAppointments(_ ids: [String], now: Date = Date()) async throws {
        let oldest = now.addingTimeInterval(-WebhookEventType.appointmentAnnouncementWindow)
        for chunk in ids.sorted().chunked(500) {
            let rows = try await query(
                """
                SELECT opportunity_id, lead_id, created_by, owner, source, created_at, meeting_at, stage, amount
                FROM opportunities WHERE opportunity_id IN (\(RollupSQL.placeholders(chunk.count))) ORDER BY opportunity_id
                """,
                chunk.map(DBValue.text))
            for row in rows {
                let id = row[0].text ?? ""
                let createdAt = row[5].date ?? now
                guard createdAt >= oldest else { continue }
                let data: [String: WebhookValue] = [
                    "opportunity_id": .text(id), "lead_id": WebhookValue(row[1].text), "created_by": WebhookValue(row[2].text),
                    "owner": WebhookValue(row[3].text), "source": WebhookValue(row[4].text), "created_at": .text(WebhookEnvelope.timestamp(createdAt)),
                    "meeting_at": row[6].date.map { .text(WebhookEnvelope.timestamp($0)) } ?? .null, "stage": WebhookValue(row[7].text),
                    "amount": row[8].int.map(WebhookValue.int) ?? .null,
                ]
                // The event id is the opportunity's: one opportunity is created once, so a receiver can deduplicate by it.
                let envelope = WebhookEnvelope(id: "appointment.created:\(id)", type: .appointmentCreated, occurredAt: createdAt, data: data)
                try await enqueueWebhookEvent(envelope, type: .appointmentCreated, now: now)
            }
        }
    }
}
