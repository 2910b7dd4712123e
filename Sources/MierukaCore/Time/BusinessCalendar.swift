/// Business days: Monday–Friday without Japanese national holidays and the year-end closure (12/29–1/3).
/// Per-day targets and the month-end landing forecast count these.
public struct BusinessCalendar: Sendable {
    public init() {}

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        date.isoWeekday <= 5 && !JapaneseHolidays.closedDays(year: date.year).contains(date.dayNumber)
    }

    /// Business days in `[from, to)`.
    public func businessDays(from: LocalDate, to: LocalDate) -> Int {
        var count = 0
        var holidays: [Int: Set<Int>] = [:]
        var day = from
        while day < to {
            if day.isoWeekday <= 5 {
                let closed = holidays[day.year] ?? JapaneseHolidays.closedDays(year: day.year)
                holidays[day.year] = closed
                if !closed.contains(day.dayNumber) { count += 1 }
            }
            day = day.adding(days: 1)
        }
        return count
    }
}
