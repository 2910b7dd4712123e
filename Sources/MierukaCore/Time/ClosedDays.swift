/// The organisation's own closed days besides weekends and national holidays (setting `closed_days`): yearly ranges
/// like `12-29..01-03` (the year-end closure, 年末年始) or `08-13..08-15` (お盆), and single dates `2026-10-01`,
/// separated by commas. Empty = none.
public struct ClosedDays: Sendable, Hashable {
    enum Rule: Sendable, Hashable {
        /// Month-day to month-day, wrapping over the new year when the end is earlier.
        case yearly(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int)
        case date(LocalDate)
    }

    let rules: [Rule]

    public static let yearEnd = ClosedDays("12-29..01-03")!
    public static let none = ClosedDays("")!

    /// nil when the text is not a list of `MM-DD..MM-DD`, `MM-DD` or `YYYY-MM-DD[..YYYY-MM-DD]` items.
    public init?(_ text: String) {
        var rules: [Rule] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let ends = item.components(separatedBy: "..")
            guard ends.count <= 2 else { return nil }
            if let first = LocalDate(ends[0]) {
                guard let last = ends.count == 2 ? LocalDate(ends[1]) : first, first <= last, last.dayNumber - first.dayNumber < 366 else { return nil }
                var day = first
                while day <= last {
                    rules.append(.date(day))
                    day = day.adding(days: 1)
                }
            } else {
                guard let a = Self.monthDay(ends[0]), let b = ends.count == 2 ? Self.monthDay(ends[1]) : a else { return nil }
                rules.append(.yearly(fromMonth: a.0, fromDay: a.1, toMonth: b.0, toDay: b.1))
            }
        }
        self.rules = rules
    }

    static func monthDay(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (m, d)
    }

    /// Day numbers of the closed days falling in `year`.
    public func days(year: Int) -> Set<Int> {
        var out = Set<Int>()
        for rule in rules {
            switch rule {
            case .date(let d):
                if d.year == year { out.insert(d.dayNumber) }
            case .yearly(let fm, let fd, let tm, let td):
                let wraps = (tm, td) < (fm, fd)
                // The part of the range in this year: from its start to its end (or 12-31), and from 01-01 when it wraps.
                var day = LocalDate(year: year, month: 1, day: 1)
                let end = LocalDate(year: year + 1, month: 1, day: 1)
                while day < end {
                    let md = (day.month, day.day)
                    let inside = wraps ? (md >= (fm, fd) || md <= (tm, td)) : (md >= (fm, fd) && md <= (tm, td))
                    if inside { out.insert(day.dayNumber) }
                    day = day.adding(days: 1)
                }
            }
        }
        return out
    }
}
