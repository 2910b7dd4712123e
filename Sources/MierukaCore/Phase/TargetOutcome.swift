/// One target set for one KPI and month, beside the figure the month reached: the plain value the phase checklist reads
/// when it asks whether a layer's targets were met.
public struct TargetOutcome: Sendable, Hashable, Codable {
    public var kpi: String
    public var layer: KPILayer
    public var month: YearMonth
    public var target: Double
    /// nil = the figure is undefined for the month (a rate without a denominator).
    public var actual: Double?
    /// For costs and response times a smaller figure meets the target.
    public var lowerIsBetter: Bool

    public init(kpi: String, layer: KPILayer, month: YearMonth, target: Double, actual: Double?, lowerIsBetter: Bool = false) {
        self.kpi = kpi
        self.layer = layer
        self.month = month
        self.target = target
        self.actual = actual
        self.lowerIsBetter = lowerIsBetter
    }

    /// Met = the figure reaches the target (at or below it when lower is better). An undefined figure never meets a
    /// target: a team that made no calls has not reached its connect-rate target.
    public var met: Bool {
        guard let actual else { return false }
        return lowerIsBetter ? actual <= target : actual >= target
    }
}
