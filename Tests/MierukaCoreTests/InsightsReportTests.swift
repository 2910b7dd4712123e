import Foundation
import MierukaCore
import Testing

@Suite("Insights: the report for the organisation or a team, and its JSON")
struct InsightsReportTests {
    static let may = Period(from: Fixture.d("2026-05-01"), to: Fixture.d("2026-06-01"), timeZone: Fixture.tokyo)

    /// R1 (IS1): 10 calls at 10:xx, 3 connected, 2 of them ≥ 120 s; one appointment from them. R3 (no team): 10 calls, none connected.
    static var facts: KPIFacts {
        let leads = (0..<20).map {
            Lead(id: "L\($0)", channel: "document_request", createdAt: Fixture.t("2026-04-01 10:00"), assignedTo: $0 < 10 ? "R1" : "R3")
        }
        var calls: [Activity] = []
        for i in 0..<10 {
            calls.append(Fixture.call("r1-\(i)", "L\(i)", "R1", "2026-05-11 10:\(10 + i)", connected: i < 3, seconds: i < 2 ? 150 : i < 3 ? 30 : 0))
            calls.append(Fixture.call("r3-\(i)", "L\(10 + i)", "R3", "2026-05-11 14:\(10 + i)", connected: false))
        }
        let deal = Opportunity(id: "O1", leadId: "L0", createdBy: "R1", createdAt: Fixture.t("2026-05-12 10:00"))
        return KPIFacts(reps: Fixture.reps, leads: leads, activities: calls, opportunities: [deal])
    }

    static func report(team: String?, minimumCalls: Int = BestTimeToCall.defaultMinimumCalls) -> InsightsReport {
        InsightsReport(
            facts: facts, period: may, team: team, lastOutbound: [:], asOf: Fixture.d("2026-05-31"), engine: KPIEngine(), minimumCalls: minimumCalls)
    }

    @Test("a team's report counts its reps' work: funnel, call times, channels")
    func team() throws {
        let report = Self.report(team: "IS1", minimumCalls: 5)
        #expect(report.scope == "IS1" && report.from == Fixture.d("2026-05-01") && report.to == Fixture.d("2026-06-01"))
        // 10 calls → 3 connects (30 %) → 2 valid (66.7 %) → 1 appointment (50 %) → 0 meetings (0 % against ≥ 50 %: −100 %).
        #expect(report.funnel.steps.map(\.denominator) == [10, 3, 2, 1, 0])
        #expect(report.funnel.bottleneck?.step == .meeting)
        #expect(report.advice?.step == .meeting)
        #expect(report.bestTimeToCall.byHour.map(\.slot) == [10])
        #expect(report.bestTimeToCall.bestHours == [10])
        #expect(report.channels.rows.map(\.leadsWorked) == [10])
        let org = Self.report(team: nil)
        #expect(org.scope == "org" && org.funnel.steps[0].denominator == 20 && org.channels.rows.map(\.leadsWorked) == [20])
        // At the default minimum of 20 calls, the org's two 10-call hours are too few to name.
        #expect(org.bestTimeToCall.bestHours.isEmpty)
    }

    @Test("JSON: snake_case keys, dates as YYYY-MM-DD, and it reads back to the same report")
    func json() throws {
        let report = Self.report(team: "IS1")
        let text = try report.json()
        #expect(text.contains("\"best_time_to_call\"") && text.contains("\"leads_worked\"") && text.contains("\"is_bottleneck\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "2026-05-01" && object["scope"] as? String == "IS1")
        #expect((object["advice"] as? [String: Any])?["step"] as? String == "meeting_rate")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(InsightsReport.self, from: Data(text.utf8)) == report)
    }
}
