import Foundation
import MierukaStore

/// Adding and checking webhook subscriptions (the CLI's `mieruka webhook add`), with messages that say what to fix.
public enum WebhookSubscriptions {
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads `alert.raised,appointment.created` into event kinds.
    public static func events(_ list: String) throws -> Set<WebhookEventType> {
        var events: Set<WebhookEventType> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let event = WebhookEventType(rawValue: name) else {
                throw Invalid(description: "unknown event \"\(name)\"; use one or more of \(WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated)")
            }
            events.insert(event)
        }
        guard !events.isEmpty else {
            throw Invalid(description: "name at least one event: \(WebhookEventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return events
    }

    /// An absolute http(s) URL with a host; no user or password in it (they would be logged and shown by `list`).
    public static func checkURL(_ text: String) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host, !host.isEmpty
        else {
            throw Invalid(description: "\"\(text)\" is not an http(s) URL; give the receiver's full address, e.g. https://example.com/hooks/mieruka")
        }
        guard url.user == nil, url.password == nil else {
            throw Invalid(description: "the URL holds a user or password; receivers check the X-Mieruka-Signature header instead")
        }
        return text
    }

    /// Stores a new subscription with a new secret and returns it (the secret is shown to the admin once).
    public static func add(url: String, events: String, createdBy: String, store: any Store, now: Date = Date()) async throws -> WebhookSubscription {
        let subscription = WebhookSubscription(
            id: "wh_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12), url: try checkURL(url),
            secret: WebhookSignature.newSecret(), events: try Self.events(events), createdAt: now, createdBy: createdBy)
        try await store.addWebhookSubscription(subscription)
        return subscription
    }
}
