import MierukaCore

/// 架電 → コネクト → 有効会話 → アポ → 商談 → 受注 as the dashboard draws it: each step's rate and the bottleneck,
/// decided by the core's one rule (`FunnelDiagnosis`) with the core's advice (`FunnelAdvice`).
public struct Funnel: Sendable, Hashable {
    /// The stages' count KPIs in order.
    public static let stageKPIs = FunnelStep.stageKPIs
    /// The KPI whose benchmark band judges each step (stage i → i+1).
    public static let stepBenchmarkKPIs = FunnelStep.allCases.map(\.rateKPI)

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
        /// (standard − rate) ÷ standard when below its target, or else its band; nil otherwise.
        public let shortfall: Double?
        public let isBottleneck: Bool
        /// What to review when this step is the bottleneck.
        public let advice: String
    }

    public let stages: [Stage]
    public let steps: [Step]

    /// The index in `steps` of the bottleneck, if any step is below its standard.
    public var bottleneckIndex: Int? { steps.firstIndex(where: \.isBottleneck) }
    public var bottleneck: Step? { bottleneckIndex.map { steps[$0] } }

    /// - Parameter targets: KPI id → the scope's target; a rate's target replaces its band in the bottleneck rule.
    public init(values: [String: KPIValue], targets: [String: Double] = [:], catalog: KPICatalog = .standard, language: Language) {
        let stages = Funnel.stageKPIs.map { kpi in
            let count = values[kpi]?.value
            return Stage(
                kpi: kpi, name: catalog[kpi]?.name(language) ?? kpi, count: count,
                countText: NumberFormat.format(count, unit: .count))
        }
        var counts: [String: Double] = [:]
        for stage in stages { counts[stage.kpi] = stage.count }
        let diagnosis = FunnelDiagnosis(counts: counts, targets: targets, catalog: catalog)
        self.stages = stages
        self.steps = diagnosis.steps.map { figure in
            let i = figure.step.index
            return Step(
                fromKPI: figure.step.fromKPI, toKPI: figure.step.toKPI, benchmarkKPI: figure.step.rateKPI,
                label: stages[i].name + " → " + stages[i + 1].name, rate: figure.rate,
                rateText: figure.rate.map(NumberFormat.percent) ?? NumberFormat.undefined, band: figure.band,
                bandText: figure.band.map { BandText.format($0, unit: .ratio) }, judgement: figure.judgement, shortfall: figure.shortfall,
                isBottleneck: figure.isBottleneck, advice: FunnelAdvice.of(figure.step).action(language))
        }
    }
}
