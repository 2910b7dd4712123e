import Foundation
import MierukaCore

/// The kinds of event call tools (MiiTel, RevComm-like) and MA tools post to /api/v1/events.
public enum InboundEventType: String, Sendable, Hashable, CaseIterable {
    case callStarted = "call.started"
    case callEnded = "call.ended"
    case emailSent = "email.sent"
    case emailOpened = "email.opened"
    case emailClicked = "email.clicked"
    case emailReplied = "email.replied"
    case emailBounced = "email.bounced"

    public var isCall: Bool { self == .callStarted || self == .callEnded }
    /// The canonical activity type the event belongs to.
    public var activityType: String { isCall ? "call" : "email" }
    /// The field naming the call or message, i.e. the activity.
    public var sourceField: String { isCall ? "call_id" : "message_id" }
}

/// One event as accepted: checked, with its time read. Events of one call or message fold into one activity.
public struct InboundEvent: Sendable, Hashable {
    public var eventId: String
    public var type: InboundEventType
    public var occurredAt: Date
    public var leadId: String
    public var repId: String
    /// The call_id or message_id.
    public var sourceId: String
    public var direction: String
    public var durationSeconds: Int?
    public var connected: Bool?
    public var decisionMaker: Bool?

    public init(eventId: String, type: InboundEventType, occurredAt: Date, leadId: String, repId: String, sourceId: String, direction: String = "outbound",
                durationSeconds: Int? = nil, connected: Bool? = nil, decisionMaker: Bool? = nil) {
        self.eventId = eventId
        self.type = type
        self.occurredAt = occurredAt
        self.leadId = leadId
        self.repId = repId
        self.sourceId = sourceId
        self.direction = direction
        self.durationSeconds = durationSeconds
        self.connected = connected
        self.decisionMaker = decisionMaker
    }

    /// The activity all events of one call or message make: `call:<call_id>` or `email:<message_id>`. Deterministic, so a
    /// later event finds the activity an earlier one made, and a call and an email with the same source id stay apart.
    public var activityId: String { Self.activityId(type: type, sourceId: sourceId) }

    public static func activityId(type: InboundEventType, sourceId: String) -> String { "\(type.activityType):\(sourceId)" }

    /// Every field an event may carry.
    public static let fields = [
        "event_id", "type", "occurred_at", "rep_id", "lead_id", "call_id", "message_id", "direction", "duration_seconds", "connected", "decision_maker",
    ]

    /// Reads one posted event. Returns the event, or the issues that keep it out (index = its place in the batch).
    public static func read(_ record: BatchRecord, index: Int) -> (event: InboundEvent?, issues: [RecordIssue]) {
        guard case .object(let fields) = record else {
            let what: String
            if case .other(let kind) = record { what = kind } else { what = "not an object" }
            return (nil, [RecordIssue(record: index, field: nil, value: nil, message: "is \(what), not an object; each event is a JSON object")])
        }
        var issues: [RecordIssue] = []
        func issue(_ field: String, _ message: String) {
            issues.append(RecordIssue(record: index, field: field, value: fields[field]?.cell, message: message))
        }
        for key in fields.keys.sorted() where !Self.fields.contains(key) {
            issue(key, "\"\(key)\" is not a field of an event (fields: \(Self.fields.joined(separator: ", ")))")
        }
        func text(_ field: String, required: Bool) -> String? {
            switch fields[field] {
            case nil, .null?:
                if required { issue(field, "is missing, but \(field) is required") }
                return nil
            case .text(let s)?:
                let trimmed = s.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty, required { issue(field, "is empty, but \(field) is required") }
                return trimmed.isEmpty ? nil : trimmed
            case .number(let s)?: return s
            case .bool?, .unsupported?:
                issue(field, "must be text")
                return nil
            }
        }
        func id(_ field: String, required: Bool = true) -> String? {
            guard let value = text(field, required: required) else { return nil }
            if value.hasSpaceOrControl || value.count > 200 {
                issue(field, "\"\(value)\" is not an id: one word without spaces, at most 200 characters")
                return nil
            }
            return value
        }
        func present(_ field: String) -> Bool {
            guard let value = fields[field] else { return false }
            return value != BatchValue.null
        }
        func bool(_ field: String) -> Bool? {
            switch fields[field] {
            case nil, .null?: return nil
            case .bool(let b)?: return b
            case .text(let s)?:
                switch s.lowercased() {
                case "true", "1": return true
                case "false", "0": return false
                default: break
                }
            case .number(let s)?:
                if s == "1" { return true }
                if s == "0" { return false }
            case .unsupported?: break
            }
            issue(field, "must be true or false")
            return nil
        }

        let eventId = id("event_id")
        let typeText = text("type", required: true)
        let type = typeText.flatMap(InboundEventType.init(rawValue:))
        if typeText != nil, type == nil {
            issue("type", "is not an event type; use one of \(InboundEventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var occurredAt: Date?
        if let when = text("occurred_at", required: true) {
            // Stored times are whole seconds; cutting here keeps a batch's fold the same as a later one from the store.
            occurredAt = Self.instant(when).map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
            if occurredAt == nil {
                issue("occurred_at", "is not an ISO 8601 date-time with an offset (e.g. 2026-05-15T10:00:00+09:00 or 2026-05-15T01:00:00Z)")
            }
        }
        let repId = id("rep_id")
        let leadId = id("lead_id")
        var direction = "outbound"
        if let sent = text("direction", required: false) {
            if sent == "outbound" || sent == "inbound" { direction = sent } else { issue("direction", "must be outbound or inbound (default outbound)") }
        }
        var sourceId: String?
        var duration: Int?
        var connected: Bool?
        var decisionMaker: Bool?
        if let type {
            sourceId = id(type.sourceField)
            let other = type.isCall ? "message_id" : "call_id"
            if present(other) { issue(other, "belongs to \(type.isCall ? "email" : "call") events, not \(type.rawValue)") }
            let callEndFields = ["duration_seconds", "connected", "decision_maker"]
            if type == .callEnded {
                if let value = text("duration_seconds", required: true) {
                    // A day is the longest call we believe; a larger number is a unit mistake (milliseconds) or garbage.
                    if let seconds = Int(value), (0...86_400).contains(seconds) { duration = seconds } else {
                        issue("duration_seconds", "must be a whole number of seconds from 0 to 86400 (one day); got \(value)")
                    }
                }
                connected = bool("connected")
                if !present("connected") { issue("connected", "is missing, but call.ended needs connected (true/false)") }
                decisionMaker = bool("decision_maker")
            } else {
                for field in callEndFields where present(field) {
                    issue(field, "belongs to call.ended events, not \(type.rawValue)")
                }
            }
        }
        guard issues.isEmpty, let eventId, let type, let occurredAt, let repId, let leadId, let sourceId else { return (nil, issues) }
        return (InboundEvent(eventId: eventId, type: type, occurredAt: occurredAt, leadId: leadId, repId: repId, sourceId: sourceId, direction: direction,
                             durationSeconds: duration, connected: connected, decisionMaker: decisionMaker), [])
    }

    /// ISO 8601 with an explicit offset only: an event crosses systems, and a local time without one is a guess.
    static func instant(_ text: String) -> Date? {
        guard text.range(of: #"(Z|z|[+-]\d{2}:?\d{2})$"#, options: .regularExpression) != nil else { return nil }
        // The time zone only applies to texts without an offset, which were refused above.
        return DateTimeParser(timeZone: TimeZone(identifier: "UTC")!).iso8601(Substring(text))
    }
}
