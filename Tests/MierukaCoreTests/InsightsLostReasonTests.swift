import Foundation
import MierukaCore
import Testing

@Suite("Insights: lost reasons of deals and disqualified leads, hand-computed")
struct InsightsLostReasonTests {
    static let may = Period(from: Fixture.d("2026-05-01"), to: Fixture.d("2026-06-01"), timeZone: Fixture.tokyo)

    static func lost(_ id: String, _ reason: String?, closed: String = "2026-05-20 10:00", by rep: String = "R1", stage: OpportunityStage = .lost)
        -> Opportunity
    {
        Opportunity(id: id, createdBy: rep, createdAt: Fixture.t("2026-04-01 10:00"), stage: stage, closedAt: Fixture.t(closed), lostReason: reason)
    }

    static func lead(_ id: String, _ status: LeadStatus, _ reason: String?) -> Lead {
        Lead(id: id, channel: "outbound_list", createdAt: Fixture.t("2026-04-01 10:00"), status: status, lostReason: reason)
    }

    @Test("deals lost in May by reason: counts, shares, most frequent first, not recorded last on a tie")
    func opportunities() {
        let facts = KPIFacts(opportunities: [
            Self.lost("O1", "予算確保できず"), Self.lost("O2", "予算確保できず "), Self.lost("O3", "競合"), Self.lost("O4", nil), Self.lost("O5", "  "),
            Self.lost("april", "価格", closed: "2026-04-30 23:59"), Self.lost("june", "価格", closed: "2026-06-01 00:00"),
            Self.lost("won", nil, stage: .won),
        ])
        let r = LostReasons(facts: facts, period: Self.may)
        #expect(r.opportunitiesLost == 5)
        #expect(r.opportunities.map(\.reason) == ["予算確保できず", nil, "競合"])
        #expect(r.opportunities.map(\.count) == [2, 2, 1])
        #expect(r.opportunities.map(\.share) == [0.4, 0.4, 0.2])
    }

    @Test("disqualified leads among those worked in May; a team counts its reps' work only")
    func leads() {
        let facts = KPIFacts(
            reps: Fixture.reps,
            leads: [
                Self.lead("L1", .disqualified, "ニーズなし"), Self.lead("L2", .disqualified, "ニーズなし"), Self.lead("L3", .disqualified, "予算なし"),
                Self.lead("L4", .disqualified, "競合導入済み"), Self.lead("L5", .working, nil), Self.lead("L6", .disqualified, "対象外"),
            ],
            activities: [
                Fixture.call("a1", "L1", "R1", "2026-05-07 10:00"), Fixture.call("a2", "L2", "R2", "2026-05-08 10:00"),
                Fixture.email("a3", "L3", "R1", "2026-05-09 10:00"), Fixture.call("a4", "L4", "R1", "2026-04-28 10:00"),
                Fixture.call("a5", "L5", "R1", "2026-05-07 10:00"), Fixture.call("a6", "L6", "R3", "2026-05-07 10:00"),
                // An inbound call does not make a lead worked.
                Fixture.call("a7", "L4", "R1", "2026-05-10 10:00", connected: true, direction: .inbound),
            ])
        let all = LostReasons(facts: facts, period: Self.may)
        #expect(all.leadsDisqualified == 4)
        #expect(all.leads.map(\.reason) == ["ニーズなし", "予算なし", "対象外"])
        #expect(all.leads.map(\.count) == [2, 1, 1])
        #expect(all.leads.map(\.share) == [0.5, 0.25, 0.25])
        let team = LostReasons(facts: facts, period: Self.may, reps: ["R1", "R2"])
        #expect(team.leadsDisqualified == 3 && team.leads.map(\.reason) == ["ニーズなし", "予算なし"])
    }

    @Test("no lost deals and no disqualified leads: empty lists, no division by zero")
    func nothingLost() {
        let r = LostReasons(facts: KPIFacts(opportunities: [Self.lost("won", nil, stage: .won)]), period: Self.may)
        #expect(r.opportunitiesLost == 0 && r.opportunities.isEmpty)
        #expect(r.leadsDisqualified == 0 && r.leads.isEmpty)
    }
}
