import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("Insights over the store: last outbound activity per lead, and the service")
struct InsightsServiceTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    static func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        OrgClock(timeZone: tokyo).instant(LocalDate(day)!, hour: hour, minute: minute, second: 0)
    }

    @Test("the last outbound activity per lead before the cut-off: inbound ignored, the cut-off itself excluded")
    func lastOutbound() async throws {
        try await TestFixtures.withFreshStore { store in
            // setup
            let activities = [
                Activity(id: "a1", leadId: "L1", repId: "R1", type: .call, direction: .outbound, occurredAt: Self.at("2026-03-01", 10)),
                Activity(id: "a2", leadId: "L1", repId: "R1", type: .email, direction: .outbound, occurredAt: Self.at("2026-03-20", 9)),
                Activity(id: "a3", leadId: "L1", repId: "R1", type: .call, direction: .inbound, occurredAt: Self.at("2026-03-25", 9)),
                Activity(id: "a4", leadId: "L1", repId: "R1", type: .call, direction: .outbound, occurredAt: Self.at("2026-04-01", 0)),
                Activity(id: "a5", leadId: "L2", repId: "R1", type: .call, direction: .inbound, occurredAt: Self.at("2026-03-02", 10)),
                Activity(id: "a6", leadId: "L3", repId: "R1", type: .call, direction: .outbound, occurredAt: Self.at("2026-05-02", 10)),
            ]
            try await store.transaction {
                try await store.stage(.activities, rows: activities.map { CanonicalRecord.activity($0).cells })
                _ = try await store.mergeStaged(.activities)
            }

            // MUT
            let last = try await store.lastOutboundActivities(before: Self.at("2026-04-01", 0))

            // validate: a4 sits exactly on the cut-off; L2 has only an inbound call; L3's call comes later.
            #expect(last == ["L1": Self.at("2026-03-20", 9)])
            #expect(try await store.lastOutboundActivities(before: Self.at("2026-06-01", 0)) == [
                "L1": Self.at("2026-04-01", 0), "L3": Self.at("2026-05-02", 10),
            ])
        }
    }

    @Test("on the golden data the store's answer is the maximum over the activities read back")
    func golden() async throws {
        let db = try await TestFixtures.importedGoldenStore()
        let cutoff = Self.at("2026-06-01", 0)
        let everything = try await db.facts(for: Period(from: LocalDate("2000-01-01")!, to: LocalDate("2100-01-01")!, timeZone: Self.tokyo))
        var expected: [String: Date] = [:]
        for a in everything.activities where a.isOutbound && a.occurredAt < cutoff {
            expected[a.leadId] = max(expected[a.leadId] ?? a.occurredAt, a.occurredAt)
        }
        let last = try await db.lastOutboundActivities(before: cutoff)
        #expect(last.count > 100)
        #expect(last == expected)
    }

    @Test("the service: a past period's re-approach list is as of its last day; an unknown team is refused with the teams")
    func service() async throws {
        let db = try await TestFixtures.importedGoldenStore()
        let service = InsightsService(store: db)
        let may = try await service.insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: nil, today: LocalDate("2026-09-30")!)
        #expect(may.scope == "org" && may.reapproach.asOf == LocalDate("2026-05-31")!)
        #expect(may.reapproach.entries.allSatisfy { $0.dueOn <= LocalDate("2026-05-31")! })
        #expect(may.funnel.steps[0].denominator == Double(may.bestTimeToCall.calls))
        let early = try await service.insights(
            from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: nil, today: LocalDate("2026-05-10")!)
        #expect(early.reapproach.asOf == LocalDate("2026-05-10")!)
        let team = try await service.insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: "インサイドセールス1課")
        #expect(team.scope == "インサイドセールス1課")
        // By October the golden leads (April–June) have been quiet for three months: dormant leads and deals lost for
        // timing or budget come due.
        let october = try await service.insights(
            from: LocalDate("2026-10-01")!, to: LocalDate("2026-11-01")!, team: nil, today: LocalDate("2027-01-01")!)
        let entries = october.reapproach.entries
        #expect(october.reapproach.asOf == LocalDate("2026-10-31")!)
        #expect(Set(entries.map(\.basis)) == Set(ReapproachList.Basis.allCases))
        #expect(entries.allSatisfy { $0.dueOn <= LocalDate("2026-10-31")! && ($0.basis == .dormant || $0.retryReason != nil) })
        #expect(entries.map(\.dueOn) == entries.map(\.dueOn).sorted())
        await #expect(throws: InsightsError.self) {
            _ = try await service.insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: "営業3課")
        }
    }

    @Test("a rate target of the scope for the period replaces the benchmark in the bottleneck rule")
    func targets() async throws {
        try await TestFixtures.withFreshStore { store in
            let targets = [
                Target(kpi: "connect_rate", scope: .org, period: .month, periodStart: LocalDate("2026-05-01")!, value: 0.3),
                Target(kpi: "connect_rate", scope: .team, scopeId: "IS1", period: .month, periodStart: LocalDate("2026-05-01")!, value: 0.4),
                Target(kpi: "connect_rate", scope: .org, period: .month, periodStart: LocalDate("2026-06-01")!, value: 0.5),
                Target(kpi: "calls", scope: .org, period: .month, periodStart: LocalDate("2026-05-01")!, value: 1000),
            ]
            try await store.transaction {
                try await store.stage(.targets, rows: targets.map { CanonicalRecord.target($0).cells })
                _ = try await store.mergeStaged(.targets)
            }
            let service = InsightsService(store: store)
            #expect(try await service.rateTargets(from: LocalDate("2026-05-01")!, team: nil) == ["connect_rate": 0.3])
            #expect(try await service.rateTargets(from: LocalDate("2026-05-01")!, team: "IS1") == ["connect_rate": 0.4])
        }
    }
}
