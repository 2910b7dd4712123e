import MierukaCore

/// One report ready to render: the CLI, the scheduler and the reports page hand any of the four to `ReportView`.
public enum ReportDocument: Sendable {
    case daily(DailyReport)
    case weekly(WeeklyReport)
    case monthly(MonthlyReport)
    case executive(ExecutiveReport)

    public var header: ReportHeader {
        switch self {
        case .daily(let r): return r.header
        case .weekly(let r): return r.header
        case .monthly(let r): return r.header
        case .executive(let r): return r.header
        }
    }
}
