import Foundation
import MierukaCore
@testable import MierukaImport
import Testing

@Suite("Field parsing: date-times, dates and amounts")
struct FieldParsingTests {
    let tokyo = DateTimeParser(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    static let may7_0905 = Date(timeIntervalSince1970: 1_778_112_300)  // 2026-05-07 09:05 JST

    @Test("ISO 8601 with and without offset, Z, fractions, and spreadsheet layouts", arguments: [
        "2026-05-07T09:05:00+09:00", "2026-05-07T00:05:00Z", "2026-05-07T09:05+09:00", "2026-05-07T09:05:00.000+0900",
        "2026-05-07 09:05", "2026-05-07T09:05:00", "2026/05/07 09:05", "2026/5/7 9:05", "2026/5/7 9:05:00", "2026-5-7 9:05",
    ])
    func accepted(_ text: String) {
        #expect(tokyo.parse(Substring(text)) == Self.may7_0905, "\(text)")
    }

    @Test("impossible or ambiguous values are refused", arguments: [
        "2026/13/01 09:00", "2026-02-30", "2026-05-07T24:00", "2026-05-07T09:60", "07/05/2026 09:05", "yesterday", "2026-05-07T09:05+25:00", "",
    ])
    func refused(_ text: String) {
        #expect(tokyo.parse(Substring(text)) == nil, "\(text)")
    }

    @Test("a date alone is 00:00 of that day in the organisation's zone")
    func dateAlone() {
        #expect(tokyo.parse("2026-05-07") == Date(timeIntervalSince1970: 1_778_079_600))
        #expect(tokyo.parse("2026/5/7") == Date(timeIntervalSince1970: 1_778_079_600))
    }

    @Test("a mapping layout is used when ISO does not fit")
    func mappingLayout() throws {
        let p = DateTimeParser(timeZone: TimeZone(identifier: "Asia/Tokyo")!, pattern: try #require(DateTimePattern("dd.MM.yyyy HH:mm")))
        #expect(p.parse("07.05.2026 09:05") == Self.may7_0905)
        #expect(p.parse("32.05.2026 09:05") == nil)
    }
}

@Suite("Cell trimming and id checks")
struct CellTextTests {
    @Test("padding is trimmed: ASCII spaces, tabs and the ideographic space", arguments: [
        ("abc", "abc"), ("  abc ", "abc"), ("\tabc\t", "abc"), ("\u{3000}株式会社\u{3000}", "株式会社"), ("", ""), ("   ", ""), ("a b", "a b"),
    ])
    func trims(_ pair: (String, String)) {
        #expect(pair.0.trimmedCell == pair.1)
    }

    @Test("ids with spaces or control characters are caught, plain ids are not")
    func idSpaces() {
        #expect("L 1".hasSpaceOrControl)
        #expect("L\u{3000}1".hasSpaceOrControl)
        #expect("L1\u{7}".hasSpaceOrControl)
        #expect(!"L0000001".hasSpaceOrControl)
        #expect(!"顧客-001".hasSpaceOrControl)
    }
}
