/// Japanese national holidays (国民の祝日, 振替休日, 国民の休日) and the usual year-end closure (12/29–1/3),
/// computed by rule. Valid 2000–2099.
public enum JapaneseHolidays {
    /// Day numbers of the national holidays of a year: 国民の祝日, 振替休日 and 国民の休日.
    public static func nationalHolidays(year y: Int) -> Set<Int> {
        var holidays = Set<Int>()
        func add(_ m: Int, _ d: Int) { holidays.insert(LocalDate(year: y, month: m, day: d).dayNumber) }
        func nthMonday(_ m: Int, _ n: Int) -> Int {
            let first = LocalDate(year: y, month: m, day: 1)
            let offset = (8 - first.isoWeekday) % 7
            return first.dayNumber + offset + 7 * (n - 1)
        }

        add(1, 1)
        holidays.insert(nthMonday(1, 2))  // 成人の日
        add(2, 11)
        if y >= 2020 { add(2, 23) } else if y <= 2018 { add(12, 23) }
        let k = Double(y - 1980)
        add(3, Int(20.8431 + 0.242194 * k) - (y - 1980) / 4)  // 春分の日
        add(4, 29)
        add(5, 3)
        add(5, 4)
        add(5, 5)
        switch y {
        // The Olympic years moved 海の日, スポーツの日 and 山の日.
        case 2020:
            add(7, 23)
            add(7, 24)
            add(8, 10)
        case 2021:
            add(7, 22)
            add(7, 23)
            add(8, 8)
        default:
            holidays.insert(nthMonday(7, 3))  // 海の日
            if y >= 2016 { add(8, 11) }  // 山の日
            holidays.insert(nthMonday(10, 2))  // スポーツの日
        }
        holidays.insert(nthMonday(9, 3))  // 敬老の日
        add(9, Int(23.2488 + 0.242194 * k) - (y - 1980) / 4)  // 秋分の日
        add(11, 3)
        add(11, 23)

        // 国民の休日: a weekday squeezed between two holidays.
        for day in holidays where holidays.contains(day + 2) && !holidays.contains(day + 1) {
            if LocalDate(dayNumber: day + 1).isoWeekday != 7 { holidays.insert(day + 1) }
        }
        // 振替休日: a holiday on Sunday moves to the next day that is not a holiday.
        for day in holidays.sorted() where LocalDate(dayNumber: day).isoWeekday == 7 {
            var next = day + 1
            while holidays.contains(next) { next += 1 }
            holidays.insert(next)
        }
        return holidays
    }

    /// Day numbers on which a typical Japanese company is closed besides weekends: the national holidays and the
    /// year-end closure 12/29–1/3 (the default of the organisation's `closed_days` setting).
    public static func closedDays(year: Int) -> Set<Int> {
        nationalHolidays(year: year).union(ClosedDays.yearEnd.days(year: year))
    }
}
