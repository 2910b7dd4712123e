import Foundation
import MierukaCore

/// A date/time layout such as `yyyy/MM/dd H:mm`, matched by hand: fast, thread-safe, and strict about ranges
/// (DateFormatter is neither fast nor safe to share, and rolls 2026/13/01 over into the next year).
public struct DateTimePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year, month, day, hour, minute, second
        case literal(Character)
    }

    public let description: String
    let tokens: [Token]

    public init?(_ pattern: String, requiresDay: Bool = true) {
        var tokens: [Token] = []
        var chars = Array(pattern)[...]
        while let c = chars.first {
            let run = chars.prefix { $0 == c }.count
            let token: Token?
            switch c {
            case "y": token = run == 4 ? .year : nil
            case "M": token = run <= 2 ? .month : nil
            case "d": token = run <= 2 ? .day : nil
            case "H", "h": token = run <= 2 ? .hour : nil
            case "m": token = run <= 2 ? .minute : nil
            case "s": token = run <= 2 ? .second : nil
            default: token = .literal(c)
            }
            guard let token else { return nil }
            if case .literal = token {
                tokens.append(token)
                chars = chars.dropFirst()
            } else {
                tokens.append(token)
                chars = chars.dropFirst(run)
            }
        }
        guard tokens.contains(.year), tokens.contains(.month), tokens.contains(.day) || !requiresDay else { return nil }
        self.description = pattern
        self.tokens = tokens
    }

    public var hasTime: Bool { tokens.contains(.hour) }

    /// The local date and seconds-of-day the text names, or nil when it does not fit the pattern or names no real time.
    func match(_ text: Substring) -> (date: LocalDate, seconds: Int)? {
        var utf8 = Array(text.utf8)[...]
        var y = 0, mo = 0, d = tokens.contains(.day) ? 0 : 1, h = 0, mi = 0, s = 0
        for token in tokens {
            switch token {
            case .literal(let c):
                let bytes = Array(String(c).utf8)
                // A space in the pattern also accepts one or more spaces, as spreadsheets pad times.
                guard utf8.starts(with: bytes) else { return nil }
                utf8 = utf8.dropFirst(bytes.count)
                if c == " " { while utf8.first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() } }
            default:
                let maxDigits = token == .year ? 4 : 2
                let digits = utf8.prefix(maxDigits).prefix { $0 >= 48 && $0 <= 57 }
                guard !digits.isEmpty, token != .year || digits.count == 4 else { return nil }
                let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
                utf8 = utf8.dropFirst(digits.count)
                switch token {
                case .year: y = value
                case .month: mo = value
                case .day: d = value
                case .hour: h = value
                case .minute: mi = value
                case .second: s = value
                case .literal: break
                }
            }
        }
        guard utf8.isEmpty, (1...12).contains(mo), d >= 1, d <= LocalDate.daysIn(year: y, month: mo), h < 24, mi < 60, s < 60 else {
            return nil
        }
        return (LocalDate(year: y, month: mo, day: d), h * 3600 + mi * 60 + s)
    }
}
