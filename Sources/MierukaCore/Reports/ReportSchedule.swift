/// When the server makes reports (Asia/Tokyo by default): daily on business days for the previous business day, weekly
/// on a weekday for the previous Monday–Sunday week, monthly and executive on the month's first business day for the
/// previous month — each at the same time of day.
public struct ReportSchedule: Sendable, Hashable {
    /// Minutes after local midnight (08:30 → 510).
    public var minuteOfDay: Int
    /// ISO weekday of the weekly report (1 = Monday).
    public var weeklyWeekday: Int

    public init(minuteOfDay: Int = 8 * 60 + 30, weeklyWeekday: Int = 1) {
        self.minuteOfDay = minuteOfDay
        self.weeklyWeekday = weeklyWeekday
    }

    /// Parses "HH:MM" (24-hour); nil when it is not a time of day.
    public init?(time: String, weeklyWeekday: Int = 1) {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m), (1...7).contains(weeklyWeekday)
        else { return nil }
        self.init(minuteOfDay: h * 60 + m, weeklyWeekday: weeklyWeekday)
    }

    public var timeText: String {
        let h = minuteOfDay / 60, m = minuteOfDay % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// One report the schedule asks for: its kind and period [from, to).
    public struct Due: Sendable, Hashable {
        public var kind: ReportKind
        public var from: LocalDate
        public var to: LocalDate

        public init(kind: ReportKind, from: LocalDate, to: LocalDate) {
            self.kind = kind
            self.from = from
            self.to = to
        }
    }

    /// The reports due on `day` once its local time has reached the schedule's time (none before it).
    public func due(on day: LocalDate, minute: Int, calendar: BusinessCalendar) -> [Due] {
        guard minute >= minuteOfDay else { return [] }
        var out: [Due] = []
        if calendar.isBusinessDay(day), let previous = Self.previousBusinessDay(before: day, calendar: calendar) {
            out.append(Due(kind: .daily, from: previous, to: previous.adding(days: 1)))
        }
        if day.isoWeekday == weeklyWeekday {
            let thisMonday = day.adding(days: 1 - day.isoWeekday)
            out.append(Due(kind: .weekly, from: thisMonday.adding(days: -7), to: thisMonday))
        }
        let monthStart = day.yearMonth.firstDay
        if Self.firstBusinessDay(of: day.yearMonth, calendar: calendar) == day {
            let previous = monthStart.adding(months: -1)
            out.append(Due(kind: .monthly, from: previous, to: monthStart))
            out.append(Due(kind: .executive, from: previous, to: monthStart))
        }
        return out
    }

    /// The last business day before `day` within four weeks (long closures included), if any.
    public static func previousBusinessDay(before day: LocalDate, calendar: BusinessCalendar) -> LocalDate? {
        (1...28).lazy.map { day.adding(days: -$0) }.first(where: calendar.isBusinessDay)
    }

    public static func firstBusinessDay(of month: YearMonth, calendar: BusinessCalendar) -> LocalDate? {
        (0..<LocalDate.daysIn(year: month.year, month: month.month)).lazy.map { month.firstDay.adding(days: $0) }.first(where: calendar.isBusinessDay)
    }
}
