import MierukaCore
import Testing

@testable import MierukaViews

@Suite("Dashboard funnel: the core's one bottleneck rule and advice")
struct FunnelRuleTests {
    @Test("the dashboard's bottleneck and advice are the core's diagnosis of the same counts")
    func sameAsCore() throws {
        let funnel = DashboardModel(DashboardFixture.input()).funnel
        let counts: [String: Double] = ["calls": 1234, "connects": 312, "valid_conversations": 158, "appointments": 22, "meetings": 17, "wins": 4]
        let core = FunnelDiagnosis(counts: counts)
        #expect(funnel.steps.map(\.shortfall) == core.steps.map(\.shortfall))
        #expect(funnel.bottleneck?.benchmarkKPI == core.bottleneck?.step.rateKPI)
        #expect(funnel.bottleneck?.advice == FunnelAdvice.of(try #require(core.bottleneck).step).action(.ja))
    }

    @Test("a rate target of the scope replaces the band: 25.3 % connects against a 40 % target is now the bottleneck")
    func targetMovesTheBottleneck() throws {
        var input = DashboardFixture.input()
        input.targets["connect_rate"] = 0.4
        let funnel = DashboardModel(input).funnel
        // (0.40 − 312/1234) ÷ 0.40 = 36.8 %, beyond appointments' 7.2 % below 15 %.
        let b = try #require(funnel.bottleneck)
        #expect(b.benchmarkKPI == "connect_rate")
        #expect(abs(b.shortfall! - (0.4 - 312.0 / 1234) / 0.4) < 1e-12)
        #expect(b.advice == "リストの質と架電時間帯の見直しを")
    }
}
