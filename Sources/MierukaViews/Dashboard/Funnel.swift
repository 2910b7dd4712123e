import MierukaCore

/// 架電 → コネクト → 有効会話 → アポ → 商談 → 受注, each step's rate and the step furthest below its benchmark.
public struct Funnel: Sendable, Hashable {
    /// The stages' count KPIs in order.
    public static let stageKPIs = ["calls", "connects", "valid_conversations", "appointments", "meetings", "wins"]
    /// The KPI whose benchmark band judges each step (stage i → i+1).
    public static let stepBenchmarkKPIs = ["connect_rate", "valid_conversation_rate", "appointment_rate", "meeting_rate", "win_rate"]

    public struct Stage: Sendable, Hashable {
        public let kpi: String
        public let name: String
        public let count: Double?
        public let countText: String
    }

    public struct Step: Sendable, Hashable {
        public let fromKPI: String
        public let toKPI: String
        /// The catalog KPI whose band judges this step (its records are the step's drill-down).
        public let benchmarkKPI: String
        public let label: String
        /// next ÷ previous; nil when the previous count is 0 or missing.
        public let rate: Double?
        public let rateText: String
        public let band: KPIBand?
        public let bandText: String?
        public let judgement: BandJudgement?
        /// (low − rate) ÷ low when below the band; nil otherwise.
        public let shortfall: Double?
        public let isBottleneck: Bool
        /// What to review when this step is the bottleneck.
        public let advice: String
    }

    public let stages: [Stage]
    public let steps: [Step]

    /// The index in `steps` of the bottleneck, if any step is below its band.
    public var bottleneckIndex: Int? { steps.firstIndex(where: \.isBottleneck) }
    public var bottleneck: Step? { bottleneckIndex.map { steps[$0] } }

    public init(values: [String: KPIValue], catalog: KPICatalog = .standard, language: Language) {
        let stages = Funnel.stageKPIs.map { kpi in
            let count = values[kpi]?.value
            return Stage(
                kpi: kpi, name: catalog[kpi]?.name(language) ?? kpi, count: count,
                countText: NumberFormat.format(count, unit: .count))
        }
        var drafts: [(rate: Double?, band: KPIBand?, shortfall: Double?)] = []
        for i in 0..<(stages.count - 1) {
            let rate: Double? = {
                guard let previous = stages[i].count, previous != 0, let next = stages[i + 1].count else { return nil }
                return next / previous
            }()
            let band = catalog[Funnel.stepBenchmarkKPIs[i]]?.band
            drafts.append((rate, band, DashboardMath.shortfall(rate: rate, band: band)))
        }
        // The furthest below; on a tie the earlier step, since fixing it feeds every later one.
        var worst: Int?
        for (i, d) in drafts.enumerated() {
            guard let s = d.shortfall else { continue }
            if worst == nil || s > drafts[worst!].shortfall! { worst = i }
        }
        self.stages = stages
        self.steps = drafts.enumerated().map { i, d in
            let benchmarkKPI = Funnel.stepBenchmarkKPIs[i]
            return Step(
                fromKPI: stages[i].kpi, toKPI: stages[i + 1].kpi, benchmarkKPI: benchmarkKPI,
                label: stages[i].name + " → " + stages[i + 1].name, rate: d.rate,
                rateText: d.rate.map(NumberFormat.percent) ?? NumberFormat.undefined, band: d.band,
                bandText: d.band.map { BandText.format($0, unit: .ratio) },
                judgement: d.rate.flatMap { r in d.band.map { $0.judge(r) } }, shortfall: d.shortfall,
                isBottleneck: i == worst, advice: DashboardText.advice(forStep: benchmarkKPI, language))
        }
    }
}
