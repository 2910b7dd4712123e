/// The funnel's five steps, each rate measured against its target or else its benchmark band, and the bottleneck: the
/// step furthest below, relatively. The one bottleneck rule: the dashboard's funnel and the insights both use it.
public struct FunnelDiagnosis: Sendable, Hashable, Codable {
    /// What a step's rate is held against.
    public struct Standard: Sendable, Hashable, Codable {
        public enum Source: String, Sendable, Hashable, Codable {
            /// A target set for the rate KPI in this scope and period.
            case target
            /// The low bound of the catalog's benchmark band.
            case benchmark
        }

        public let source: Source
        public let value: Double

        public init(source: Source, value: Double) {
            self.source = source
            self.value = value
        }
    }

    /// One step: next stage ÷ previous stage, and how far below its standard it is.
    public struct StepFigure: Sendable, Hashable, Codable {
        public let step: FunnelStep
        /// The count the step reaches (e.g. connects).
        public let numerator: Double?
        /// The count it starts from (e.g. calls).
        public let denominator: Double?
        /// numerator ÷ denominator; nil when the denominator is 0 or a count is missing.
        public let rate: Double?
        public let band: KPIBand?
        /// Where the rate falls against the band (nil without a rate or a band).
        public let judgement: BandJudgement?
        public let target: Double?
        /// The target when there is one, else the band's low bound; nil when the step has neither.
        public let standard: Standard?
        /// (standard − rate) ÷ standard when the rate is below its standard; nil otherwise.
        public let shortfall: Double?
        public let isBottleneck: Bool
    }

    public let steps: [StepFigure]

    public var bottleneck: StepFigure? { steps.first(where: \.isBottleneck) }

    /// - Parameters:
    ///   - counts: stage KPI id → count (calls, connects, valid_conversations, appointments, meetings, wins).
    ///   - targets: rate KPI id → target for the same scope and period; a target wins over the benchmark band.
    public init(counts: [String: Double], targets: [String: Double] = [:], catalog: KPICatalog = .standard) {
        var drafts: [StepFigure] = []
        for step in FunnelStep.allCases {
            let numerator = counts[step.toKPI]
            let denominator = counts[step.fromKPI]
            let rate: Double? = {
                guard let numerator, let denominator, denominator != 0 else { return nil }
                return numerator / denominator
            }()
            let band = catalog[step.rateKPI]?.band
            let target = targets[step.rateKPI].flatMap { $0 > 0 ? $0 : nil }
            let standard = target.map { Standard(source: .target, value: $0) }
                ?? band?.low.flatMap { $0 > 0 ? Standard(source: .benchmark, value: $0) : nil }
            drafts.append(
                StepFigure(
                    step: step, numerator: numerator, denominator: denominator, rate: rate, band: band,
                    judgement: rate.flatMap { r in band.map { $0.judge(r) } }, target: target, standard: standard,
                    shortfall: FunnelDiagnosis.shortfall(rate: rate, standard: standard?.value), isBottleneck: false))
        }
        // The furthest below; on a tie the earlier step, since fixing it feeds every later one.
        var worst: Int?
        for (i, d) in drafts.enumerated() {
            guard let s = d.shortfall else { continue }
            if worst == nil || s > drafts[worst!].shortfall! { worst = i }
        }
        steps = drafts.enumerated().map { i, d in
            StepFigure(
                step: d.step, numerator: d.numerator, denominator: d.denominator, rate: d.rate, band: d.band, judgement: d.judgement,
                target: d.target, standard: d.standard, shortfall: d.shortfall, isBottleneck: i == worst)
        }
    }

    /// How far a rate falls below its standard, relative to it ((standard − rate) ÷ standard); nil when not below.
    /// Relative, so that 12 % against 15 % (−20 %) weighs more than 45 % against 50 % (−10 %).
    public static func shortfall(rate: Double?, standard: Double?) -> Double? {
        guard let rate, let standard, standard > 0, rate < standard else { return nil }
        return (standard - rate) / standard
    }
}
