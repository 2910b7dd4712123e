/// A day's target for one KPI of one scope, as the planner spreads a period's target: a target set for the day itself,
/// else the week's target ÷ the week's business days, else the month's target ÷ the month's business days
/// (KGIPlanner's per-business-day figure). Days that are not business days have no target.
public struct DailyTarget: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, Codable {
        case day, week, month
    }

    public let value: Double
    public let source: Source

    public init(value: Double, source: Source) {
        self.value = value
        self.source = source
    }

    /// - Parameter targets: the scope's targets (one scope and scope id), any periods.
    public static func of(kpi: String, day: LocalDate, targets: [Target], calendar: BusinessCalendar) -> DailyTarget? {
        guard calendar.isBusinessDay(day) else { return nil }
        let own = targets.filter { $0.kpi == kpi }
        if let t = own.first(where: { $0.period == .day && $0.periodStart == day }) { return DailyTarget(value: t.value, source: .day) }
        for (period, grain, source) in [(TargetPeriod.week, PeriodGrain.week, Source.week), (.month, .month, .month)] {
            let start = grain.start(of: day, fiscalYearStartMonth: 4)
            guard let t = own.first(where: { $0.period == period && $0.periodStart == start }) else { continue }
            let days = calendar.businessDays(from: start, to: grain.next(after: start))
            guard days > 0 else { return nil }
            return DailyTarget(value: t.value / Double(days), source: source)
        }
        return nil
    }
}
