import ArgumentParser
import Foundation
import MierukaStore
import MierukaWeb

/// `mieruka webhook add|list|remove|deliveries`: outbound webhook subscriptions and their delivery log.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Outbound webhooks (alert.raised, appointment.created) and their delivery log. Webhook送信先の管理。",
        subcommands: [Add.self, List.self, Remove.self, Deliveries.self]
    )

    /// Runs `body` on the opened store, closing it either way; store and input errors become plain messages.
    static func withStore<T>(_ options: StoreOptions, _ body: (any Store) async throws -> T) async throws -> T {
        let db = try await options.open()
        do {
            let result = try await body(db)
            try await db.close()
            return result
        } catch {
            try? await db.close()
            if let e = error as? WebhookSubscriptions.Invalid { throw ValidationError(e.description) }
            if let e = error as? StoreError { throw ValidationError(e.description) }
            throw error
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a receiver; prints its signing secret once. 送信先を追加(署名用シークレットは一度だけ表示)。")
        @OptionGroup var store: StoreOptions
        @Option(help: "The receiver's http(s) URL.") var url: String
        @Option(help: "Comma-separated: alert.raised, appointment.created.") var events: String
        @Option(help: "Who adds it (recorded).") var by: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"

        func run() async throws {
            let subscription = try await WebhookCommand.withStore(store) { db in
                try await WebhookSubscriptions.add(url: url, events: events, createdBy: by, store: db)
            }
            print("webhook \(subscription.id) added: \(subscription.url) (\(subscription.events.map(\.rawValue).sorted().joined(separator: ",")))")
            print("secret (shown once; verify X-Mieruka-Signature with it / 署名検証用、一度だけ表示): \(subscription.secret)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the receivers (secrets are not shown). 送信先の一覧。")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let subscriptions = try await WebhookCommand.withStore(store) { try await $0.webhookSubscriptions() }
            if subscriptions.isEmpty { print("no webhooks (add one with `mieruka webhook add --url URL --events alert.raised`) / 送信先なし") }
            for s in subscriptions {
                print("\(s.id)  \(s.url)  \(s.events.map(\.rawValue).sorted().joined(separator: ","))  added \(WebhookEnvelope.timestamp(s.createdAt)) by \(s.createdBy)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a receiver; its pending deliveries are closed. 送信先を削除。")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The webhook id (see `mieruka webhook list`).") var id: String

        func run() async throws {
            let removed = try await WebhookCommand.withStore(store) { try await $0.removeWebhookSubscription(id: id, now: Date()) }
            guard removed else { throw ValidationError("no webhook \(id); `mieruka webhook list` shows the ids") }
            print("webhook \(id) removed")
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The delivery log, newest first, with every attempt. 配信ログ。")
        @OptionGroup var store: StoreOptions
        @Option(help: "How many deliveries to show.") var limit: Int = 20

        func run() async throws {
            let lines = try await WebhookCommand.withStore(store) { db -> [String] in
                var lines: [String] = []
                for d in try await db.webhookDeliveries(limit: max(1, limit)) {
                    var line = "\(d.id)  \(d.eventType)  \(d.status.rawValue)  attempts \(d.attempts)  webhook \(d.subscriptionId)  event \(d.eventId)"
                    if let next = d.nextAttemptAt, d.status == .pending { line += "  next \(WebhookEnvelope.timestamp(next))" }
                    lines.append(line)
                    for a in try await db.webhookAttempts(deliveryId: d.id) {
                        lines.append("    #\(a.attempt) \(WebhookEnvelope.timestamp(a.at))  \(a.statusCode.map { "HTTP \($0)" } ?? "no answer")"
                            + (a.error.flatMap { $0 == "HTTP \(a.statusCode ?? -1)" ? nil : "  \($0)" } ?? ""))
                    }
                }
                return lines
            }
            if lines.isEmpty { print("no deliveries yet / 配信なし") }
            for line in lines { print(line) }
        }
    }
}
