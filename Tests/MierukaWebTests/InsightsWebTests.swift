import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: GET /api/v1/insights and who may see which scope")
struct InsightsWebTests {
    static let team = DashboardLinksEncoding.encode("インサイドセールス1課")
    static let fsTeam = DashboardLinksEncoding.encode("フィールドセールス部")
    static let may = "from=2026-05-01&to=2026-06-01"

    static func decode(_ body: String) throws -> InsightsReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(InsightsReport.self, from: Data(body.utf8))
    }

    @Test("the API's report is the service's report, for the organisation and for a team")
    func sameAsService() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let service = InsightsService(store: store)

            // MUT
            let org = try await WebHarness.get(client, "/api/v1/insights?\(Self.may)", cookie: admin)
            let team = try await WebHarness.get(client, "/api/v1/insights?\(Self.may)&team=\(Self.team)", cookie: admin)

            // validate
            #expect(org.0 == .ok && org.2[.contentType]?.hasPrefix("application/json") == true)
            let expected = try await service.insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: nil)
            #expect(try Self.decode(org.1) == expected)
            #expect(team.0 == .ok)
            let teamReport = try Self.decode(team.1)
            #expect(teamReport.scope == "インサイドセールス1課")
            #expect(teamReport == (try await service.insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: "インサイドセールス1課")))
        }
    }

    @Test("who may see which scope (the KPI API's rule)", arguments: [
        ("admin", "", HTTPResponse.Status.ok), ("viewer", "", .ok), ("viewer", "&team=\(team)", .ok),
        ("manager", "", .forbidden), ("manager", "&team=\(team)", .ok), ("manager", "&team=\(fsTeam)", .forbidden),
        ("rep", "", .forbidden), ("rep", "&team=\(team)", .ok), ("fsmanager", "&team=\(team)", .forbidden),
        ("fsmanager", "&team=\(fsTeam)", .ok),
    ])
    func rights(user: String, scope: String, status: HTTPResponse.Status) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let answer = try await WebHarness.get(client, "/api/v1/insights?\(Self.may)\(scope)", cookie: cookie)
            #expect(answer.0 == status, "\(user) \(scope): \(answer.1)")
        }
    }

    @Test("a rep sees the team's figures but only their own follow-ups in the re-approach list")
    func repSeesOwnFollowUps() async throws {
        try await WebHarness.withApp { client, _ in
            // October 2026: the golden leads (April–June) have been quiet for three months by then.
            let october = "from=2026-10-01&to=2026-11-01&team=\(Self.team)"
            let rep = try await WebHarness.login(client, as: "rep").cookie
            let manager = try await WebHarness.login(client, as: "manager").cookie
            let asRep = try Self.decode(try await WebHarness.get(client, "/api/v1/insights?\(october)", cookie: rep).1)
            let asManager = try Self.decode(try await WebHarness.get(client, "/api/v1/insights?\(october)", cookie: manager).1)
            #expect(asRep.funnel == asManager.funnel && asRep.lostReasons == asManager.lostReasons)
            #expect(asRep.reapproach.entries.allSatisfy { $0.repId == "R002" })
            #expect(asManager.reapproach.entries.filter { $0.repId == "R002" } == asRep.reapproach.entries)
            #expect(asManager.reapproach.entries.count > asRep.reapproach.entries.count)
        }
    }

    @Test("bad dates and unknown teams say what to send; no session is refused")
    func problems() async throws {
        try await WebHarness.withApp { client, _ in
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let backwards = try await WebHarness.get(client, "/api/v1/insights?from=2026-06-01&to=2026-05-01", cookie: admin)
            #expect(backwards.0 == .badRequest && backwards.1.contains("YYYY-MM-DD"))
            let unknownTeam = DashboardLinksEncoding.encode("営業3課")
            let unknown = try await WebHarness.get(client, "/api/v1/insights?\(Self.may)&team=\(unknownTeam)", cookie: admin)
            #expect(unknown.0 == .badRequest && unknown.1.contains("インサイドセールス1課"))
            #expect(try await WebHarness.get(client, "/api/v1/insights?\(Self.may)").0 == .unauthorized)
        }
    }
}
