import Foundation

/// A half-open range of calendar days `[from, to)` in the organisation's time zone, with its instants.
public struct Period: Sendable, Hashable {
    public let from: LocalDate
    public let to: LocalDate
    /// 00:00 of `from` in the organisation's time zone.
    public let start: Date
    /// 00:00 of `to` in the organisation's time zone (exclusive).
    public let end: Date

    public init(from: LocalDate, to: LocalDate, timeZone: TimeZone) {
        self.from = from
        self.to = to
        self.start = OrgClock(timeZone: timeZone).startOfDay(from)
        self.end = OrgClock(timeZone: timeZone).startOfDay(to)
    }

    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }
    public func contains(_ instant: Date?) -> Bool { instant.map(contains) ?? false }

    /// The month before the period's first month (customer KPIs compare with it).
    public var monthBefore: YearMonth { from.yearMonth.adding(months: -1) }
    /// The month holding the period's last day.
    public var lastMonth: YearMonth { to.adding(days: -1).yearMonth }
    /// Every month the period touches, in order (costs count each in full).
    public var months: [YearMonth] {
        guard from < to else { return [] }
        return (from.yearMonth.index...lastMonth.index).map(YearMonth.init(index:))
    }
}

/// How a range is split into periods for `--by day|week|month|quarter|fiscal_year`.
public enum PeriodGrain: String, Sendable, CaseIterable {
    case day, week, month, quarter
    case fiscalYear = "fiscal_year"

    /// The start of the grain period holding `date`.
    public func start(of date: LocalDate, fiscalYearStartMonth: Int) -> LocalDate {
        switch self {
        case .day: return date
        case .week: return date.adding(days: 1 - date.isoWeekday)
        case .month: return LocalDate(year: date.year, month: date.month, day: 1)
        case .quarter:
            // Quarters follow the fiscal year: with an April start, Q1 = Apr–Jun.
            let offset = ((date.month - fiscalYearStartMonth) % 3 + 3) % 3
            return LocalDate(year: date.year, month: date.month, day: 1).adding(months: -offset)
        case .fiscalYear:
            let offset = ((date.month - fiscalYearStartMonth) % 12 + 12) % 12
            return LocalDate(year: date.year, month: date.month, day: 1).adding(months: -offset)
        }
    }

    public func next(after start: LocalDate) -> LocalDate {
        switch self {
        case .day: return start.adding(days: 1)
        case .week: return start.adding(days: 7)
        case .month: return start.adding(months: 1)
        case .quarter: return start.adding(months: 3)
        case .fiscalYear: return start.adding(months: 12)
        }
    }

    /// Splits `[from, to)` into grain periods, clipped to the range at both ends.
    public func split(from: LocalDate, to: LocalDate, fiscalYearStartMonth: Int) -> [(from: LocalDate, to: LocalDate)] {
        var result: [(LocalDate, LocalDate)] = []
        var cursor = from
        while cursor < to {
            let next = min(self.next(after: start(of: cursor, fiscalYearStartMonth: fiscalYearStartMonth)), to)
            result.append((cursor, next))
            cursor = next
        }
        return result
    }
}
