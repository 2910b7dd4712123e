import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka alerts`: what the morning meeting should act on today.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Today's alerts: pace behind target, SLA breaches, low valid-opportunity rate, overdue follow-ups, idle reps. 本日のアラート。"
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Only the alerts of this team and its reps.") var team: String?
    @Option(help: "As of this instant (ISO 8601, e.g. 2026-06-16T13:00:00+09:00; default now).") var at: String?
    @Option(help: "table | json") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        let language = Language(rawValue: lang) ?? .ja
        var now = Date()
        if let at {
            guard let date = ISO8601DateFormatter().date(from: at) else { throw ValidationError("--at must be ISO 8601, e.g. 2026-06-16T13:00:00+09:00") }
            now = date
        }
        let db = try await store.open()
        do {
            let reps = try await db.reps()
            let teamOf = Dictionary(reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
            var alerts = try await AlertService(store: db).alerts(now: now)
            if let team {
                alerts = alerts.filter { a in
                    switch a.scope {
                    case .org: return false
                    case .team: return a.group == team
                    case .rep: return a.group.flatMap { teamOf[$0] ?? nil } == team
                    }
                }
            }
            try await db.close()
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for alert in alerts { say(String(decoding: try encoder.encode(alert), as: UTF8.self)) }
            } else if alerts.isEmpty {
                say(language == .ja ? "アラートはありません。" : "No alerts.")
            } else {
                let names = Dictionary(reps.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                for alert in alerts {
                    let mark = alert.severity == .critical ? "‼" : "⚠"
                    var line = "\(mark) \(AlertText.sentence(alert, repNames: names, language: language))"
                    if !alert.leadIds.isEmpty { line += " [\(alert.leadIds.prefix(10).joined(separator: ", "))\(alert.leadIds.count > 10 ? ", …" : "")]" }
                    say(line)
                }
            }
        } catch {
            try? await db.close()
            throw error
        }
    }
}
