import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaWeb
import Testing

@Suite("Web: dashboard filters (custom period, team, rep) obey who sees what")
struct DashboardFilterTests {
    static let team = DashboardLinksEncoding.encode("インサイドセールス1課")
    static let fsTeam = DashboardLinksEncoding.encode("フィールドセールス部")

    @Test("who may filter to which scope", arguments: [
        ("admin", "team=\(team)", true),
        ("admin", "rep=R009", true),
        ("viewer", "team=\(fsTeam)", true),
        ("manager", "team=\(team)", true),
        ("manager", "rep=R002", true),
        ("manager", "team=\(fsTeam)", false),
        ("manager", "rep=R009", false),
        ("rep", "team=\(team)", true),
        ("rep", "rep=R002", true),
        ("rep", "rep=R003", false),
        ("rep", "team=\(fsTeam)", false),
        ("fsmanager", "rep=R002", false),
    ])
    func scopes(user: String, query: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let page = try await WebHarness.get(client, "/?from=2026-05-01&through=2026-05-31&\(query)", cookie: cookie)
            #expect(page.0 == (allowed ? .ok : .forbidden), "\(user) \(query)")
        }
    }

    @Test("a custom period and a rep filter show that rep's May figures, equal to the API's")
    func customPeriodAndRep() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let page = try await WebHarness.get(client, "/?from=2026-05-01&through=2026-05-31&rep=R002", cookie: cookie)
            let api = try await WebHarness.get(client, "/api/v1/kpis?kpi=calls&by=rep&from=2026-05-01&to=2026-06-01", cookie: cookie)
            let line = try #require(api.1.split(separator: "\n").first { $0.contains("\"group\":\"R002\"") })
            let calls = try #require(line.components(separatedBy: "\"value\":").last?.components(separatedBy: CharacterSet(charactersIn: ",}")).first)

            #expect(page.0 == .ok)
            #expect(page.1.contains("2026-05-01〜2026-05-31"))
            #expect(page.1.contains("(R002)"))
            #expect(page.1.contains("data-kpi=\"calls\" data-value=\"\(calls)\"") || page.1.contains("data-value=\"\(calls)\" data-kpi=\"calls\""))
            // The rep filter stays on the period links; the custom period stays on the language link.
            #expect(page.1.contains("rep=R002"))
            #expect(page.1.contains("through=2026-05-31"))
            // The rep selector offers only the manager's team.
            #expect(page.1.contains("value=\"R003\"") && !page.1.contains("value=\"R009\""))
            let bad = try await WebHarness.get(client, "/?from=2026-06-01&through=2026-05-01", cookie: cookie)
            #expect(bad.0 == .badRequest)
        }
    }

    @Test("the weekly chart's bars are the API's weekly figures of the scope")
    func weeklyBars() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let page = try await WebHarness.get(client, "/?from=2026-05-01&through=2026-05-31", cookie: cookie)
            for week in ["2026-05-25", "2026-05-04", "2026-04-06"] {
                let bar = try #require(page.1.components(separatedBy: "data-week=\"\(week)\" data-value=\"").dropFirst().first?.components(separatedBy: "\"").first,
                                       "no bar for the week of \(week)")
                let end = LocalDate(week)!.adding(days: 7)
                let api = try await WebHarness.get(client, "/api/v1/kpis?kpi=calls&by=team&from=\(week)&to=\(end)", cookie: cookie)
                #expect(api.1.contains("\"group\":\"インサイドセールス1課\",\"from\":\"\(week)\",\"to\":\"\(end)\",\"numerator\":\(bar),"), "\(week): \(bar)")
            }
            #expect(page.1.contains("推移 (週次)"))
        }
    }
}
