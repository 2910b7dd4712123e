import MierukaCore
import Testing

@Suite("KGI planner: working back from the goal to calls per rep per day")
struct KGIPlannerTests {
    static let june = YearMonth(year: 2026, month: 6)
    static let reps = [
        Rep(id: "R1", name: "A", team: "T", role: .sdr, startedOn: LocalDate("2025-04-01")),
        Rep(id: "R2", name: "B", team: "T", role: .bdr, startedOn: nil),
        Rep(id: "R3", name: "C", team: "T", role: .isr, startedOn: LocalDate("2026-01-05")),
        Rep(id: "R4", name: "D", team: "T", role: .sdr, startedOn: LocalDate("2026-06-01")),  // first month: 70 %
        Rep(id: "M1", name: "Mgr", team: "T", role: .manager),  // does not call
        Rep(id: "R5", name: "E", team: "T", role: .sdr, startedOn: LocalDate("2026-07-01")),  // not yet started
    ]

    @Test("the seed's worked example: 20 meetings at a 50 % appointment→meeting rate need 40 appointments")
    func seedExample() {
        let plan = KGIPlanner().plan(kgi: .wins(10), month: Self.june, scope: "org", businessDays: 22, reps: [], history: [:], historyMonths: 3,
                                     manualRates: ["win_rate": 0.5])
        let steps = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.kpi, $0) })
        #expect(steps["meetings"]?.monthly == 20)
        #expect(steps["meetings"]?.rate?.source == .manual)
        #expect(steps["appointments"]?.monthly == 40)
        #expect(steps["appointments"]?.rate?.source == .benchmark)
        #expect(steps["appointments"]?.rate?.value == 0.5)
    }

    @Test("revenue to calls: history where it has enough cases, the benchmark's middle elsewhere, each step rounded up")
    func revenueChain() {
        let history: [String: KPIValue] = [
            "avg_deal_size": .ratio(8_000_000, 8),  // ¥1,000,000 over 8 deals: enough (≥ 5)
            "win_rate": .ratio(10, 40),  // 25 % over 40 decided: enough (≥ 10)
            "meeting_rate": .ratio(6, 10),  // 10 appointments: too few (< 20) → benchmark 50 %
            "connect_rate": .ratio(300, 1000),  // 30 % over 1,000 calls
        ]
        let plan = KGIPlanner().plan(kgi: .revenue(50_000_000), month: Self.june, scope: "T", businessDays: 22, reps: Self.reps,
                                     history: history, historyMonths: 3)
        let monthly = plan.steps.map(\.monthly)
        // 50M ÷ 1M = 50 wins; ÷ 0.25 = 200 meetings; ÷ 0.5 = 400 appointments; ÷ 0.2 (15–25 %) = 2,000 valid conversations;
        // ÷ 0.6 (50–70 %) = 3,333.3 → 3,334 connects; ÷ 0.3 = 11,113.3 → 11,114 calls.
        #expect(plan.steps.map(\.kpi) == ["won_amount", "wins", "meetings", "appointments", "valid_conversations", "connects", "calls"])
        #expect(monthly == [50_000_000, 50, 200, 400, 2_000, 3_334, 11_114])
        #expect(plan.steps[1].rate?.source == .history && plan.steps[1].rate?.sample == 8)
        #expect(plan.steps[3].rate?.source == .benchmark)
        #expect(plan.steps[3].rate?.note?.contains("fewer than 20") == true)
        #expect(plan.steps[6].rate?.source == .history && plan.steps[6].rate?.value == 0.3)
        // Head count: R1, R2, R3 full, R4 in their first month at 70 %; the manager and R5 (July) do not count.
        #expect(abs(plan.headCount - 3.7) < 1e-9)
        #expect(plan.reps.map(\.repId) == ["R1", "R2", "R3", "R4"])
        let calls = plan.steps[6]
        #expect(abs(calls.perBusinessDay! - 11_114.0 / 22) < 1e-9)
        #expect(abs(calls.perRepPerDay! - 11_114.0 / 22 / 3.7) < 1e-9)
        // Per rep: 11,114 × 1 / 3.7 = 3,003.8 → 3,004; R4: × 0.7 / 3.7 = 2,102.6 → 2,103.
        #expect(plan.reps[0].monthly["calls"] == 3_004)
        #expect(plan.reps[3].monthly["calls"] == 2_103)
        #expect(plan.missingRate == nil)
    }

    @Test("benchmarks only, when asked: history is ignored")
    func benchmarkOnly() {
        let plan = KGIPlanner().plan(kgi: .appointments(30), month: Self.june, scope: "org", businessDays: 20, reps: [], history: ["appointment_rate": .ratio(50, 100)],
                                     historyMonths: 3, useHistory: false)
        #expect(plan.steps.map(\.monthly) == [30, 150, 250, 1_000])  // ÷ 0.2, ÷ 0.6 (250.000…03 in floating point, still 250), ÷ 0.25
        #expect(plan.steps.dropFirst().allSatisfy { $0.rate?.source == .benchmark })
        #expect(plan.steps[0].perRepPerDay == nil)  // no reps: no per-rep figure
    }

    @Test("a rate nobody knows stops the chain and says which; the lead chain from SQLs")
    func missingAndLeads() {
        let stopped = KGIPlanner().plan(kgi: .revenue(10_000_000), month: Self.june, scope: "org", businessDays: 22, reps: [], history: [:], historyMonths: 3)
        #expect(stopped.missingRate == "avg_deal_size")
        #expect(stopped.steps.count == 1)
        let leads = KGIPlanner().plan(kgi: .sqls(30), month: Self.june, scope: "org", businessDays: 22, reps: [], history: [:], historyMonths: 3,
                                      manualRates: ["mql_to_sql_rate": 0.3])
        #expect(leads.steps.map(\.kpi) == ["sqls", "mqls", "new_leads"])
        #expect(leads.steps.map(\.monthly) == [30, 100, 500])  // ÷ 0.3, ÷ 0.2 (10–30 %)
    }

    @Test("KGI text")
    func parse() {
        #expect(KGI("revenue=50,000,000") == .revenue(50_000_000))
        #expect(KGI("wins=12") == .wins(12))
        #expect(KGI("calls=3") == nil)
        #expect(KGI("wins=-1") == nil)
        #expect(KGI("wins") == nil)
    }
}
