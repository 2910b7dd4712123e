import Foundation

/// Folds every event of one call or message into its canonical activity record. The fold depends only on the set of
/// events, never on the order they arrived in, so an email.opened before its email.sent ends in the same activity.
///
/// - Call: occurred_at is call.started's time; without one, call.ended's time minus its duration. duration_seconds,
///   connected and decision_maker come from call.ended (empty until it arrives).
/// - Email: occurred_at is email.sent's time; until it arrives, the earliest event's (the mail was sent no later).
///   opened/clicked/replied/bounced are true when such an event arrived, false otherwise. opened is the furthest reaction
///   (data-model.md): a click or a reply means the mail was opened, so clicked and replied set opened too (tracking
///   pixels are often blocked); a reply does not imply a click.
/// - lead_id, rep_id and direction: from call.started / email.sent when present, else from the earliest event (the
///   ingest refuses events that disagree with the events already stored for the same activity).
public enum EventActivity {
    /// Events in a fixed order: by time, then event_id.
    static func ordered(_ events: [InboundEvent]) -> [InboundEvent] {
        events.sorted { ($0.occurredAt, $0.eventId) < ($1.occurredAt, $1.eventId) }
    }

    /// The activity record (canonical columns) for the events of one activity; nil for no events.
    public static func record(of events: [InboundEvent]) -> BatchRecord? {
        let events = ordered(events)
        guard let first = events.first else { return nil }
        let opening = events.first { $0.type == .callStarted || $0.type == .emailSent } ?? first
        var fields: [String: BatchValue] = [
            "activity_id": .text(first.activityId), "lead_id": .text(opening.leadId), "rep_id": .text(opening.repId),
            "type": .text(first.type.activityType), "direction": .text(opening.direction),
        ]
        let occurredAt: Date
        if first.type.isCall {
            let ended = events.last { $0.type == .callEnded }
            if let started = events.first(where: { $0.type == .callStarted }) {
                occurredAt = started.occurredAt
            } else if let ended {
                occurredAt = ended.occurredAt.addingTimeInterval(-Double(ended.durationSeconds ?? 0))
            } else {
                occurredAt = first.occurredAt
            }
            fields["duration_seconds"] = ended?.durationSeconds.map { .number(String($0)) } ?? .null
            fields["connected"] = ended?.connected.map(BatchValue.bool) ?? .null
            fields["decision_maker"] = ended?.decisionMaker.map(BatchValue.bool) ?? .null
        } else {
            occurredAt = events.first { $0.type == .emailSent }?.occurredAt ?? first.occurredAt
            let kinds = Set(events.map(\.type))
            let clicked = kinds.contains(.emailClicked)
            let replied = kinds.contains(.emailReplied)
            fields["opened"] = .bool(kinds.contains(.emailOpened) || clicked || replied)
            fields["clicked"] = .bool(clicked)
            fields["replied"] = .bool(replied)
            fields["bounced"] = .bool(kinds.contains(.emailBounced))
        }
        fields["occurred_at"] = .text(timestamp(occurredAt))
        return .object(fields)
    }

    /// UTC with seconds, which the import reads back exactly (stored times are whole seconds).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}
