import Foundation
import MierukaCSV
import MierukaCore
import MierukaTestSupport
import Testing

@testable import MierukaExport

@Suite("Export: CSV (UTF-8 with BOM, CP932) and xlsx read back")
struct ExportTests {
    /// A table with every kind of cell: Japanese text, a formula-looking name, counts, yen, rates, undefined.
    static let table = ExportTable(
        name: "reps", title: "担当者別", headers: ["担当者", "架電数", "受注金額", "接続率", "平均", "備考"],
        rows: [
            [.text("山田 太郎"), .figure(1234, unit: .count), .figure(1_234_567, unit: .yen), .figure(0.26966, unit: .ratio),
             .figure(2.25, unit: .minutes), .text("=HYPERLINK(\"http://example.com\",\"x\")")],
            [.text("髙橋 〜 ①"), .figure(0, unit: .count), .figure(-5000, unit: .yen), .figure(nil, unit: .ratio), .figure(12.5, unit: .count),
             .text("a,b \"quoted\"\nnext line")],
        ])

    @Test("cells show as the page does and CSV holds plain numbers")
    func cellTexts() {
        #expect(Self.table.displayRows[0] == ["山田 太郎", "1,234", "¥1,234,567", "27.0%", "2.3", "=HYPERLINK(\"http://example.com\",\"x\")"])
        #expect(Self.table.displayRows[1][1...4] == ["0", "-¥5,000", "—", "12.5"])
        #expect(Self.table.rows[0].map(\.csvText)[1...4] == ["1234", "1234567", "27.0%", "2.3"])
        // Display and NumberFormat agree for every unit (the pages use NumberFormat).
        for unit in [KPIUnit.count, .ratio, .yen, .minutes, .days, .times, .points] {
            for value in [0, 1, 12.5, 1234.5678, 1_000_000, -42, 0.03125] {
                #expect(ExportCell.figure(value, unit: unit).displayText == NumberFormat.format(value, unit: unit), "\(unit) \(value)")
            }
        }
    }

    @Test("formula-looking text is neutralised; numbers are not")
    func formulaGuard() {
        for text in ["=1+1", "+81 3", "-x", "@SUM(A1)", "\tx", "\rx"] { #expect(FormulaGuard.neutralised(text) == "'" + text) }
        for text in ["株式会社=", "a-b", "", "1-2"] { #expect(FormulaGuard.neutralised(text) == text) }
        #expect(ExportCell.figure(-5, unit: .count).csvText == "-5")
    }

    @Test("UTF-8 CSV: BOM, quoting, reads back with our reader")
    func utf8() throws {
        let data = try TableCSV.data(Self.table)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let reader = try CSVReader(data: data, name: "reps.csv")
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        #expect(rows.count == 3)
        #expect(rows[0] == Self.table.headers)
        #expect(rows[1] == ["山田 太郎", "1234", "1234567", "27.0%", "2.3", "'=HYPERLINK(\"http://example.com\",\"x\")"])
        #expect(rows[2][5] == "a,b \"quoted\"\nnext line")
    }

    @Test("CP932 CSV: the same rows read back; 〜 and ① kept; unmappable characters refused with their places")
    func cp932() throws {
        let data = try TableCSV.data(Self.table, encoding: .cp932)
        #expect(Array(data.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let reader = try CSVReader(data: data, name: "reps.csv", encoding: .cp932)
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        let utf8Reader = try CSVReader(data: try TableCSV.data(Self.table), name: "reps.csv")
        var expected: [[String]] = []
        while let r = try utf8Reader.next() { expected.append(r.fields) }
        // WAVE DASH is written as CP932's 0x8160, which Windows reads as FULLWIDTH TILDE.
        // WAVE DASH and EM DASH (our — for undefined) are written as CP932's 0x8160 and 0x815C, which Windows reads as
        // FULLWIDTH TILDE and HORIZONTAL BAR: the same glyphs in a Japanese font.
        expected[2][0] = expected[2][0].replacingOccurrences(of: "〜", with: "～")
        expected[2][3] = "―"
        #expect(rows == expected)

        var odd = Self.table
        odd.rows[1][0] = .text("吉野家 𠮷野家 😀")
        do {
            _ = try TableCSV.data(odd, encoding: .cp932)
            Issue.record("an emoji and 𠮷 were exported to CP932 without a word")
        } catch let error as UnmappableCharacters {
            #expect(error.places.map(\.line) == [3, 3])
            #expect(error.places.map(\.column) == ["担当者", "担当者"])
            #expect(error.places.map(\.codePoints) == ["U+20BB7", "U+1F600"])
            #expect(error.description.contains("reps.csv:3:担当者: \"😀\" (U+1F600)"))
            #expect(error.description.contains("UTF-8"))
        }
        let replaced = try TableCSV.data(odd, encoding: .cp932, replacingUnmappable: true)
        let r2 = try CSVReader(data: replaced, name: "reps.csv", encoding: .cp932)
        _ = try r2.next(); _ = try r2.next()
        #expect(try r2.next()?.fields.first == "吉野家 ?野家 ?")
    }

    @Test("xlsx: numbers as numbers with the page's formats, text intact, formulas neutralised")
    func xlsx() throws {
        let data = try XLSXWorkbook.data([Self.table, ExportTable(name: "empty", title: "空の表", headers: ["a"])], title: "テスト")
        #expect(Array(data.prefix(2)) == [0x50, 0x4B])
        let book = try XLSXReadBack(data)
        #expect(book.sheetNames == ["担当者別", "空の表"])
        for (path, xml) in book.parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(XLSXReadBack.Elements(xml).wellFormed, "\(path) is well-formed XML")
        }
        #expect(book.cell(0, "A1")?.value == "担当者")
        #expect(book.cell(0, "A2")?.value == "山田 太郎")
        let calls = try #require(book.cell(0, "B2"))
        #expect(calls.type == "n" && calls.value == "1234" && book.formats[calls.style] == "#,##0")
        let amount = try #require(book.cell(0, "C3"))
        #expect(amount.type == "n" && amount.value == "-5000" && book.formats[amount.style]?.contains("¥") == true)
        let rate = try #require(book.cell(0, "D2"))
        #expect(rate.type == "n" && Double(rate.value) == 0.26966 && book.formats[rate.style] == "0.0%")
        #expect(book.cell(0, "D3")?.type == "inlineStr" && book.cell(0, "D3")?.value == "—")
        // Formula-looking text: the page's text, as a string cell with the quote-prefix style (never a formula).
        let formula = try #require(book.cell(0, "F2"))
        #expect(formula.type == "inlineStr" && formula.value == "=HYPERLINK(\"http://example.com\",\"x\")")
        let xfs = XLSXReadBack.Elements(book.parts["xl/styles.xml"]!).elements.filter { $0.name == "xf" }.dropFirst()  // after cellStyleXfs' one
        #expect(xfs[xfs.startIndex + formula.style].attributes["quotePrefix"] == "1")
        #expect(book.cell(0, "A2")?.style == 0)
        #expect(book.cell(0, "F3")?.value == "a,b \"quoted\"\nnext line")
        #expect(book.sheets[1].map(\.reference) == ["A1"])
    }

    @Test("xlsx: sheet names Excel accepts, control characters escaped")
    func xlsxNames() throws {
        #expect(XLSXWorkbook.sheetNames(["a/b", "a/b", "", String(repeating: "長", count: 40)]) == ["a_b", "a_b (2)", "Sheet3", String(repeating: "長", count: 31)])
        #expect(XLSXWorkbook.reference(0, 1) == "A1" && XLSXWorkbook.reference(25, 2) == "Z2" && XLSXWorkbook.reference(26, 3) == "AA3"
                && XLSXWorkbook.reference(701, 1) == "ZZ1" && XLSXWorkbook.reference(702, 1) == "AAA1")
        let table = ExportTable(name: "t", title: "t", headers: ["x"], rows: [[.text("bell\u{07} & <tag> _x0041_")]])
        let book = try XLSXReadBack(try XLSXWorkbook.data([table], title: "t"))
        // The reader here does not undo _xHHHH_ escapes; Excel and LibreOffice do (checked below with LibreOffice).
        #expect(book.cell(0, "A2")?.value == "bell_x0007_ & <tag> _x005F_x0041_")
    }

    @Test("LibreOffice opens the workbook and shows the page's texts")
    func libreOffice() throws {
        let tables = [Self.table, ExportTable(name: "t", title: "制御文字", headers: ["x"], rows: [[.text("a & <b> _x0041_")], [.figure(0.5, unit: .ratio)]])]
        let data = try XLSXWorkbook.data(tables, title: "テスト")
        let sheets: [String: String]
        do {
            sheets = try LibreOffice.csvSheets(of: data, sheetNames: ["担当者別", "制御文字"])
        } catch let missing as LibreOffice.Missing {
            if LibreOffice.required { throw missing }
            print("skipped: \(missing)")
            return
        }
        let first = try #require(sheets["担当者別"], "LibreOffice wrote \(sheets.keys.sorted())")
        var lines: [[String]] = []
        let reader = try CSVReader(data: Data(first.utf8), name: "lo.csv")
        while let r = try reader.next() { lines.append(r.fields) }
        #expect(lines[0] == Self.table.headers)
        #expect(Array(lines[1][0...4]) == Array(Self.table.displayRows[0][0...4]))
        #expect(Array(lines[2][0...4]) == ["髙橋 〜 ①", "0", "-¥5,000", "—", "12.5"])
        #expect(lines[1][5] == Self.table.displayRows[0][5])
        let second = try #require(sheets["制御文字"])
        #expect(second.contains("a & <b> _x0041_"))
        #expect(second.contains("50.0%"))
    }
}

@Suite("Export: cells from a page's text")
struct ParsedCellTests {
    @Test("numbers, rates, yen and — become typed cells that show the same text; other text stays text")
    func parsing() {
        for text in ["1,234", "0", "-12.5", "27.0%", "100%", "¥1,234,567", "-¥5,000", "—", "3.25"] {
            let cell = ExportCell.parsing(displayed: text)
            if case .text = cell { Issue.record("\(text) stayed text") }
            #expect(cell.displayText == text, "\(text)")
        }
        #expect(ExportCell.parsing(displayed: "27.0%") == .number(0.27, .percent(1)))
        for text in ["R002", "10時台", "123 / 456", "2026-05-01", "−5.0%", "1,2a"] {
            #expect(ExportCell.parsing(displayed: text) == .text(text), "\(text)")
        }
    }

    @Test("a table larger than a worksheet is refused with what to do, not written and cut off by Excel")
    func sheetTooLarge() throws {
        #expect(XLSXWorkbook.maxRows == 1_048_576 && XLSXWorkbook.maxColumns == 16_384, "Excel's worksheet limits")
        let table = ExportTable(name: "records", title: "架電記録", headers: ["id", "n"], rows: (1...3).map { [.text("A\($0)"), .number(Double($0), .integer)] })
        // Header + 3 rows = 4 rows: fits a limit of 4, not of 3; 2 columns do not fit 1.
        try XLSXWorkbook.check([table], maxRows: 4, maxColumns: 2)
        #expect(throws: SheetTooLarge.self) { try XLSXWorkbook.check([table], maxRows: 3, maxColumns: 2) }
        #expect(throws: SheetTooLarge.self) { try XLSXWorkbook.check([table], maxRows: 4, maxColumns: 1) }
        do {
            try XLSXWorkbook.check([ExportTable(name: "ok", title: "ok", headers: ["a"]), table], maxRows: 3, maxColumns: 2)
            Issue.record("not refused")
        } catch let error as SheetTooLarge {
            #expect(error.table == "架電記録" && error.rows == 4 && error.columns == 2)
            #expect(error.description.contains("CSV") && error.description.contains("format=csv") && error.description.contains("4 行 × 2 列"))
        }
    }
}
