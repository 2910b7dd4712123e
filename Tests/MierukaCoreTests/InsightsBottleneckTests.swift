import Foundation
import MierukaCore
import Testing

@Suite("Insights: the funnel's bottleneck and the seeds' advice, hand-computed")
struct InsightsBottleneckTests {
    /// Connects fine (25 % in 20–30), conversations fine (60 % in 50–70), appointments low (15 ÷ 150 = 10 % against 15 %),
    /// meetings 10 ÷ 15 = 66.7 % (≥ 50), wins 3 ÷ 10 = 30 % (≥ 25): seed 002's own example.
    static let talkScriptCase: [String: Double] = [
        "calls": 1000, "connects": 250, "valid_conversations": 150, "appointments": 15, "meetings": 10, "wins": 3,
    ]

    @Test("connect rate fine but appointment rate low → the talk script (002), shortfall (15 % − 10 %) ÷ 15 %")
    func talkScript() throws {
        let funnel = FunnelDiagnosis(counts: Self.talkScriptCase)
        #expect(funnel.steps.map(\.step) == FunnelStep.allCases)
        let rates: [Double?] = [0.25, 0.6, 0.1, 10.0 / 15, 0.3]
        #expect(funnel.steps.map(\.rate) == rates)
        // meeting_rate and win_rate have a floor only (≥ 50 %, ≥ 25 %): above it is within.
        #expect(funnel.steps.map(\.judgement) == [.within, .within, .below, .within, .within])
        let b = try #require(funnel.bottleneck)
        #expect(b.step == .appointment)
        #expect(b.numerator == 15 && b.denominator == 150)
        #expect(b.standard == .init(source: .benchmark, value: 0.15))
        #expect(abs(b.shortfall! - (0.15 - 0.1) / 0.15) < 1e-12)
        #expect(funnel.steps.filter(\.isBottleneck).count == 1)

        let advice = FunnelAdvice.of(b.step)
        #expect(advice.action(.ja) == "トークスクリプトとヒアリング項目の見直しを")
        #expect(advice.quotes.contains { $0.seed == "002" && $0.ja.contains("コネクト率は高いのにアポイント獲得率が低い場合") })
        #expect(advice.quotes[0].text(.ja).hasPrefix("「コネクト率は高いのに"))
        #expect(advice.quotes[0].text(.en).hasSuffix("(seed 002, translated)"))
    }

    @Test("a target for a rate replaces its benchmark band: above the target is no shortfall, below it may be the bottleneck")
    func targetWins() throws {
        // Appointment rate 10 % meets a target of 8 %, so nothing is below: no bottleneck though the band says below.
        let met = FunnelDiagnosis(counts: Self.talkScriptCase, targets: ["appointment_rate": 0.08])
        #expect(met.bottleneck == nil)
        #expect(met.steps[2].standard == .init(source: .target, value: 0.08))
        #expect(met.steps[2].judgement == .below)  // against the band, for display
        // A connect-rate target of 40 %: (0.40 − 0.25) ÷ 0.40 = 0.375 beats the appointment step's 0.333.
        let missed = FunnelDiagnosis(counts: Self.talkScriptCase, targets: ["connect_rate": 0.4])
        let b = try #require(missed.bottleneck)
        #expect(b.step == .connect)
        #expect(b.target == 0.4 && b.standard?.source == .target)
        #expect(abs(b.shortfall! - 0.375) < 1e-12)
        #expect(FunnelAdvice.of(b.step).action(.ja) == "リストの質と架電時間帯の見直しを")
        // A target of 0 means nothing: the band judges.
        #expect(FunnelDiagnosis(counts: Self.talkScriptCase, targets: ["appointment_rate": 0]).bottleneck?.step == .appointment)
    }

    @Test("on a tie the earlier step is the bottleneck, since fixing it feeds every later one")
    func tie() throws {
        // Connects 25 ÷ 100 against a target of 50 %: (0.5 − 0.25) ÷ 0.5 = 0.5. Meetings 1 ÷ 4 against the band's 50 %: 0.5.
        let counts: [String: Double] = ["calls": 100, "connects": 25, "valid_conversations": 15, "appointments": 4, "meetings": 1, "wins": 1]
        let funnel = FunnelDiagnosis(counts: counts, targets: ["connect_rate": 0.5])
        #expect(funnel.steps[0].shortfall == 0.5 && funnel.steps[3].shortfall == 0.5)
        #expect(try #require(funnel.bottleneck).step == .connect)
    }

    @Test("undefined rates (a zero or missing stage) are never the bottleneck")
    func undefined() {
        let funnel = FunnelDiagnosis(counts: ["calls": 0, "connects": 0])
        #expect(funnel.steps.allSatisfy { $0.rate == nil && $0.shortfall == nil })
        #expect(funnel.bottleneck == nil)
        #expect(FunnelDiagnosis.shortfall(rate: 0.1, standard: nil) == nil)
        #expect(FunnelDiagnosis.shortfall(rate: 0.2, standard: 0.2) == nil)  // at the standard is not below it
    }

    @Test("every step has advice in both languages with a quoted seed")
    func adviceForEveryStep() {
        for step in FunnelStep.allCases {
            let advice = FunnelAdvice.of(step)
            #expect(advice.step == step)
            #expect(!advice.action(.ja).isEmpty && !advice.action(.en).isEmpty && !advice.detail(.ja).isEmpty && !advice.detail(.en).isEmpty)
            #expect(!advice.quotes.isEmpty)
        }
        #expect(FunnelAdvice.of(.connect).detail(.ja).contains("受付突破"))
        #expect(FunnelAdvice.of(.meeting).action(.ja).contains("リマインド") && FunnelAdvice.of(.meeting).action(.ja).contains("日程調整"))
        #expect(FunnelAdvice.of(.win).action(.ja).contains("BANT") && FunnelAdvice.of(.win).action(.ja).contains("有効商談"))
    }

    /// The seed articles, when this checkout sits next to them (shared/seeds).
    static let seedDirectory: URL? = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("shared/seeds")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        return nil
    }()

    @Test("each quote is the seed's own words (list items and table cells joined with \" / \")", .enabled(if: seedDirectory != nil))
    func quotesAreVerbatim() throws {
        let directory = try #require(Self.seedDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for step in FunnelStep.allCases {
            for quote in FunnelAdvice.of(step).quotes {
                let name = try #require(files.first { $0.hasPrefix(quote.seed + "_") }, "no seed \(quote.seed)")
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for part in quote.ja.components(separatedBy: " / ") {
                    #expect(text.contains(part), "seed \(quote.seed) does not say: \(part)")
                }
            }
        }
    }
}

@Suite("Insights: the funnel's steps are the planner's chain")
struct InsightsFunnelChainTests {
    @Test("calls → … → wins with the same rate KPIs as KGIPlanner.salesChain, read upwards")
    func sameChain() {
        let planner = KGIPlanner.salesChain.filter { $0.rate != "avg_deal_size" }.reversed().map { [$0.to, $0.rate, $0.from] }
        #expect(FunnelStep.allCases.map { [$0.fromKPI, $0.rateKPI, $0.toKPI] } == Array(planner))
    }
}
