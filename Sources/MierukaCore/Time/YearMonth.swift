import Foundation

/// A calendar month (`YYYY-MM`), the grain of customer revenue and costs.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (also `YYYY/MM`).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { return nil }
        self.init(year: y, month: m)
    }

    public var description: String {
        var bytes: [UInt8] = []
        CanonicalRow.digits(year, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        CanonicalRow.digits(month, 2, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public var index: Int { year * 12 + (month - 1) }
    public init(index: Int) { self.init(year: index / 12, month: index % 12 + 1) }
    public func adding(months: Int) -> YearMonth { YearMonth(index: index + months) }
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ym = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month: \(text)"))
        }
        self = ym
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
