import Foundation
import MierukaCore
import Testing

@Suite("Insights: the re-approach list (3 months after the last touch), hand-computed")
struct InsightsReapproachTests {
    static let asOf = Fixture.d("2026-06-15")

    static func lead(_ id: String, _ status: LeadStatus, _ reason: String? = nil, created: String = "2025-12-01 10:00", rep: String? = "R1") -> Lead {
        Lead(id: id, company: "会社\(id)", channel: "document_request", createdAt: Fixture.t(created), assignedTo: rep, status: status,
             lostReason: reason)
    }

    static func deal(
        _ id: String, _ lead: String, _ stage: OpportunityStage, closed: String?, _ reason: String? = nil, created: String = "2025-12-10 10:00"
    ) -> Opportunity {
        Opportunity(id: id, leadId: lead, createdBy: "R2", createdAt: Fixture.t(created), stage: stage, closedAt: closed.map(Fixture.t),
                    lostReason: reason)
    }

    static let leads = [
        lead("L1", .converted), lead("L2", .converted), lead("L3", .converted), lead("L4", .disqualified, "予算なし", rep: "R3"),
        lead("L5", .disqualified, "ニーズなし"), lead("L6", .dormant, "連絡不通"), lead("L7", .dormant, created: "2026-03-01 09:00"),
        lead("L8", .dormant), lead("L9", .converted), lead("L10", .converted), lead("L11", .converted), lead("L12", .nurturing, "時期尚早"),
        lead("L13", .disqualified, "タイミング", created: "2026-06-20 10:00"),
    ]

    static let deals = [
        // Lost exactly three months before the list's day: due that very day.
        deal("O1", "L1", .lost, closed: "2026-03-15 10:00", "タイミング"),
        // Lost one day later: due tomorrow.
        deal("O2", "L2", .lost, closed: "2026-03-16 10:00", "予算確保できず"),
        // Lost to a competitor: waiting does not help.
        deal("O3", "L3", .lost, closed: "2026-02-01 10:00", "競合"),
        // Lost for timing, but a newer deal is open: sales' to follow.
        deal("O9a", "L9", .lost, closed: "2026-01-10 10:00", "タイミング"), deal("O9b", "L9", .meeting, closed: nil, created: "2026-05-01 10:00"),
        // Lost for timing, then called again in April: due three months after that call.
        deal("O10", "L10", .lost, closed: "2026-01-10 10:00", "時期尚早"),
        // Lost after the list's day: still open on it.
        deal("O11", "L11", .lost, closed: "2026-06-20 10:00", "タイミング"),
    ]

    static let lastOutbound: [String: Date] = [
        "L1": Fixture.t("2026-03-10 10:00"), "L2": Fixture.t("2026-03-10 10:00"), "L3": Fixture.t("2026-01-20 10:00"),
        "L4": Fixture.t("2026-01-20 10:00"), "L5": Fixture.t("2026-01-20 10:00"), "L6": Fixture.t("2026-02-28 18:00"),
        "L8": Fixture.t("2026-04-01 10:00"), "L10": Fixture.t("2026-04-10 10:00"), "L12": Fixture.t("2026-01-05 10:00"),
    ]

    static func list(asOf: LocalDate = InsightsReapproachTests.asOf, reps: Set<String>? = nil) -> ReapproachList {
        ReapproachList(leads: leads, opportunities: deals, lastOutbound: lastOutbound, asOf: asOf, clock: Fixture.clock, reps: reps)
    }

    @Test("due on or before the day: lost for timing/budget, disqualified for budget, dormant; most overdue first")
    func list() throws {
        let list = Self.list()
        #expect(list.asOf == Self.asOf)
        #expect(list.entries.map(\.leadId) == ["L4", "L6", "L7", "L1"])
        #expect(list.entries.map(\.dueOn) == ["2026-04-20", "2026-05-28", "2026-06-01", "2026-06-15"].map(Fixture.d))
        #expect(list.entries.map(\.basis) == [.disqualified, .dormant, .dormant, .lostOpportunity])
        #expect(list.entries.map(\.retryReason) == [.budget, nil, nil, .timing])

        let l1 = list.entries[3]
        #expect(l1.reason == "タイミング" && l1.opportunityId == "O1" && l1.repId == "R2")
        #expect(l1.lastContactOn == Fixture.d("2026-03-10") && l1.lostOn == Fixture.d("2026-03-15"))
        // Never contacted: the clock starts at the lead's creation.
        let l7 = list.entries[2]
        #expect(l7.lastContactOn == nil && l7.company == "会社L7" && l7.repId == "R1")
        #expect(list.entries[0].reason == "予算なし" && list.entries[0].repId == "R3")
    }

    @Test("one day short of three months is not yet due; the next day it is")
    func boundary() {
        let before = Self.list(asOf: Fixture.d("2026-06-14"))
        #expect(!before.entries.contains { $0.leadId == "L1" })
        let after = Self.list(asOf: Fixture.d("2026-06-16"))
        #expect(after.entries.contains { $0.leadId == "L2" && $0.retryReason == .budget })
    }

    @Test("a team's list: follow-ups owned by its reps (a lost deal by its creator, a lead by its assignee)")
    func team() {
        let list = Self.list(reps: ["R1", "R2"])
        #expect(list.entries.map(\.leadId) == ["L6", "L7", "L1"])
    }

    @Test("which recorded reasons are worth a retry", arguments: [
        ("タイミング", RetryReason.timing), ("時期尚早", .timing), ("導入時期未定", .timing), ("Bad timing", .timing),
        ("予算確保できず", .budget), ("予算なし", .budget), ("Budget freeze", .budget), ("検討保留", .onHold), ("On hold", .onHold),
    ])
    func retryReasons(reason: String, expected: RetryReason) {
        #expect(RetryReason.classify(reason) == expected)
    }

    @Test("reasons that waiting does not change", arguments: ["競合", "競合導入済み", "ニーズなし", "価格", "連絡不通", "対象外業種", ""])
    func noRetry(reason: String) {
        #expect(RetryReason.classify(reason) == nil)
    }
}
