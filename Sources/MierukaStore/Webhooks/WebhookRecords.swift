import Foundation

/// The kinds of outbound event a webhook subscription can ask for.
public enum WebhookEventType: String, Sendable, Hashable, CaseIterable, Codable {
    /// An alert (AlertService) seen for the first time on its day.
    case alertRaised = "alert.raised"
    /// A new opportunity, i.e. an appointment set (kpi-catalog: appointments = opportunities created).
    case appointmentCreated = "appointment.created"

    /// How recent an appointment must be to be announced. An appointment is news when it is made; an import of last
    /// year's history creates thousands of opportunities at once, and a receiver (a chat channel, a calendar) wants none
    /// of them. A week covers a daily or weekly batch import of what the team did since.
    public static let appointmentAnnouncementWindow: TimeInterval = 7 * 86_400
}

/// A receiver of outbound events, as stored. The secret signs every delivery (HMAC-SHA256).
public struct WebhookSubscription: Sendable, Hashable {
    public var id: String
    public var url: String
    public var secret: String
    public var events: Set<WebhookEventType>
    public var createdAt: Date
    public var createdBy: String

    public init(id: String, url: String, secret: String, events: Set<WebhookEventType>, createdAt: Date, createdBy: String) {
        self.id = id
        self.url = url
        self.secret = secret
        self.events = events
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// One event for one subscription: the outbox row, with where its delivery stands.
public struct WebhookDelivery: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case pending, delivered, failed }

    public var id: String
    public var subscriptionId: String
    public var eventId: String
    public var eventType: String
    /// The exact JSON body sent (and signed) on every attempt.
    public var body: String
    public var status: Status
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public var nextAttemptAt: Date?
    public var createdAt: Date
    public var finishedAt: Date?
}

/// One try to deliver, as logged.
public struct WebhookAttempt: Sendable, Hashable {
    public var deliveryId: String
    public var attempt: Int
    public var at: Date
    public var statusCode: Int?
    public var error: String?
}

/// A JSON value of an outbound event's `data`: what alerts and opportunities need, and nothing that could fail to encode.
public enum WebhookValue: Sendable, Hashable, Encodable {
    case null
    case text(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case list([String])

    public init(_ text: String?) { self = text.map(WebhookValue.text) ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .text(let s): try c.encode(s)
        case .int(let v): try c.encode(v)
        case .double(let v): if v.isFinite { try c.encode(v) } else { try c.encodeNil() }
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        }
    }
}

/// The body of every delivery: `{"data":{…},"id":"…","occurred_at":"…","type":"…"}` (keys sorted).
public struct WebhookEnvelope: Sendable, Encodable {
    public var id: String
    public var type: String
    public var occurredAt: String
    public var data: [String: WebhookValue]

    enum CodingKeys: String, CodingKey {
        case id, type, data
        case occurredAt = "occurred_at"
    }

    public init(id: String, type: WebhookEventType, occurredAt: Date, data: [String: WebhookValue]) {
        self.id = id
        self.type = type.rawValue
        self.occurredAt = WebhookEnvelope.timestamp(occurredAt)
        self.data = data
    }

    /// ISO 8601 in UTC with seconds (`2026-05-15T07:00:00Z`).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, number, bool, null or list of strings: encoding cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
