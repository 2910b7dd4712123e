import MierukaCore

/// A KPI's running total by day, with the target pace line to compare it with.
public struct TrendSeries: Sendable, Hashable {
    public let kpi: String
    public let name: String
    public let dates: [LocalDate]
    /// Cumulative actual at the end of each day.
    public let cumulative: [Double]
    /// Target × elapsed ÷ total business days, spread evenly over the days given (the input has no calendar);
    /// nil without a target. The last point is the figure `pace` divides by.
    public let pace: [Double]?
    public let target: Double?

    public init(kpi: String, input: DashboardInput) {
        self.kpi = kpi
        name = input.catalog[kpi]?.name(input.language) ?? kpi
        dates = input.daily.map(\.date)
        var running = 0.0
        cumulative = input.daily.map { day in
            running += day.values[kpi] ?? 0
            return running
        }
        target = input.targets[kpi]
        let n = input.daily.count
        if let target, input.businessDaysTotal > 0, n > 0 {
            let expectedNow = target * Double(min(max(input.businessDaysElapsed, 0), input.businessDaysTotal)) / Double(input.businessDaysTotal)
            pace = (1...n).map { expectedNow * Double($0) / Double(n) }
        } else {
            pace = nil
        }
    }
}
