import Foundation
import MierukaCore

/// What demo organisation to generate: its size, its time window and the seed that makes it reproducible.
public struct DemoOptions: Sendable, Hashable {
    /// Same seed and options → the very same records.
    public var seed: UInt64 = 42
    /// Head count: mostly SDR/BDR, a few ISR, one manager (from 5 reps), field sales (about one in six).
    public var reps: Int = 12
    public var leads: Int = 3_000
    /// How many months of history, ending with `endMonth`.
    public var months: Int = 6
    /// The last month generated.
    public var endMonth: YearMonth
    /// The generator's "now". When it falls inside `endMonth`, events stop at the end of this day, while plans
    /// (meeting dates, expected close dates, follow-up dates) may lie up to the end month's last day.
    /// nil = the end month is complete.
    public var today: LocalDate?

    /// `endMonth` defaults to the month of `today`, which then becomes a month-to-date month.
    public init(
        seed: UInt64 = 42, reps: Int = 12, leads: Int = 3_000, months: Int = 6, endMonth: YearMonth? = nil, today: LocalDate
    ) {
        self.seed = seed
        self.reps = reps
        self.leads = leads
        self.months = months
        self.endMonth = endMonth ?? today.yearMonth
        self.today = today
    }

    /// Complete months up to and including `endMonth` (no "today").
    public init(seed: UInt64 = 42, reps: Int = 12, leads: Int = 3_000, months: Int = 6, endMonth: YearMonth) {
        self.seed = seed
        self.reps = reps
        self.leads = leads
        self.months = months
        self.endMonth = endMonth
        self.today = nil
    }

    /// The first month generated.
    public var startMonth: YearMonth { endMonth.adding(months: -(max(1, months) - 1)) }

    /// The last day of `endMonth`: nothing generated lies after it.
    public var lastDay: LocalDate {
        LocalDate(year: endMonth.year, month: endMonth.month, day: LocalDate.daysIn(year: endMonth.year, month: endMonth.month))
    }

    /// The last day on which something happens: `today` when it falls inside the end month, else `lastDay`.
    public var dataThrough: LocalDate {
        if let today, today.yearMonth == endMonth { return today }
        return lastDay
    }
}
