/// One KPI's landing for one group of a period in progress: what it is so far, where it will land, against the target.
public struct ForecastLine: Sendable, Hashable, Codable {
    public var kpi: String
    public var group: String?
    public var actual: Double?
    /// nil for rates, means and medians (shown as to date) and before the first business day.
    public var landing: Double?
    public var target: Double?
    public var pace: Double?
    /// Landing ÷ target: will the period reach its target at this pace?
    public var landingAchievement: Double?

    public init(kpi: String, group: String?, actual: Double?, landing: Double?, target: Double?, pace: Double?, landingAchievement: Double? = nil) {
        self.kpi = kpi
        self.group = group
        self.actual = actual
        self.landing = landing
        self.target = target
        self.pace = pace
        self.landingAchievement = landingAchievement
    }

    /// Lines for every KPI result of a period in progress, with the targets of their group (KPI → value).
    public static func lines(_ results: [KPIResult], targets: [String?: [String: Double]], elapsed: Int, total: Int,
                             catalog: KPICatalog = .standard) -> [ForecastLine] {
        results.compactMap { r in
            guard let definition = catalog[r.kpi] else { return nil }
            let target = targets[r.group]?[r.kpi]
            let carries = Landing.applies(to: definition.kind)
            let landing = carries ? Landing.value(actual: r.value.value, elapsed: elapsed, total: total) : nil
            return ForecastLine(
                kpi: r.kpi, group: r.group, actual: r.value.value, landing: landing, target: target,
                pace: carries ? Landing.pace(actual: r.value.value, target: target, elapsed: elapsed, total: total) : nil,
                landingAchievement: landing.flatMap { l in target.flatMap { $0 == 0 ? nil : l / $0 } })
        }
    }
}
