import Foundation
import MierukaCore

// libFuzzer target for the date and time parsing of imports: DateTimeParser (ISO 8601, spreadsheet layouts, a mapping's
// datetime_format), DateTimePattern, and MierukaCore's LocalDate and YearMonth. Built by scripts/fuzz.sh.
//
// Byte 0 picks the organisation's time zone; the rest is "layout\ntext" (no newline: the text alone, no layout).
// Invariants (a violation traps, which libFuzzer reports as a crash):
//   - LocalDate/YearMonth accept only real dates and months, and what they accept reads back from its description
//     (and through the day number) to the same value;
//   - a layout DateTimePattern accepts reads back from its own text; what it matches is a real date and time of
//     day, and the same date and time written in the layout (two-digit fields) matches to the same values;
//   - a date-time DateTimeParser accepts is a finite instant, and written back as ISO 8601 in UTC it parses to the
//     same instant (years 0001–9998, where the four-digit form can hold it);
//   - a bare YYYY-MM-DD is the start of that day in the organisation's zone.

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

private let zones: [TimeZone] = ["Asia/Tokyo", "UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "Asia/Kathmandu"]
    .compactMap { TimeZone(identifier: $0) }

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
private func four(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

private func checkLocalDate(_ text: Substring) {
    if let date = LocalDate(text) {
        check((1...12).contains(date.month) && date.day >= 1 && date.day <= LocalDate.daysIn(year: date.year, month: date.month),
            "LocalDate accepted \(text) as \(date.year)-\(date.month)-\(date.day)")
        check(LocalDate(date.description) == date, "LocalDate \(text) → \(date) does not read back")
        check(LocalDate(dayNumber: date.dayNumber) == date, "LocalDate \(date) does not survive its day number")
    }
    if let month = YearMonth(text) {
        check((1...12).contains(month.month), "YearMonth accepted \(text) as month \(month.month)")
        check(YearMonth(month.description) == month, "YearMonth \(text) → \(month) does not read back")
        check(YearMonth(index: month.index) == month, "YearMonth \(month) does not survive its index")
    }
}

/// The date and time written in the layout, numbers zero-padded to the token's width.
private func render(_ pattern: DateTimePattern, _ date: LocalDate, _ seconds: Int) -> String {
    var text = ""
    for token in pattern.tokens {
        switch token {
        case .year: text += four(date.year)
        case .month: text += two(date.month)
        case .day: text += two(date.day)
        case .hour: text += two(seconds / 3600)
        case .minute: text += two(seconds / 60 % 60)
        case .second: text += two(seconds % 60)
        case .literal(let c): text.append(c)
        }
    }
    return text
}

private func checkPattern(_ layout: String, _ text: Substring) -> DateTimePattern? {
    for requiresDay in [true, false] {
        guard let pattern = DateTimePattern(layout, requiresDay: requiresDay) else { continue }
        check(DateTimePattern(pattern.description, requiresDay: requiresDay) == pattern, "layout \(layout) does not read back")
        guard let (date, seconds) = pattern.match(text) else { continue }
        check((1...12).contains(date.month) && date.day >= 1 && date.day <= LocalDate.daysIn(year: date.year, month: date.month),
            "layout \(layout) matched \(text) as \(date.year)-\(date.month)-\(date.day)")
        check((0..<86_400).contains(seconds), "layout \(layout) matched \(text) at second \(seconds) of the day")
        let written = render(pattern, date, seconds)
        guard let again = pattern.match(Substring(written)) else {
            fatalError("invariant violated: layout \(layout) matched \(text) but not its own rendering \(written)")
        }
        check(again.date == date && again.seconds == seconds, "layout \(layout): \(text) and \(written) differ")
    }
    return DateTimePattern(layout)
}

private func checkDateTime(_ text: Substring, zone: TimeZone, pattern: DateTimePattern?) {
    let parser = DateTimeParser(timeZone: zone, pattern: pattern)
    guard let instant = parser.parse(text) else { return }
    let t = instant.timeIntervalSince1970
    check(t.isFinite, "\(text) parsed to \(t)")
    if text.utf8.count == 10, let day = LocalDate(text), parser.iso8601(text) != nil {
        check(instant == parser.clock.startOfDay(day), "\(text) is not the start of that day in \(zone.identifier)")
    }
    // Back to ISO 8601 in UTC, to the microsecond (the parser keeps fractions as a Double).
    let whole = t.rounded(.down)
    let utcDay = LocalDate(dayNumber: Int((whole / 86_400).rounded(.down)))
    guard (1...9998).contains(utcDay.year) else { return }
    let secondOfDay = Int(whole - Double(utcDay.dayNumber) * 86_400)
    let micros = Int(((t - whole) * 1_000_000).rounded())
    guard micros < 1_000_000 else { return }
    let fraction = String(micros + 1_000_000).dropFirst()
    let iso = "\(utcDay)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(fraction)Z"
    guard let back = parser.iso8601(Substring(iso)) else {
        fatalError("invariant violated: \(text) parsed to \(t), written \(iso), which does not parse")
    }
    check(abs(back.timeIntervalSince1970 - t) < 1e-3, "\(text) parsed to \(t), written \(iso), which parses to \(back.timeIntervalSince1970)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let zone = zones[Int(start[0]) % zones.count]
    let input = String(decoding: UnsafeBufferPointer(start: start + 1, count: size - 1), as: UTF8.self)
    var layout: String?
    var text = Substring(input)
    if let newline = input.firstIndex(of: "\n") {
        layout = String(input[..<newline])
        text = input[input.index(after: newline)...]
    }
    checkLocalDate(text)
    let pattern = layout.flatMap { checkPattern($0, text) }
    checkDateTime(text, zone: zone, pattern: pattern)
    return 0
}
