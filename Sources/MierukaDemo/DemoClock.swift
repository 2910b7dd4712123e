import Foundation
import MierukaCore

/// The generator's time arithmetic: local wall-clock seconds (day number × 86 400 + second of day) with
/// tables for business days, the month of each day and the zone's offset, so the hot path needs no Calendar.
struct DemoClock: Sendable {
    static let dayStart = 9 * 3600
    static let dayEnd = 18 * 3600

    /// First day number in the tables.
    let base: Int
    /// Last day number in the tables.
    let last: Int
    let businessDay: [Bool]
    /// Month index relative to the first generated month (-1 before it).
    let monthOfDay: [Int16]
    /// UTC offset of each day (taken at local noon; business hours never meet a DST jump).
    let offsets: [Int]
    let fixedOffset: Int?

    init(from first: LocalDate, through lastDate: LocalDate, startMonth: YearMonth, timeZone: TimeZone) {
        base = first.dayNumber
        last = lastDate.dayNumber
        let count = last - base + 1
        var closed = Set<Int>()
        for y in first.year...lastDate.year { closed.formUnion(JapaneseHolidays.closedDays(year: y)) }
        var business = [Bool](repeating: false, count: count)
        var months = [Int16](repeating: -1, count: count)
        for i in 0..<count {
            let date = LocalDate(dayNumber: base + i)
            business[i] = date.isoWeekday <= 5 && !closed.contains(base + i)
            months[i] = Int16(clamping: date.yearMonth.index - startMonth.index)
        }
        businessDay = business
        monthOfDay = months
        if timeZone.nextDaylightSavingTimeTransition == nil {
            fixedOffset = timeZone.secondsFromGMT()
            offsets = []
        } else {
            fixedOffset = nil
            let clock = OrgClock(timeZone: timeZone)
            let first = base
            offsets = (0..<count).map { i in
                let date = LocalDate(dayNumber: first + i)
                let utc = Int(clock.instant(date, hour: 12, minute: 0, second: 0).timeIntervalSince1970)
                return (first + i) * 86_400 + 12 * 3600 - utc
            }
        }
    }

    @inline(__always)
    func isBusinessDay(_ day: Int) -> Bool {
        guard day >= base, day <= last else {
            let weekday = LocalDate(dayNumber: day).isoWeekday
            return weekday <= 5
        }
        return businessDay[day - base]
    }

    /// The first business day on or after `day`.
    func businessDay(onOrAfter day: Int) -> Int {
        var d = day
        while !isBusinessDay(d) { d += 1 }
        return d
    }

    /// The business day `n` business days after `day` (n ≥ 1).
    func businessDay(after day: Int, _ n: Int) -> Int {
        var d = day
        var left = n
        while left > 0 {
            d += 1
            if isBusinessDay(d) { left -= 1 }
        }
        return d
    }

    @inline(__always)
    func month(ofDay day: Int) -> Int {
        guard day >= base, day <= last else { return day < base ? -1 : Int.max }
        return Int(monthOfDay[day - base])
    }

    @inline(__always)
    func date(_ local: Int) -> Date {
        let offset: Int
        if let fixedOffset {
            offset = fixedOffset
        } else {
            let day = local / 86_400
            offset = offsets[min(max(day - base, 0), offsets.count - 1)]
        }
        return Date(timeIntervalSince1970: Double(local - offset))
    }

    @inline(__always)
    func isBusinessTime(_ local: Int) -> Bool {
        let second = local % 86_400
        return second >= DemoClock.dayStart && second < DemoClock.dayEnd && isBusinessDay(local / 86_400)
    }

    /// `local` if it is within business hours, else a moment early on the next business morning.
    func intoBusinessHours(_ local: Int, rng: inout DemoRandom) -> Int {
        let day = local / 86_400
        let second = local % 86_400
        if isBusinessDay(day) {
            if second < DemoClock.dayStart { return day * 86_400 + DemoClock.dayStart + rng.below(45 * 60) }
            if second < DemoClock.dayEnd { return local }
        }
        let next = businessDay(after: day, 1)
        return next * 86_400 + DemoClock.dayStart + rng.below(90 * 60)
    }

    /// A random moment in business hours of `day` (assumed a business day), avoiding the lunch hour a little.
    func workingMoment(day: Int, rng: inout DemoRandom) -> Int {
        var second = DemoClock.dayStart + rng.below(DemoClock.dayEnd - DemoClock.dayStart)
        if second >= 12 * 3600, second < 13 * 3600, rng.chance(0.5) {
            second = 13 * 3600 + rng.below(5 * 3600)
        }
        return day * 86_400 + second
    }
}
