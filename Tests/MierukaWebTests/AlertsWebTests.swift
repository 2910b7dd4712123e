import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Alerts on the golden data, and who sees which")
struct AlertsWebTests {
    /// Tue 16 June 2026, 13:00 JST: past noon on a business day inside the golden data.
    static let now = ISO8601DateFormatter().date(from: "2026-06-16T13:00:00+09:00")!

    @Test("every SLA alert lists exactly the uncontacted inbound leads past the SLA, and idle reps had nothing that day")
    func goldenAlerts() async throws {
        try await WebHarness.withApp { _, store in
            let alerts = try await AlertService(store: store).alerts(now: Self.now)
            let settings = try await store.settings()
            let leads = try await store.facts(for: KPIEngine(settings: settings).period(from: LocalDate("2026-01-01")!, to: LocalDate("2026-12-01")!))
            // Independent: leads in SLA scope created 30 days before now up to the SLA, not disqualified/converted, never
            // contacted (the golden file also holds contacts after `now`; in real life none exist yet, so "ever" is "so far").
            let contacted = Set(leads.activities.filter { $0.isOutbound }.map(\.leadId))
            let expected = Set(leads.leads.filter { l in
                settings.isInSLAScope(channel: l.channel) && l.createdAt >= Self.now.addingTimeInterval(-30 * 86_400)
                    && l.createdAt < Self.now.addingTimeInterval(-settings.slaMinutes * 60) && l.status != .disqualified && l.status != .converted
                    && !contacted.contains(l.id)
            }.map(\.id))
            let listed = Set(alerts.filter { $0.kind == .slaBreach }.flatMap(\.leadIds))
            #expect(listed == expected)
            #expect(!expected.isEmpty)
            let idle = Set(alerts.filter { $0.kind == .noActivityByNoon }.compactMap(\.group))
            let busy = Set(leads.activities.filter { settings.clock.localDate(of: $0.occurredAt) == LocalDate("2026-06-16")! }.map(\.repId))
            #expect(idle.isDisjoint(with: busy))
            #expect(!alerts.isEmpty)
            // The same data gives the same list in the same order (the dashboard shows the first five).
            for _ in 0..<3 { #expect(try await AlertService(store: store).alerts(now: Self.now) == alerts) }
        }
    }

    @Test("a rep sees only their own alerts; a manager their team's; admins everything", arguments: ["rep", "manager", "fsmanager", "admin", "viewer"])
    func visibility(user: String) async throws {
        try await WebHarness.withApp { _, store in
            let account = try #require(try await store.user(login: user))
            let reps = try await store.reps()
            let mine = try await Services(store: store).alerts(viewer: account.viewer, now: Self.now)
            let all = try await AlertService(store: store).alerts(now: Self.now)
            let teamOf = Dictionary(reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
            for a in mine {
                switch user {
                case "rep": #expect(a.scope == .rep && a.group == "R002")
                case "manager", "fsmanager":
                    #expect(a.scope != .org)
                    let team = a.scope == .team ? a.group : a.group.flatMap { teamOf[$0] ?? nil }
                    #expect(team == account.team)
                default: break
                }
            }
            if user == "admin" || user == "viewer" { #expect(mine.count == all.count) }
        }
    }

    @Test("GET /api/v1/alerts answers JSON for a logged-in viewer and 401 without")
    func api() async throws {
        try await WebHarness.withApp { client, _ in
            let anonymous = try await WebHarness.get(client, "/api/v1/alerts")
            let cookie = try await WebHarness.login(client, as: "rep").cookie
            let answer = try await WebHarness.get(client, "/api/v1/alerts", cookie: cookie)
            #expect(anonymous.0 == .unauthorized)
            #expect(answer.0 == .ok && answer.1.hasPrefix("["))
        }
    }
}
