import Foundation
import MierukaCore
import Testing

@Suite("KPI engine: action layer, hand-computed")
struct KPIEngineActionTests {
    let leads = [
        Lead(id: "L1", channel: "web_inquiry", createdAt: Fixture.t("2026-05-01 00:00"), assignedTo: "R1", status: .working),
        Lead(id: "L2", channel: "outbound_list", createdAt: Fixture.t("2026-04-30 23:59"), assignedTo: "R2", status: .working),
        Lead(id: "L3", channel: "dormant", createdAt: Fixture.t("2026-05-20 10:00"), status: .new),
    ]

    @Test("calls, connects, valid conversations and talk minutes at the midnight boundaries (JST)")
    func volumesAtBoundaries() {
        let activities = [
            Fixture.call("A1", "L1", "R1", "2026-04-30 23:59:59"),  // April: out
            Fixture.call("A2", "L1", "R1", "2026-05-01 00:00", connected: true, seconds: 120),  // in, valid (≥ 120 s)
            Fixture.call("A3", "L2", "R2", "2026-05-15 10:00", connected: true, seconds: 119),  // connect, not valid
            Fixture.call("A4", "L2", "R2", "2026-05-31 23:59:59", connected: nil, seconds: nil),  // in, unknown connected
            Fixture.call("A5", "L2", "R2", "2026-06-01 00:00", connected: true, seconds: 300),  // June: out
            Fixture.call("A6", "L1", "R1", "2026-05-02 10:00", connected: true, seconds: 60, direction: .inbound),  // inbound call
        ]
        let v = Fixture.compute(leads, activities)
        #expect(v["calls"] == .total(3))
        #expect(v["inbound_calls"] == .total(1))
        #expect(v["connects"] == .total(2))
        #expect(v["valid_conversations"] == .total(1))
        // (120 + 119 + 0 + 60) / 60, inbound included.
        #expect(v["talk_minutes"] == .total(299.0 / 60))
        #expect(v["connect_rate"] == .ratio(2, 3))
        #expect(v["valid_conversation_rate"] == .ratio(1, 2))
    }

    @Test("a UTC timestamp belongs to the JST day it falls on")
    func utcInstantCountsInJapaneseDay() {
        // 2026-04-30T15:00:00Z = 2026-05-01 00:00 JST.
        let a = Activity(id: "A1", leadId: "L1", repId: "R1", type: .call, direction: .outbound,
                         occurredAt: Date(timeIntervalSince1970: 1_777_561_200), durationSeconds: 0, connected: false)
        #expect(Fixture.clock.localDate(of: a.occurredAt) == Fixture.d("2026-05-01"))
        #expect(Fixture.compute(leads, [a], from: "2026-05-01", to: "2026-05-02")["calls"] == .total(1))
        #expect(Fixture.compute(leads, [a], from: "2026-04-30", to: "2026-05-01")["calls"] == .total(0))
    }

    @Test("emails: bounced count as sent but not in the open/click base")
    func emails() {
        let activities = [
            Fixture.email("E1", "L1", "R1", "2026-05-02 10:00", opened: true, clicked: true),
            Fixture.email("E2", "L1", "R1", "2026-05-03 10:00", opened: true, replied: true),
            Fixture.email("E3", "L2", "R2", "2026-05-04 10:00", bounced: true),
            Fixture.email("E4", "L2", "R2", "2026-05-05 10:00", opened: nil, clicked: nil, replied: nil, bounced: nil),
            Fixture.email("E5", "L2", "R2", "2026-05-06 10:00", replied: true, direction: .inbound),  // not sent
        ]
        let v = Fixture.compute(leads, activities)
        #expect(v["emails_sent"] == .total(4))
        #expect(v["approaches"] == .total(4))
        #expect(v["email_open_rate"] == .ratio(2, 3))
        #expect(v["email_click_rate"] == .ratio(1, 3))
        #expect(v["email_reply_rate"] == .ratio(1, 4))
    }

    @Test("zero denominators are undefined, never 0 %")
    func zeroDenominators() {
        let v = Fixture.compute(leads, [])
        #expect(v["connect_rate"] == KPIValue(numerator: 0, denominator: 0, value: nil))
        #expect(v["email_open_rate"]?.value == nil)
        #expect(v["win_rate"]?.value == nil)
        #expect(v["first_response_minutes_median"] == KPIValue(numerator: nil, denominator: 0, value: nil))
        #expect(v["calls"] == .total(0))
    }

    @Test("leads_worked is distinct per group: the org is not the sum of the reps")
    func leadsWorkedDistinct() {
        let activities = [
            Fixture.call("A1", "L1", "R1", "2026-05-02 10:00"),
            Fixture.call("A2", "L1", "R2", "2026-05-02 11:00"),
            Fixture.email("E1", "L1", "R2", "2026-05-03 11:00"),
            Fixture.call("A3", "L2", "R2", "2026-05-03 11:00", direction: .inbound),  // inbound: not worked
        ]
        let org = Fixture.compute(leads, activities)
        #expect(org["leads_worked"] == .total(1))
        #expect(org["followups_per_lead"] == .ratio(3, 1))
        let byRep = Fixture.compute(leads, activities, by: .rep)
        #expect(byRep["leads_worked|R1"] == .total(1))
        #expect(byRep["leads_worked|R2"] == .total(1))
        #expect(byRep["leads_worked|R3"] == .total(0))
        let byTeam = Fixture.compute(leads, activities, by: .team)
        #expect(byTeam["leads_worked|IS1"] == .total(1))
    }

    @Test("response_rate per rep: the rep's worked leads, a reaction by anyone counts")
    func responseRatePerRep() {
        let activities = [
            Fixture.call("A1", "L1", "R1", "2026-05-02 10:00"),  // R1 works L1, no reaction
            Fixture.call("A2", "L1", "R2", "2026-05-03 10:00", connected: true, seconds: 30),  // R2 gets the reaction
            Fixture.call("A3", "L2", "R1", "2026-05-03 10:00"),  // R1 works L2, no reaction at all
        ]
        let v = Fixture.compute(leads, activities, by: .rep)
        #expect(v["response_rate|R1"] == .ratio(1, 2))
        #expect(v["response_rate|R2"] == .ratio(1, 1))
    }

    @Test("new leads, MQL and SQL by their own timestamps, per rep by assigned_to, unassigned leads in the null group")
    func leadCounts() {
        var l = leads
        l[0].mqlAt = Fixture.t("2026-05-03 10:00")
        l[1].mqlAt = Fixture.t("2026-05-03 10:00")
        l[1].sqlAt = Fixture.t("2026-06-01 00:00")  // June
        let v = Fixture.compute(l, [])
        #expect(v["new_leads"] == .total(2))  // L1 (midnight May 1) and L3; L2 is April
        #expect(v["mqls"] == .total(2))
        #expect(v["sqls"] == .total(0))
        #expect(v["mql_rate"] == .ratio(2, 2))
        let byRep = Fixture.compute(l, [], by: .rep)
        #expect(byRep["new_leads|R1"] == .total(1))
        #expect(byRep["new_leads|null"] == .total(1))
        #expect(byRep["new_leads|R2"] == .total(0))
    }
}
