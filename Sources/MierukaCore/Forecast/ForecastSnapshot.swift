/// A landing forecast as recorded on one day (the day's first computation), so a closed period's forecast accuracy
/// can be judged against what was forecast while it ran.
public struct ForecastSnapshot: Sendable, Hashable, Codable {
    public var kpi: String
    /// "org" or a team name.
    public var group: String
    public var periodFrom: LocalDate
    public var periodTo: LocalDate
    public var madeOn: LocalDate
    public var actual: Double
    public var landing: Double

    public init(kpi: String, group: String, periodFrom: LocalDate, periodTo: LocalDate, madeOn: LocalDate, actual: Double, landing: Double) {
        self.kpi = kpi
        self.group = group
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.madeOn = madeOn
        self.actual = actual
        self.landing = landing
    }

    /// The forecast forecast_accuracy judges: the one made on the period's middle business day, or the latest made
    /// before it, or else the earliest made after it (mid-period is when a forecast starts to steer; decided by us,
    /// the seeds do not say). nil when none was recorded inside the period.
    public static func judged(_ snapshots: [ForecastSnapshot], from: LocalDate, to: LocalDate, calendar: BusinessCalendar) -> ForecastSnapshot? {
        let inside = snapshots.filter { $0.periodFrom == from && $0.periodTo == to && $0.madeOn >= from && $0.madeOn < to }
        guard !inside.isEmpty else { return nil }
        var days: [LocalDate] = []
        var day = from
        while day < to {
            if calendar.isBusinessDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        let middle = days.isEmpty ? from : days[(days.count - 1) / 2]
        if let before = inside.filter({ $0.madeOn <= middle }).max(by: { $0.madeOn < $1.madeOn }) { return before }
        return inside.min { $0.madeOn < $1.madeOn }
    }
}
