import Foundation
import MierukaCore
import Testing

@Suite("Alert rules on hand-made facts")
struct AlertRulesTests {
    static let settings = OrganisationSettings()
    static let clock = settings.clock
    /// Tue 2026-06-16 13:00 JST.
    static let now = clock.instant(LocalDate("2026-06-16")!, hour: 13, minute: 0, second: 0)

    static func lead(_ id: String, _ channel: String, minutesAgo: Double, rep: String? = "R1", status: LeadStatus = .new, followUp: String? = nil) -> Lead {
        var l = Lead(id: id, channel: channel, createdAt: now.addingTimeInterval(-minutesAgo * 60), status: status)
        l.assignedTo = rep
        l.nextFollowUpOn = followUp.flatMap { LocalDate($0) }
        return l
    }

    static func call(_ id: String, lead: String, rep: String, at: Date) -> Activity {
        Activity(id: id, leadId: lead, repId: rep, type: .call, direction: .outbound, occurredAt: at, durationSeconds: nil)
    }

    @Test("behind pace: under 90 % of the line warns, under 80 % is critical; lower-is-better KPIs are left out")
    func pace() {
        let lines = [ForecastLine(kpi: "calls", group: "T", actual: 89, landing: nil, target: 200, pace: 0.89),
                     ForecastLine(kpi: "connects", group: "T", actual: 90, landing: nil, target: 200, pace: 0.90),
                     ForecastLine(kpi: "appointments", group: "T", actual: 7, landing: nil, target: 20, pace: 0.7),
                     ForecastLine(kpi: "cac", group: "T", actual: 9, landing: nil, target: 20, pace: 0.5)]
        let alerts = AlertRules().behindPace(lines, scope: .team, group: "T")
        #expect(alerts.map(\.kpi) == ["calls", "appointments"])
        #expect(alerts.map(\.severity) == [.warning, .critical])
    }

    @Test("SLA: inbound leads older than the SLA without contact, per rep; contacted, outbound-list, disqualified and old ones are not")
    func sla() {
        let leads = [Self.lead("L1", "web_inquiry", minutesAgo: 61), Self.lead("L2", "web_inquiry", minutesAgo: 59),
                     Self.lead("L3", "document_request", minutesAgo: 120), Self.lead("L4", "outbound_list", minutesAgo: 500),
                     Self.lead("L5", "seminar", minutesAgo: 300, status: .disqualified), Self.lead("L6", "seminar", minutesAgo: 40 * 1440),
                     Self.lead("L7", "seminar", minutesAgo: 90, rep: nil)]
        let alerts = AlertRules().slaBreaches(leads: leads, firstOutbound: ["L3": Self.now], now: Self.now, settings: Self.settings)
        #expect(alerts.count == 2)
        #expect(alerts.first { $0.group == "R1" }?.leadIds == ["L1"])
        #expect(alerts.first { $0.group == nil }?.leadIds == ["L7"])
        #expect(alerts.first { $0.group == nil }?.scope == .org)
    }

    @Test("follow-ups: due before today and not called on or after the due day")
    func followUps() {
        let leads = [Self.lead("L1", "seminar", minutesAgo: 1e5, followUp: "2026-06-10"), Self.lead("L2", "seminar", minutesAgo: 1e5, followUp: "2026-06-10"),
                     Self.lead("L3", "seminar", minutesAgo: 1e5, followUp: "2026-06-16"), Self.lead("L4", "seminar", minutesAgo: 1e5, followUp: "2025-01-01")]
        let calls = [Self.call("A1", lead: "L2", rep: "R1", at: Self.clock.instant(LocalDate("2026-06-10")!, hour: 10, minute: 0, second: 0)),
                     Self.call("A2", lead: "L1", rep: "R1", at: Self.clock.instant(LocalDate("2026-06-09")!, hour: 10, minute: 0, second: 0))]
        let alerts = AlertRules().followUpsOverdue(leads: leads, outbound: calls, today: LocalDate("2026-06-16")!, clock: Self.clock)
        #expect(alerts.count == 1 && alerts[0].leadIds == ["L1"])  // L2 called on the day, L3 due today, L4 too old
    }

    @Test("idle reps: after noon on a business day, inside-sales reps with nothing today")
    func idle() {
        let reps = [Rep(id: "R1", name: "a", role: .sdr), Rep(id: "R2", name: "b", role: .bdr), Rep(id: "M", name: "m", role: .manager),
                    Rep(id: "R3", name: "c", role: .sdr, startedOn: LocalDate("2026-07-01"))]
        let today = [Self.call("A1", lead: "L1", rep: "R1", at: Self.now.addingTimeInterval(-3600))]
        #expect(AlertRules().idleReps(reps: reps, todaysActivities: today, now: Self.now, settings: Self.settings).map(\.group) == ["R2"])
        let morning = Self.now.addingTimeInterval(-2 * 3600)  // 11:00
        #expect(AlertRules().idleReps(reps: reps, todaysActivities: today, now: morning, settings: Self.settings).isEmpty)
        let sunday = Self.clock.instant(LocalDate("2026-06-14")!, hour: 15, minute: 0, second: 0)
        #expect(AlertRules().idleReps(reps: reps, todaysActivities: [], now: sunday, settings: Self.settings).isEmpty)
    }

    @Test("valid opportunity rate under 50 %")
    func validRate() {
        #expect(AlertRules().lowValidOpportunityRate(.ratio(4, 10), scope: .team, group: "T")?.severity == .warning)
        #expect(AlertRules().lowValidOpportunityRate(.ratio(2, 10), scope: .team, group: "T")?.severity == .critical)
        #expect(AlertRules().lowValidOpportunityRate(.ratio(5, 10), scope: .team, group: "T") == nil)
        #expect(AlertRules().lowValidOpportunityRate(.ratio(0, 0), scope: .team, group: "T") == nil)
    }
}
