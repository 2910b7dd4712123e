import Foundation
import MierukaCore
import Testing

@testable import MierukaDemo

@Suite("Demo generator: determinism, streaming order, ids and references")
struct DemoGeneratorTests {
    @Test("the same options give identical records; another seed gives others")
    func determinism() {
        let options = DemoOptions(seed: 99, reps: 8, leads: 400, months: 3, endMonth: YearMonth(year: 2025, month: 12))
        let a = DemoRecords.generate(options)
        let b = DemoRecords.generate(options)
        #expect(a.reps == b.reps)
        #expect(a.leads == b.leads)
        #expect(a.activities == b.activities)
        #expect(a.opportunities == b.opportunities)
        #expect(a.customers == b.customers)
        #expect(a.costs == b.costs)
        #expect(a.targets == b.targets)

        var other = options
        other.seed = 100
        let c = DemoRecords.generate(other)
        #expect(c.leads != a.leads)
        #expect(c.activities != a.activities)
        #expect(c.leads.count == a.leads.count)
    }

    @Test("endMonth defaults to today's month; events stop at today, plans at the end month's last day")
    func options() {
        let o = DemoOptions(leads: 10, today: LocalDate(year: 2026, month: 4, day: 15))
        #expect(o.endMonth == YearMonth(year: 2026, month: 4))
        #expect(o.startMonth == YearMonth(year: 2025, month: 11))
        #expect(o.dataThrough == LocalDate(year: 2026, month: 4, day: 15))
        #expect(o.lastDay == LocalDate(year: 2026, month: 4, day: 30))
        let past = DemoOptions(endMonth: YearMonth(year: 2026, month: 2), today: LocalDate(year: 2026, month: 4, day: 15))
        #expect(past.dataThrough == LocalDate(year: 2026, month: 2, day: 28))
        #expect(DemoOptions(endMonth: YearMonth(year: 2026, month: 2)).today == nil)
        let estimate = DemoGenerator(options: DemoOptions(leads: 1_000_000, endMonth: YearMonth(year: 2026, month: 3))).estimatedActivities
        #expect(estimate > 9_500_000 && estimate < 10_500_000, "a million leads over six months ≈ ten million activities, got \(estimate)")
    }

    @Test("stream order: reps, then each lead followed by its activities and opportunity, then customers, costs, targets")
    func streamOrder() throws {
        let run = Fixture.run
        var phase = 0  // 0 reps, 1 leads, 2 customers, 3 costs, 4 targets
        var currentLead: String?
        var opportunityDone = false
        for event in run.events {
            switch event {
            case .rep:
                #expect(phase == 0, "a rep after the leads began")
            case .lead(let id):
                #expect(phase <= 1)
                phase = 1
                currentLead = id
                opportunityDone = false
            case .activity(let lead):
                #expect(phase == 1 && lead == currentLead && !opportunityDone, "activity of \(lead) outside its lead's block")
            case .opportunity(let lead):
                #expect(phase == 1 && lead == currentLead && !opportunityDone)
                opportunityDone = true
            case .customer:
                #expect(phase <= 2)
                phase = 2
            case .cost:
                #expect(phase <= 3)
                phase = 3
            case .target:
                phase = 4
            }
        }
        #expect(phase == 4)
        #expect(run.leads.count == 3_000)
        #expect(!run.customers.isEmpty && !run.costs.isEmpty && !run.targets.isEmpty)
    }

    @Test("ids are unique and follow their patterns")
    func uniqueIDs() {
        let run = Fixture.run
        #expect(Set(run.reps.map(\.id)).count == run.reps.count)
        #expect(Set(run.leads.map(\.id)).count == run.leads.count)
        #expect(Set(run.activities.map(\.id)).count == run.activities.count)
        #expect(Set(run.opportunities.map(\.id)).count == run.opportunities.count)
        #expect(Set(run.customers.map { "\($0.customerId)|\($0.month)" }).count == run.customers.count)
        #expect(Set(run.targets.map(\.key)).count == run.targets.count)
        #expect(run.reps.first?.id == "R001")
        #expect(run.leads.first?.id == "L0000001" && run.leads.last?.id == "L0003000")
        #expect(run.activities.first?.id == "A000000001")
        #expect(run.opportunities.first?.id == "O0000001")
        #expect(run.customers.first?.customerId == "C0000001")
        #expect(run.reps.allSatisfy { $0.id.count == 4 } && run.activities.allSatisfy { $0.id.count == 10 })
        #expect(demoID(UInt8(ascii: "A"), 1_234_567_890, width: 9) == "A1234567890")
    }

    @Test("every reference points at a generated record of the right kind")
    func referentialIntegrity() {
        let run = Fixture.run
        let reps = Dictionary(uniqueKeysWithValues: run.reps.map { ($0.id, $0) })
        let leads = Dictionary(uniqueKeysWithValues: run.leads.map { ($0.id, $0) })
        let insideSales: Set<RepRole> = [.sdr, .bdr, .isr]
        for lead in run.leads {
            if let rep = lead.assignedTo { #expect(reps[rep].map { insideSales.contains($0.role) } == true) }
        }
        for a in run.activities {
            #expect(leads[a.leadId] != nil, "activity \(a.id) has unknown lead \(a.leadId)")
            #expect(reps[a.repId] != nil, "activity \(a.id) has unknown rep \(a.repId)")
            if let rep = reps[a.repId], let started = rep.startedOn {
                #expect(Fixture.clock.localDate(of: a.occurredAt) >= started, "\(a.id) before \(rep.id) started")
            }
        }
        for o in run.opportunities {
            #expect(o.leadId.flatMap { leads[$0] } != nil)
            #expect(reps[o.createdBy] != nil)
            if let owner = o.owner { #expect(reps[owner]?.role == .fs) }
        }
        #expect(run.opportunities.allSatisfy { $0.owner != nil })
        let teams = Set(run.reps.compactMap(\.team))
        for t in run.targets {
            switch t.scope {
            case .org: #expect(t.scopeId == nil)
            case .team: #expect(t.scopeId.map(teams.contains) == true)
            case .rep: #expect(t.scopeId.flatMap { reps[$0] }.map { insideSales.contains($0.role) } == true)
            }
        }
    }

    @Test("the roster has a manager, SDRs, BDRs, an ISR, field sales and two recent joiners", arguments: [1, 2, 5, 12, 40])
    func roster(size: Int) {
        var rng = DemoRandom(seed: 1)
        let roster = DemoRoster(
            count: size, startMonth: YearMonth(year: 2025, month: 11), endMonth: YearMonth(year: 2026, month: 4), rng: &rng)
        let roles = roster.members.map(\.role)
        #expect(roles.count == size)
        #expect(!roster.insideSales.isEmpty)
        #expect(Set(roster.members.map(\.rep.name)).count == size)
        if size >= 2 { #expect(roles.contains(.fs)) }
        if size == 12 {
            #expect(roles.filter { $0 == .manager }.count == 1)
            #expect(roles.filter { $0 == .sdr }.count == 4 && roles.filter { $0 == .bdr }.count == 4)
            #expect(roles.filter { $0 == .isr }.count == 1 && roles.filter { $0 == .fs }.count == 2)
            let recent = roster.members.filter { $0.rep.startedOn! >= LocalDate(year: 2025, month: 11, day: 1) }
            #expect(recent.count == 2)
            #expect(Set(roster.members.compactMap(\.rep.team)) == [DemoRoster.team1, DemoRoster.team2, DemoRoster.fieldTeam])
        }
    }

    @Test("streams a larger run with a counting sink; the activity estimate holds for short and long windows", arguments: [2, 6, 12])
    func largeRunCounts(months: Int) throws {
        let options = DemoOptions(seed: 3, leads: 10_000, months: months, today: LocalDate(year: 2026, month: 3, day: 18))
        let generator = DemoGenerator(options: options)
        var sink = DemoCountingSink()
        try generator.generate(into: &sink)
        #expect(sink.leads == 10_000)
        let ratio = Double(sink.activities) / Double(generator.estimatedActivities)
        #expect(ratio > 0.9 && ratio < 1.1, "activities \(sink.activities) vs estimate \(generator.estimatedActivities)")
    }

    @Test("Japanese holidays of 2026, with the substitute and sandwiched days")
    func holidays() {
        let closed = JapaneseHolidays.closedDays(year: 2026)
        let expected = [
            (1, 1), (1, 2), (1, 12), (2, 11), (2, 23), (3, 20), (4, 29), (5, 3), (5, 4), (5, 5), (5, 6), (7, 20), (8, 11),
            (9, 21), (9, 22), (9, 23), (10, 12), (11, 3), (11, 23), (12, 29), (12, 31),
        ]
        for (m, d) in expected {
            #expect(closed.contains(LocalDate(year: 2026, month: m, day: d).dayNumber), "2026-\(m)-\(d) should be closed")
        }
        #expect(!closed.contains(LocalDate(year: 2026, month: 5, day: 7).dayNumber))
        #expect(!closed.contains(LocalDate(year: 2026, month: 3, day: 19).dayNumber))
    }
}
