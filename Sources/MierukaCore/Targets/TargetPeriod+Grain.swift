extension TargetPeriod {
    /// The period grain a target's period splits by; targets' `year` is the fiscal year.
    public var grain: PeriodGrain {
        switch self {
        case .day: return .day
        case .week: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .fiscalYear
        }
    }
}
