import Foundation
import MierukaCore
import MierukaDemo
import Testing

@Suite("Demo generator: timestamps stay in the window, in business hours and in causal order")
struct DemoTimeTests {
    let run = Fixture.run
    let clock = Fixture.clock
    let window = Fixture.eventWindow
    /// Plans (meetings, follow-ups, expected closes) may reach the end month's last day.
    let planEnd = OrgClock(timeZone: Fixture.tokyo).startOfDay(Fixture.options.lastDay.adding(days: 1))

    func isBusinessMoment(_ d: Date) -> Bool {
        let second = clock.secondOfDay(of: d)
        return clock.localDate(of: d).isoWeekday <= 5 && second >= 9 * 3600 && second < 18 * 3600
    }

    @Test("every event lies between the first month's start and the end of today")
    func eventsInWindow() {
        for l in run.leads {
            #expect(window.contains(l.createdAt))
            for d in [l.assignedAt, l.mqlAt, l.sqlAt].compactMap({ $0 }) { #expect(window.contains(d), "\(l.id)") }
            if let f = l.nextFollowUpOn { #expect(f <= Fixture.options.lastDay) }
        }
        for a in run.activities { #expect(window.contains(a.occurredAt), "\(a.id)") }
        for o in run.opportunities {
            for d in [o.createdAt, o.handedOffAt, o.closedAt].compactMap({ $0 }) { #expect(window.contains(d), "\(o.id)") }
            if let m = o.meetingAt { #expect(m >= window.start && m < planEnd) }
            if let e = o.expectedCloseOn { #expect(e <= Fixture.options.lastDay) }
        }
        let months = Set(run.customers.map(\.month))
        #expect(months.min() == Fixture.options.startMonth.adding(months: -1))
        #expect(months.max() == Fixture.options.endMonth)
        #expect(Set(run.costs.map(\.month)).count == 6)
        #expect(Set(run.targets.map(\.periodStart)).count == 6)
    }

    @Test("leads arrive and outbound activities happen on weekdays between 9:00 and 18:00 JST")
    func businessHours() {
        for l in run.leads { #expect(isBusinessMoment(l.createdAt), "\(l.id) created outside business hours") }
        for a in run.activities where a.isOutbound {
            #expect(isBusinessMoment(a.occurredAt), "\(a.id) at \(CanonicalRow().datetime(a.occurredAt))")
        }
        // No work on national holidays either (2026-01-12 成人の日, 2026-02-11, 2026-03-20).
        let holidays: Set<LocalDate> = [
            LocalDate(year: 2026, month: 1, day: 12), LocalDate(year: 2026, month: 2, day: 11), LocalDate(year: 2026, month: 3, day: 20),
        ]
        #expect(!run.activities.contains { holidays.contains(clock.localDate(of: $0.occurredAt)) })
    }

    @Test("leads in creation order; activities in time order after their lead's creation")
    func causalOrder() {
        let leads = Dictionary(uniqueKeysWithValues: run.leads.map { ($0.id, $0) })
        #expect(zip(run.leads, run.leads.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
        var previous: Activity?
        for a in run.activities {
            let lead = leads[a.leadId]!
            #expect(a.occurredAt >= lead.createdAt, "\(a.id) before \(lead.id) was created")
            if let p = previous, p.leadId == a.leadId { #expect(p.occurredAt < a.occurredAt, "\(p.id) / \(a.id) out of order") }
            if a.isOutbound, let assigned = lead.assignedAt { #expect(a.occurredAt > assigned) }
            previous = a
        }
        for l in run.leads {
            if let at = l.assignedAt { #expect(at >= l.createdAt) }
            if let mql = l.mqlAt { #expect(mql >= l.createdAt) }
            if let sql = l.sqlAt { #expect(l.mqlAt.map { $0 <= sql } == true, "\(l.id): SQL without an earlier MQL") }
        }
    }

    @Test("an opportunity follows the lead's first connected conversation; meeting, hand-off and close follow it")
    func opportunityTimeline() {
        var firstConnect: [String: Date] = [:]
        for a in run.activities where a.type == .call && a.connected == true && firstConnect[a.leadId] == nil {
            firstConnect[a.leadId] = a.occurredAt
        }
        let leads = Dictionary(uniqueKeysWithValues: run.leads.map { ($0.id, $0) })
        for o in run.opportunities {
            let lead = o.leadId!
            #expect(firstConnect[lead].map { $0 < o.createdAt } == true, "\(o.id) without an earlier connected call")
            #expect(leads[lead]?.status == .converted)
            if let h = o.handedOffAt { #expect(h > o.createdAt) }
            if let m = o.meetingAt { #expect(m > o.createdAt) }
            if let c = o.closedAt {
                #expect(c > o.createdAt)
                #expect(o.meetingAt.map { $0 < c } == true)
                #expect(o.stage == .won || o.stage == .lost)
            } else {
                #expect(o.stage != .won && o.stage != .lost)
            }
            #expect((o.stage == .lost) == (o.lostReason != nil))
            #expect(o.isReactivation == (leads[lead]?.channel == "dormant"))
        }
    }
}
