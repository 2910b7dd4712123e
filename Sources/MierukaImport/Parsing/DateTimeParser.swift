import Foundation
import MierukaCore

/// Reads date-times as data-model.md says: ISO 8601 with or without offset (without = the file's time zone),
/// a date alone = 00:00 of that day, or the mapping's own layout.
public struct DateTimeParser: Sendable {
    public let clock: OrgClock
    public let pattern: DateTimePattern?

    public init(timeZone: TimeZone, pattern: DateTimePattern? = nil) {
        self.clock = OrgClock(timeZone: timeZone)
        self.pattern = pattern
    }

    public func parse(_ text: Substring) -> Date? {
        if let date = iso8601(text) { return date }
        for pattern in [pattern].compactMap({ $0 }) + Self.spreadsheetLayouts {
            if let (date, seconds) = pattern.match(text) {
                return clock.instant(date, hour: 0, minute: 0, second: 0).addingTimeInterval(Double(seconds))
            }
        }
        return nil
    }

    /// Unambiguous year-first layouts that Japanese spreadsheets write (2026/5/7 9:05): accepted without a mapping.
    static let spreadsheetLayouts: [DateTimePattern] = [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d",
    ].compactMap { DateTimePattern($0) }

    /// `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM]`, also `/` between the date parts.
    func iso8601(_ text: Substring) -> Date? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 10, let y = num(0, 4), b[4] == b[7], b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/"),
            let mo = num(5, 2), let d = num(8, 2), (1...12).contains(mo), d >= 1, d <= LocalDate.daysIn(year: y, month: mo)
        else { return nil }
        let date = LocalDate(year: y, month: mo, day: d)
        if b.count == 10 { return clock.startOfDay(date) }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let h = num(11, 2), b[13] == UInt8(ascii: ":"),
            let mi = num(14, 2), h < 24, mi < 60
        else { return nil }
        var i = 16
        var s = 0
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let sec = num(i + 1, 2), sec < 60 else { return nil }
            s = sec
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                var j = i + 1
                var scale = 0.1
                while j < b.count, b[j] >= 48, b[j] <= 57 {
                    fraction += Double(b[j] - 48) * scale
                    scale /= 10
                    j += 1
                }
                guard j > i + 1 else { return nil }
                i = j
            }
        }
        let local = clock.instant(date, hour: h, minute: mi, second: s)
        if i == b.count { return local.addingTimeInterval(fraction) }
        // An explicit offset: compute from the UTC fields.
        var offset = 0
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            offset = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
            guard let oh = num(i + 1, 2) else { return nil }
            var om = 0
            if i + 3 == b.count {
                om = 0
            } else if b.count == i + 6, b[i + 3] == UInt8(ascii: ":"), let m = num(i + 4, 2) {
                om = m
            } else if b.count == i + 5, let m = num(i + 3, 2) {
                om = m
            } else {
                return nil
            }
            guard oh <= 23, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        let utcSeconds = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset)
        return Date(timeIntervalSince1970: Double(utcSeconds) + fraction)
    }
}
