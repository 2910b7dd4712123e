/// Business days: Monday–Friday without Japanese national holidays and the organisation's closed days
/// (default the year-end closure 12/29–1/3). Per-day targets and the month-end landing forecast count these.
public struct BusinessCalendar: Sendable {
    public let closed: ClosedDays

    public init(closed: ClosedDays = .yearEnd) {
        self.closed = closed
    }

    /// Day numbers of the year's non-working weekdays and weekends' holidays alike.
    public func closedDays(year: Int) -> Set<Int> {
        JapaneseHolidays.nationalHolidays(year: year).union(closed.days(year: year))
    }

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        date.isoWeekday <= 5 && !closedDays(year: date.year).contains(date.dayNumber)
    }

    /// Business days in `[from, to)`.
    public func businessDays(from: LocalDate, to: LocalDate) -> Int {
        var count = 0
        var closedByYear: [Int: Set<Int>] = [:]
        var day = from
        while day < to {
            if day.isoWeekday <= 5 {
                let closed = closedByYear[day.year] ?? closedDays(year: day.year)
                closedByYear[day.year] = closed
                if !closed.contains(day.dayNumber) { count += 1 }
            }
            day = day.adding(days: 1)
        }
        return count
    }
}
