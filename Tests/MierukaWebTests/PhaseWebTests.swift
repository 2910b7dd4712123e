import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: phase diagnosis and SMART checks")
struct PhaseWebTests {
    static let team = DashboardLinksEncoding.encode("インサイドセールス1課")

    @Test("the page shows the phase with its evidence; the team's manager answers an item with the CSRF token")
    func pageAndAnswer() async throws {
        try await WebHarness.withApp { client, store in
            let manager = try await WebHarness.login(client, as: "manager").cookie
            let page = try await WebHarness.get(client, "/phase", cookie: manager)
            #expect(page.0 == .ok)
            #expect(page.1.contains("data-phase=\"") && page.1.contains("チェックリスト") && page.1.contains("インサイドセールス1課"))
            #expect(page.1.contains("action=\"/phase/answer\""))
            let csrf = ImportPageTests.csrf(in: page.1)
            let form = "team=\(Self.team)&item=launch_no_winning_pattern&answer=yes"
            let refused = try await ImportPageTests.post(client, "/phase/answer", cookie: manager, contentType: "application/x-www-form-urlencoded",
                                                         body: ByteBuffer(string: form))
            let answered = try await ImportPageTests.post(client, "/phase/answer", cookie: manager, contentType: "application/x-www-form-urlencoded",
                                                          body: ByteBuffer(string: form + "&csrf=\(csrf)"))
            #expect(refused.0 == .forbidden)
            #expect(answered.0 == .seeOther)
            let stored = try await store.phaseAnswers(team: "インサイドセールス1課")
            #expect(stored.contains { $0.itemId == "launch_no_winning_pattern" && $0.answer && $0.answeredBy == "manager" })
            // A rep sees the team's phase but cannot answer.
            let rep = try await WebHarness.login(client, as: "rep").cookie
            let repPage = try await WebHarness.get(client, "/phase", cookie: rep)
            #expect(repPage.0 == .ok && !repPage.1.contains("action=\"/phase/answer\""))
        }
    }

    @Test("who may read which diagnosis", arguments: [
        ("admin", "", true), ("viewer", "", true), ("manager", "?team=\(team)", true), ("manager", "", false),
        ("fsmanager", "?team=\(team)", false), ("rep", "?team=\(team)", true), ("rep", "", false),
    ])
    func rights(user: String, query: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let api = try await WebHarness.get(client, "/api/v1/phase\(query)", cookie: cookie)
            #expect(api.0 == (allowed ? .ok : .forbidden), "\(user) \(query)")
            if allowed { #expect(api.1.contains("\"phase\":")) }
        }
    }

    @Test("the API stores answers all or none; SMART lists only the targets the viewer may see")
    func apiAnswersAndSmart() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            let bad = try await client.execute(uri: "/api/v1/phase/answers", method: .post, headers: headers,
                                               body: ByteBuffer(string: "{\"answers\":{\"L3\":true,\"nope\":true}}"))
            #expect(bad.status == .badRequest)
            #expect(try await store.phaseAnswers(team: nil).isEmpty)
            let good = try await client.execute(uri: "/api/v1/phase/answers", method: .post, headers: headers,
                                                body: ByteBuffer(string: "{\"answers\":{\"L3\":true,\"M2\":false}}"))
            #expect(good.status == .ok)
            #expect(try await store.phaseAnswers(team: nil).count == 2)

            let manager = try await WebHarness.login(client, as: "manager").cookie
            let smart = try await WebHarness.get(client, "/api/v1/smart", cookie: manager)
            let all = try await WebHarness.get(client, "/api/v1/smart", bearer: token)
            #expect(smart.0 == .ok && all.0 == .ok)
            let mine = try #require(try JSONSerialization.jsonObject(with: Data(smart.1.utf8)) as? [[String: Any]])
            let every = try #require(try JSONSerialization.jsonObject(with: Data(all.1.utf8)) as? [[String: Any]])
            #expect(!mine.isEmpty && mine.count < every.count)
            #expect(mine.allSatisfy { ($0["scope"] as? String) != "org" })
            #expect(every.allSatisfy { ($0["findings"] as? [Any])?.count == 5 })
        }
    }

    @Test("the team's manager applies the phase's KPI set as next month's targets")
    func applyPreset() async throws {
        try await WebHarness.withApp { client, store in
            let manager = try await WebHarness.login(client, as: "manager").cookie
            let page = try await WebHarness.get(client, "/phase", cookie: manager)
            let csrf = ImportPageTests.csrf(in: page.1)
            let phase = try #require(page.1.components(separatedBy: "name=\"phase\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)
            let form = "csrf=\(csrf)&team=\(Self.team)&phase=\(phase)&month=2026-09"
            let applied = try await ImportPageTests.post(client, "/phase/apply", cookie: manager, contentType: "application/x-www-form-urlencoded",
                                                         body: ByteBuffer(string: form))
            #expect(applied.0 == .seeOther)
            let september = try await store.targets().filter { $0.periodStart == LocalDate("2026-09-01")! }
            let preset = PhasePreset.standard(Phase(rawValue: phase)!)
            #expect(!september.isEmpty)
            #expect(september.allSatisfy { $0.scope == .team && $0.scopeId == "インサイドセールス1課" && preset.contains($0.kpi) })
            // A rep cannot.
            let rep = try await WebHarness.login(client, as: "rep").cookie
            let repCSRF = ImportPageTests.csrf(in: try await WebHarness.get(client, "/phase", cookie: rep).1)
            let refused = try await ImportPageTests.post(client, "/phase/apply", cookie: rep, contentType: "application/x-www-form-urlencoded",
                                                         body: ByteBuffer(string: "csrf=\(repCSRF)&team=\(Self.team)&phase=\(phase)&month=2026-10"))
            #expect(refused.0 == .forbidden)
        }
    }
}
