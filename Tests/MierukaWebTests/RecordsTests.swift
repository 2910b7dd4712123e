import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: drill-down to the records behind a figure")
struct RecordsTests {
    static let may = "from=2026-05-01&to=2026-06-01"
    static let team = DashboardLinksEncoding.encode("インサイドセールス1課")

    struct Answer: Decodable {
        let numerator: Double?
        let denominator: Double?
        let value: Double?
        let total_records: Int
        let records: [Record]
        struct Record: Decodable {
            let count: String
            let entity: String
            let id: String
            let fields: [String: String]
        }
    }

    struct Line: Decodable {
        let numerator: Double?
        let denominator: Double?
        let group: String?
    }

    @Test("the records' count is the figure's numerator and denominator, in JSON, CSV and on the page")
    func addsUp() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let figure = try await WebHarness.get(client, "/api/v1/kpis?kpi=connect_rate&by=team&\(Self.may)", cookie: cookie)
            let line = try #require(try JSONDecoder().decode([Line].self, from: Data(figure.1.utf8)).first { $0.group == "インサイドセールス1課" })
            let base = "/api/v1/kpis/connect_rate/records?by=team&group=\(Self.team)&\(Self.may)&per_page=1000"

            // MUT
            let numerator = try await WebHarness.get(client, base, cookie: cookie)
            let denominator = try await WebHarness.get(client, base + "&part=denominator", cookie: cookie)
            let csv = try await WebHarness.get(client, base + "&part=denominator&format=csv", cookie: cookie)
            let page = try await WebHarness.get(client, "/records?kpi=connect_rate&group=\(Self.team)&\(Self.may)", cookie: cookie)

            // validate
            #expect(numerator.0 == .ok && denominator.0 == .ok)
            let n = try JSONDecoder().decode(Answer.self, from: Data(numerator.1.utf8))
            let d = try JSONDecoder().decode(Answer.self, from: Data(denominator.1.utf8))
            #expect(Double(n.total_records) == line.numerator && Double(d.total_records) == line.denominator)
            #expect(n.numerator == line.numerator && n.denominator == line.denominator)
            #expect(n.records.allSatisfy { $0.entity == "activities" && $0.fields["connected"] == "true" && $0.fields["type"] == "call" })
            #expect(d.records.allSatisfy { $0.fields["direction"] == "outbound" && $0.fields["occurred_at"]!.hasPrefix("2026-05-") })
            #expect(csv.0 == .ok)
            #expect(csv.2[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.1.hasPrefix("\u{FEFF}count,value,activity_id,"))
            #expect(csv.1.split(separator: "\n").count == d.total_records + 1)
            #expect(page.0 == .ok)
            #expect(page.1.contains("コネクト率") && page.1.contains("分母の明細"))
            #expect(page.1.contains(n.records[0].id))
        }
    }

    @Test("a median lists its values; paging and unknown ids answer clearly")
    func medianAndPaging() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let median = try await WebHarness.get(client, "/api/v1/kpis/first_response_minutes_median/records?by=org&\(Self.may)", cookie: cookie)
            let pageOne = try await WebHarness.get(client, "/api/v1/kpis/calls/records?by=org&\(Self.may)&per_page=5", cookie: cookie)
            let pageTwo = try await WebHarness.get(client, "/api/v1/kpis/calls/records?by=org&\(Self.may)&per_page=5&page=2", cookie: cookie)
            let unknown = try await WebHarness.get(client, "/api/v1/kpis/nope/records?\(Self.may)", cookie: cookie)
            let mixed = try await WebHarness.get(client, "/api/v1/kpis/roi/records?\(Self.may)&format=csv", cookie: cookie)

            let m = try JSONDecoder().decode(Answer.self, from: Data(median.1.utf8))
            #expect(median.1.contains("\"part\":\"denominator\""))
            #expect(Double(m.total_records) == m.denominator)
            let one = try JSONDecoder().decode(Answer.self, from: Data(pageOne.1.utf8))
            let two = try JSONDecoder().decode(Answer.self, from: Data(pageTwo.1.utf8))
            #expect(one.records.count == 5 && two.records.count == 5)
            #expect(Set(one.records.map(\.id)).isDisjoint(with: two.records.map(\.id)))
            #expect(unknown.0 == .notFound)
            #expect(mixed.0 == .badRequest && mixed.1.contains("count="))
        }
    }

    @Test("who may open whose records", arguments: [
        // (user, query, allowed)
        ("rep", "by=rep&group=R002", true),
        ("rep", "by=rep&group=R003", false),
        ("rep", "by=team&group=\(team)", true),  // the team's figure, only the rep's own records (next test)
        ("rep", "by=org", false),
        ("rep", "by=rep&group=", false),
        ("manager", "by=team&group=\(team)", true),
        ("manager", "by=rep&group=R002", true),
        ("manager", "by=rep&group=R009", false),
        ("manager", "by=org", false),
        ("manager", "by=channel&group=web_inquiry", false),
        ("fsmanager", "by=team&group=\(team)", false),
        ("fsmanager", "by=rep&group=R002", false),
        ("viewer", "by=org", true),
        ("viewer", "by=rep&group=R009", true),
        ("admin", "by=rep&group=", true),
        ("admin", "by=channel&group=web_inquiry", true),
    ])
    func access(user: String, query: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            let api = try await WebHarness.get(client, "/api/v1/kpis/calls/records?\(query)&\(Self.may)", cookie: cookie)
            let csv = try await WebHarness.get(client, "/api/v1/kpis/calls/records?\(query)&\(Self.may)&format=csv", cookie: cookie)
            let page = try await WebHarness.get(client, "/records?kpi=calls&\(query)&\(Self.may)", cookie: cookie)
            for status in [api.0, csv.0, page.0] { #expect(status == (allowed ? .ok : .forbidden), "\(user) \(query)") }
            if !allowed { #expect(!api.1.contains("activity_id") && !csv.1.contains("activity_id") && !page.1.contains("activity_id")) }
        }
    }

    @Test("the dashboard's figures link to their records")
    func dashboardLinks() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "manager").cookie
            let dashboard = try await WebHarness.get(client, "/?period=month", cookie: cookie)
            let link = try #require(dashboard.1.components(separatedBy: "href=\"/records?").dropFirst().first?.components(separatedBy: "\"").first)
            let target = try await WebHarness.get(client, "/records?" + link.replacingOccurrences(of: "&amp;", with: "&"), cookie: cookie)
            #expect(target.0 == .ok)
        }
    }
}

extension RecordsTests {
    @Test("a rep opening the team's figure sees the team's total but only their own records")
    func repSeesOwnRecordsOfTeamFigure() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "rep").cookie
            let answer = try await WebHarness.get(client, "/api/v1/kpis/calls/records?by=team&group=\(Self.team)&\(Self.may)&per_page=1000", cookie: cookie)
            let csv = try await WebHarness.get(client, "/api/v1/kpis/calls/records?by=team&group=\(Self.team)&\(Self.may)&format=csv", cookie: cookie)
            let page = try await WebHarness.get(client, "/records?kpi=calls&by=team&group=\(Self.team)&\(Self.may)", cookie: cookie)
            let parsed = try JSONDecoder().decode(Answer.self, from: Data(answer.1.utf8))
            #expect(parsed.records.allSatisfy { $0.fields["rep_id"] == "R002" })
            #expect(!parsed.records.isEmpty)
            #expect(Double(parsed.total_records) < (parsed.numerator ?? 0))  // the team's figure is larger than the rep's share
            #expect(!csv.1.contains(",R003,") && csv.1.contains(",R002,"))
            #expect(page.0 == .ok && page.1.contains("あなたの記録のみ") && !page.1.contains(">R003<"))
        }
    }
}

/// The query-value encoding the pages use.
enum DashboardLinksEncoding {
    static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
}
