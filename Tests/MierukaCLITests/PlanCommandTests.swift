import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("mieruka plan, end to end")
struct PlanCommandTests {
    @Test("plan --format json equals the service's plan; --save writes the month's targets; a bad KGI says what to write")
    func planAndSave() async throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)

        let json = try CLI.run(["plan", "--kgi", "revenue=30,000,000", "--period", "2026-07", "--rate", "avg_deal_size=1000000", "--format", "json"], in: dir)
        let table = try CLI.run(["plan", "--kgi", "revenue=30000000", "--period", "2026-07", "--rate", "avg_deal_size=1000000", "--save"], in: dir)
        let bad = try CLI.run(["plan", "--kgi", "calls=10", "--period", "2026-07"], in: dir)
        let stopped = try CLI.run(["plan", "--kgi", "revenue=30000000", "--period", "2026-07", "--rates", "benchmark"], in: dir)

        #expect(json.status == 0, "\(json.stderr)")
        let plan = try JSONDecoder().decode(KGIPlan.self, from: Data(json.stdout.utf8))
        let store = try await SQLiteStore.open(path: dir.appendingPathComponent("mieruka.sqlite").path)
        let expected = try await PlanService(store: store).plan(kgi: .revenue(30_000_000), month: YearMonth(year: 2026, month: 7), team: nil,
                                                                manualRates: ["avg_deal_size": 1_000_000])
        let saved = try await store.targets().filter { $0.periodStart == LocalDate("2026-07-01")! }
        try await store.close()
        #expect(plan.steps.map(\.monthly) == expected.steps.map(\.monthly))
        #expect(plan.steps[1].monthly == 30)  // ¥30M ÷ ¥1M
        #expect(table.status == 0 && table.stdout.contains("受注数") && table.stdout.contains("手入力") && table.stdout.contains("保存しました"))
        #expect(saved.contains { $0.kpi == "wins" && $0.scope == .org && $0.value == 30 })
        #expect(saved.contains { $0.kpi == "calls" && $0.scope == .rep })
        #expect(bad.status != 0 && bad.stderr.contains("revenue=YEN"))
        // Benchmarks only and no deal size: the plan stops at once and says how to go on.
        #expect(stopped.status == 0 && stopped.stdout.contains("--rate avg_deal_size="))
    }
}
