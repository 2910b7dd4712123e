import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: the planner (page and API) and who may plan and save what")
struct PlanWebTests {
    static let team = DashboardLinksEncoding.encode("インサイドセールス1課")
    static let query = "kgi=wins%3D10&period=2026-07&team=\(team)"

    @Test("the API's plan is the service's plan; a saved plan becomes the month's targets")
    func apiAndSave() async throws {
        try await WebHarness.withApp { client, store in
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let answer = try await WebHarness.get(client, "/api/v1/plan?\(Self.query)", cookie: cookie)
            let expected = try await PlanService(store: store).plan(kgi: .wins(10), month: YearMonth(year: 2026, month: 7), team: "インサイドセールス1課")
            let plan = try JSONDecoder().decode(KGIPlan.self, from: Data(answer.1.utf8))
            #expect(answer.0 == .ok)
            #expect(plan.steps.map(\.monthly) == expected.steps.map(\.monthly))
            #expect(plan.steps.map(\.kpi) == ["wins", "meetings", "appointments", "valid_conversations", "connects", "calls"])
            #expect(plan.kgi == .wins(10))

            let token = try await LoginService(store: store).createToken(login: "manager")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let saved = try await client.execute(uri: "/api/v1/plan?\(Self.query)", method: .post, headers: headers)
            #expect(saved.status == .ok)
            let july = try await store.targets().filter { $0.periodStart == LocalDate("2026-07-01")! }
            #expect(july.contains { $0.kpi == "calls" && $0.scope == .team && $0.value == expected.steps.last!.monthly })
            #expect(july.contains { $0.kpi == "calls" && $0.scope == .rep && $0.scopeId == "R002" })
        }
    }

    @Test("who may plan which scope", arguments: [
        ("admin", "", true), ("viewer", "", true), ("viewer", "&team=\(team)", true),
        ("manager", "&team=\(team)", true), ("manager", "", false), ("manager", "&team=\(DashboardLinksEncoding.encode("フィールドセールス部"))", false),
        ("rep", "&team=\(team)", false), ("rep", "", false),
    ])
    func rights(user: String, scope: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let api = try await WebHarness.get(client, "/api/v1/plan?kgi=appointments%3D40&period=2026-07\(scope)", cookie: cookie)
            let page = try await WebHarness.get(client, "/plan?kgi=appointments%3D40&period=2026-07\(scope)", cookie: cookie)
            #expect(api.0 == (allowed ? .ok : .forbidden), "\(user) \(scope)")
            #expect(page.0 == (allowed ? .ok : .forbidden), "\(user) \(scope)")
        }
    }

    @Test("the page shows the chain; saving needs the CSRF token and the right to set the team's targets")
    func page() async throws {
        try await WebHarness.withApp { client, store in
            let manager = try await WebHarness.login(client, as: "manager").cookie
            let shown = try await WebHarness.get(client, "/plan?\(Self.query)", cookie: manager)
            #expect(shown.0 == .ok)
            #expect(shown.1.contains("data-kpi=\"calls\"") && shown.1.contains("受注率"))
            #expect(shown.1.contains("action=\"/plan/save\""))
            let viewer = try await WebHarness.login(client, as: "viewer").cookie
            #expect(try await !WebHarness.get(client, "/plan?\(Self.query)", cookie: viewer).1.contains("action=\"/plan/save\""))

            let csrf = ImportPageTests.csrf(in: shown.1)
            let form = "kgi=wins%3D10&period=2026-07&team=\(Self.team)&rates=history&rate="
            let refused = try await ImportPageTests.post(client, "/plan/save", cookie: manager, contentType: "application/x-www-form-urlencoded", body: ByteBuffer(string: form))
            #expect(refused.0 == .forbidden)
            #expect(try await store.targets().allSatisfy { $0.periodStart != LocalDate("2026-07-01")! })
            let saved = try await ImportPageTests.post(client, "/plan/save", cookie: manager, contentType: "application/x-www-form-urlencoded",
                                                       body: ByteBuffer(string: form + "&csrf=\(csrf)"))
            #expect(saved.0 == .seeOther)
            #expect(try await store.targets().contains { $0.periodStart == LocalDate("2026-07-01")! && $0.kpi == "wins" && $0.value == 10 })
            let bad = try await WebHarness.get(client, "/api/v1/plan?kgi=calls%3D5", cookie: manager)
            #expect(bad.0 == .badRequest)
        }
    }
}
