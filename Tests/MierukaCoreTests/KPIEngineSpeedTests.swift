import Foundation
import MierukaCore
import Testing

@Suite("KPI engine: speed (初動), hand-computed")
struct KPIEngineSpeedTests {
    let leads = [
        // Inbound (SLA scope), created in May.
        Lead(id: "L1", channel: "web_inquiry", createdAt: Fixture.t("2026-05-01 09:00"), assignedTo: "R1", assignedAt: Fixture.t("2026-05-01 09:10"), status: .working),
        Lead(id: "L2", channel: "document_request", createdAt: Fixture.t("2026-05-01 10:00"), assignedTo: "R1", assignedAt: Fixture.t("2026-05-01 10:00"), status: .working),
        Lead(id: "L3", channel: "seminar", createdAt: Fixture.t("2026-05-31 23:00"), assignedTo: "R2", assignedAt: Fixture.t("2026-05-31 23:30"), status: .new),
        Lead(id: "L4", channel: "referral", createdAt: Fixture.t("2026-05-10 10:00"), assignedTo: "R2", status: .new),  // never contacted
        // Outside the SLA scope.
        Lead(id: "L5", channel: "outbound_list", createdAt: Fixture.t("2026-05-02 10:00"), assignedTo: "R2", status: .working),
    ]

    var activities: [Activity] {
        [
            // L1: an inbound call first (not a response), then the first outbound at 60:00 exactly (inclusive).
            Fixture.call("A1", "L1", "R1", "2026-05-01 09:05", connected: true, seconds: 30, direction: .inbound),
            Fixture.call("A2", "L1", "R2", "2026-05-01 10:00"),
            // L2: first outbound 61 minutes later, by email.
            Fixture.email("E1", "L2", "R1", "2026-05-01 11:01"),
            Fixture.call("A3", "L2", "R1", "2026-05-01 11:30", connected: true, seconds: 200),
            // L3: first response after the period (June), still counted for May's lead.
            Fixture.call("A4", "L3", "R2", "2026-06-01 09:00"),
            Fixture.call("A5", "L5", "R2", "2026-05-02 10:01", connected: true, seconds: 10),
        ]
    }

    @Test("first response minutes: SLA-scope leads created in P that were ever contacted; inbound never counts")
    func firstResponse() {
        let v = Fixture.compute(leads, activities)
        // L1 60, L2 61, L3 600 (23:00 → 09:00 next day); L4 never contacted; L5 out of scope.
        #expect(v["first_response_minutes_avg"] == .ratio(721, 3))
        #expect(v["first_response_minutes_median"] == KPIValue(numerator: nil, denominator: 3, value: 61))
    }

    @Test("SLA compliance: within 60 minutes inclusive; never contacted = not compliant")
    func slaCompliance() {
        let v = Fixture.compute(leads, activities)
        #expect(v["sla_compliance_rate"] == .ratio(1, 4))
        var settings = OrganisationSettings()
        settings.slaMinutes = 61
        #expect(Fixture.compute(leads, activities, settings: settings)["sla_compliance_rate"] == .ratio(2, 4))
    }

    @Test("assignment to contact: leads assigned in P, contacted any time; never-contacted left out")
    func assignmentToContact() {
        let v = Fixture.compute(leads, activities)
        // L1 50, L2 61, L3 570 → median 61.
        #expect(v["assignment_to_contact_minutes_median"] == KPIValue(numerator: nil, denominator: 3, value: 61))
    }

    @Test("first call connect rate: the lead's first-ever outbound call, credited to its rep")
    func firstCallConnect() {
        let v = Fixture.compute(leads, activities)
        // First calls in May: L1 (A2, not connected), L2 (A3, connected), L5 (A5, connected). L3's is in June.
        #expect(v["first_call_connect_rate"] == .ratio(2, 3))
        let byRep = Fixture.compute(leads, activities, by: .rep)
        #expect(byRep["first_call_connect_rate|R2"] == .ratio(1, 2))
        #expect(byRep["first_call_connect_rate|R1"] == .ratio(1, 1))
    }

    @Test("recontact interval: unanswered outbound activity to the next outbound one, ties by id, next may be after P")
    func recontact() {
        let acts = [
            Fixture.call("B1", "L1", "R1", "2026-05-10 10:00"),  // → B2 same time (tie, id order): 0 days
            Fixture.call("B2", "L1", "R1", "2026-05-10 10:00"),  // → B4 skipping the inbound B3: 1.5 days
            Fixture.call("B3", "L1", "R1", "2026-05-11 10:00", connected: true, seconds: 10, direction: .inbound),
            Fixture.email("B4", "L1", "R2", "2026-05-11 22:00", replied: true),  // answered: no interval
            Fixture.email("B5", "L1", "R2", "2026-05-31 12:00"),  // → B6 in June: 1 day
            Fixture.call("B6", "L1", "R2", "2026-06-01 12:00"),
            Fixture.call("B7", "L2", "R1", "2026-05-20 12:00", connected: nil),  // empty connected = no reaction, but no next: none
        ]
        let v = Fixture.compute(leads, acts)
        #expect(v["recontact_interval_days_avg"] == .ratio(2.5, 3))
        #expect(v["recontact_interval_days_median"] == KPIValue(numerator: nil, denominator: 3, value: 1))
        let byRep = Fixture.compute(leads, acts, by: .rep)
        #expect(byRep["recontact_interval_days_avg|R1"] == .ratio(1.5, 2))
        #expect(byRep["recontact_interval_days_avg|R2"] == .ratio(1, 1))
    }
}
