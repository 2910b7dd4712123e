import Foundation
import MierukaCore
import Testing

@Suite("KPI engine: opportunities and money, hand-computed")
struct KPIEngineOpportunityTests {
    let leads = [
        Lead(id: "L1", channel: "web_inquiry", createdAt: Fixture.t("2026-04-01 10:00"), assignedTo: "R1", status: .converted),
        Lead(id: "L2", channel: "dormant", createdAt: Fixture.t("2026-04-01 10:00"), assignedTo: "R2", status: .working),
    ]

    var opportunities: [Opportunity] {
        [
            // Created in May, all BANT, clear need, detailed process, scheduled: 30 + 25 + 25 + 20 = 100. Won in May.
            Opportunity(id: "O1", leadId: "L1", createdBy: "R1", source: .insideSales, createdAt: Fixture.t("2026-05-02 10:00"),
                        meetingAt: Fixture.t("2026-05-05 10:00"), handedOffAt: Fixture.t("2026-05-02 11:00"), stage: .won, amount: 1_000_000,
                        closedAt: Fixture.t("2026-05-12 10:00"), budget: true, authority: true, timeline: true, need: .clear,
                        decisionProcess: .detailed, nextAction: .scheduled),
            // Created in May, empty BANT (not confirmed): 10 + 5 + 5 + 0 = 20. Meeting on the books but not held (stage appointment).
            Opportunity(id: "O2", leadId: "L2", createdBy: "R2", source: .insideSales, createdAt: Fixture.t("2026-05-03 10:00"),
                        meetingAt: Fixture.t("2026-05-06 10:00"), stage: .appointment, amount: 500_000, isReactivation: true),
            // Created in April by a partner, lost in May; closed exactly at the end of May → open at end of April only.
            Opportunity(id: "O3", leadId: "L1", createdBy: "R1", source: .partner, createdAt: Fixture.t("2026-04-20 10:00"),
                        stage: .lost, amount: 9_000_000, closedAt: Fixture.t("2026-05-20 10:00")),
            // Inside sales, created in April, still open; closed at exactly June 1 00:00 → open at the end of May.
            Opportunity(id: "O4", leadId: "L1", createdBy: "R2", source: .insideSales, createdAt: Fixture.t("2026-04-21 10:00"),
                        stage: .won, amount: 300_000, closedAt: Fixture.t("2026-06-01 00:00")),
            // Without a lead and without an amount: won in May, counts in wins but adds nothing to amounts.
            Opportunity(id: "O5", createdBy: "R1", source: .insideSales, createdAt: Fixture.t("2026-05-10 10:00"), stage: .won,
                        closedAt: Fixture.t("2026-05-25 10:00"), budget: true, authority: true, timeline: true, need: .outline),
        ]
    }

    @Test("appointments, meetings held, hand-offs, wins and losses")
    func counts() {
        let v = Fixture.compute(leads, [], opportunities: opportunities)
        #expect(v["appointments"] == .total(3))
        #expect(v["meetings"] == .total(1))  // O2's meeting is in May but its stage is appointment
        #expect(v["handoffs"] == .total(1))
        #expect(v["wins"] == .total(2))
        #expect(v["losses"] == .total(1))
        #expect(v["win_rate"] == .ratio(2, 3))
        #expect(v["meeting_rate"] == .ratio(1, 3))
    }

    @Test("quality score and valid opportunities (≥ 60)")
    func quality() {
        #expect(QualityScore.of(opportunities[0]) == 100)
        #expect(QualityScore.of(opportunities[1]) == 20)
        // O5: BANT 4 (need outline counts) = 30, need outline 15, process empty 5, next empty 0 = 50.
        #expect(QualityScore.of(opportunities[4]) == 50)
        let v = Fixture.compute(leads, [], opportunities: opportunities)
        #expect(v["quality_score_avg"] == .ratio(170, 3))
        #expect(v["valid_opportunities"] == .total(1))
        #expect(v["valid_opportunity_rate"] == .ratio(1, 3))
    }

    @Test("money counts inside_sales only; pipeline is decided by closed_at alone")
    func money() {
        let v = Fixture.compute(leads, [], opportunities: opportunities)
        #expect(v["won_amount"] == .total(1_000_000))
        #expect(v["opportunity_amount"] == .total(1_500_000))
        #expect(v["avg_deal_size"] == .ratio(1_000_000, 1))
        // Open at the end of May: O2 (500,000) and O4 (closed exactly at June 1 00:00: still open). O3 is a partner's.
        #expect(v["pipeline_amount"] == .total(800_000))
        // O1: 10 days; O5: 15 days (every source).
        #expect(v["sales_cycle_days_avg"] == .ratio(25, 2))
        // Only O1 has a lead: April 1 10:00 → May 12 10:00 = 41 days.
        #expect(v["lead_to_win_days_avg"] == .ratio(41, 1))
    }

    @Test("an opportunity without a lead is grouped under channel unknown")
    func unknownChannel() {
        let v = Fixture.compute(leads, [], opportunities: opportunities, by: .channel)
        #expect(v["wins|unknown"] == .total(1))
        #expect(v["appointments|web_inquiry"] == .total(1))
        #expect(v["reactivation_rate|dormant"] == KPIValue(numerator: 1, denominator: 0, value: nil))
    }

    @Test("cost KPIs: every month P touches counts in full; CAC uses inside-sales wins")
    func costs() {
        let costs = [
            Cost(month: YearMonth(year: 2026, month: 5), channel: "web_inquiry", category: .marketing, amount: 200_000, visits: 1_000),
            Cost(month: YearMonth(year: 2026, month: 5), channel: nil, category: .insideSales, amount: 800_000),
            Cost(month: YearMonth(year: 2026, month: 6), channel: nil, category: .tools, amount: 50_000),
        ]
        let l = leads + [Lead(id: "L9", channel: "web_inquiry", createdAt: Fixture.t("2026-05-09 10:00"), status: .new)]
        // One week of May carries the whole May cost.
        let week = Fixture.compute(l, [], opportunities: opportunities, costs: costs, from: "2026-05-11", to: "2026-05-18")
        #expect(week["cost"] == .total(1_000_000))
        let v = Fixture.compute(l, [], opportunities: opportunities, costs: costs)
        #expect(v["cost"] == .total(1_000_000))
        #expect(v["cac"] == .ratio(1_000_000, 2))
        #expect(v["cpl"] == .ratio(200_000, 1))
        #expect(v["cvr"] == .ratio(1, 1_000))
        #expect(v["roi"] == .ratio(0, 1_000_000))
        let byChannel = Fixture.compute(l, [], opportunities: opportunities, costs: costs, by: .channel)
        #expect(byChannel["cost|web_inquiry"] == .total(200_000))
        #expect(byChannel["cost|null"] == .total(800_000))
        #expect(byChannel["cac|web_inquiry"] == .ratio(200_000, 1))
    }
}
