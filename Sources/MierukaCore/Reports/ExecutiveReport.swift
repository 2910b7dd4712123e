/// The organisation's figures for management (seed 002: 経営層への報告に適した指標 — 売上貢献, 投資効率, 成長性, 予測精度):
/// each figure with its numerator and denominator, beside the same period of the previous fiscal year.
public struct ExecutiveReport: Sendable, Hashable {
    /// The report's figures by the seed's four viewpoints, as catalog ids.
    public static let sections: [(key: String, kpis: [String])] = [
        ("revenue", ["won_amount", "wins", "avg_deal_size", "opportunity_amount", "pipeline_amount"]),
        ("efficiency", ["cost", "cac", "roi", "ltv", "ltv_cac_ratio"]),
        ("growth", ["valid_opportunities", "opportunity_rate", "win_rate"]),
        ("accuracy", ["forecast_accuracy"]),
    ]
    public static var kpis: [String] { sections.flatMap(\.kpis) }

    public var header: ReportHeader
    /// The same span one year earlier, [from, to).
    public var priorFrom: LocalDate
    public var priorTo: LocalDate
    public var current: [String: KPIValue]
    public var prior: [String: KPIValue]
    /// Won amount by month: the months of the period (or the fiscal year to its end) and the same months a year earlier.
    public var monthly: [(month: YearMonth, current: KPIValue, prior: KPIValue)]

    public init(header: ReportHeader, priorFrom: LocalDate, priorTo: LocalDate, current: [String: KPIValue], prior: [String: KPIValue],
                monthly: [(month: YearMonth, current: KPIValue, prior: KPIValue)]) {
        self.header = header
        self.priorFrom = priorFrom
        self.priorTo = priorTo
        self.current = current
        self.prior = prior
        self.monthly = monthly
    }

    /// current ÷ prior − 1; nil when either is undefined or the prior figure is 0.
    public func growth(_ kpi: String) -> Double? {
        guard let c = current[kpi]?.value, let p = prior[kpi]?.value, p != 0 else { return nil }
        return c / p - 1
    }

    public static func == (a: ExecutiveReport, b: ExecutiveReport) -> Bool {
        a.header == b.header && a.current == b.current && a.prior == b.prior && a.monthly.map(\.month) == b.monthly.map(\.month)
            && a.monthly.map(\.current) == b.monthly.map(\.current) && a.monthly.map(\.prior) == b.monthly.map(\.prior)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(header) }
}
