import Foundation
import MierukaCore
import ZIPFoundation

/// Tables as an Office Open XML workbook (.xlsx, ECMA-376): one sheet per table, a bold frozen header row, numbers as
/// numeric cells with the page's number formats (#,##0 · ¥#,##0 · 0.0%), text as inline strings (never formulas, so a
/// cell holding `=HYPERLINK(…)` stays text; such cells also get the quote-prefix style, the spreadsheet's own way to
/// keep formula-looking text text when it is edited).
///
/// Written by hand rather than through a template: the parts below are the minimum Excel, LibreOffice and Numbers open
/// without repair, and every byte is ours to test.
public enum XLSXWorkbook {
    /// A worksheet's limits in Excel (and LibreOffice since 7.4): rows including the header, and columns.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// - Throws: `SheetTooLarge` when a table does not fit a worksheet (Excel would cut it off or refuse the file).
    public static func data(_ tables: [ExportTable], title: String, created: Date = Date()) throws -> Data {
        try check(tables, maxRows: maxRows, maxColumns: maxColumns)
        let styles = StyleSheet(tables)
        let names = sheetNames(tables.map(\.title))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets: tables.count)),
            ("_rels/.rels", rootRelationships),
            ("docProps/core.xml", coreProperties(title: title, created: created)),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets: tables.count)),
            ("xl/styles.xml", styles.xml),
        ]
        for (i, table) in tables.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(table, styles: styles))) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: created,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func check(_ tables: [ExportTable], maxRows: Int, maxColumns: Int) throws {
        for table in tables {
            let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
            if table.rows.count + 1 > maxRows || columns > maxColumns {
                throw SheetTooLarge(table: table.title, rows: table.rows.count + 1, columns: columns, maxRows: maxRows, maxColumns: maxColumns)
            }
        }
    }

    // MARK: - Parts

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheets: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 0..<sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static func coreProperties(title: String, created: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: created)
        return header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>\(escape(title))</dc:title><dc:creator>Mieruka</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created></cp:coreProperties>"
    }

    static func workbook(_ names: [String]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
        for (i, name) in names.enumerated() { xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 0..<sheets {
            xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        return xml + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    static func worksheet(_ table: ExportTable, styles: StyleSheet) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        if columns > 0 {
            xml += "<cols>"
            for c in 0..<columns {
                // Wide enough for the longest shown text; a CJK character takes two columns' width.
                let texts = [c < table.headers.count ? table.headers[c] : ""] + table.rows.map { c < $0.count ? $0[c].displayText : "" }
                let width = min(60, max(8, texts.map(displayWidth).max() ?? 8) + 2)
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData><row r=\"1\">"
        for (c, text) in table.headers.enumerated() { xml += inlineString(text, ref: reference(c, 1), style: StyleSheet.headerStyle) }
        xml += "</row>"
        for (r, row) in table.rows.enumerated() {
            xml += "<row r=\"\(r + 2)\">"
            for (c, cell) in row.enumerated() {
                let ref = reference(c, r + 2)
                switch cell {
                case .text(let s):
                    // A string cell is never a formula; the quote-prefix style keeps it text when someone edits it,
                    // without showing an apostrophe the page does not have.
                    xml += inlineString(s, ref: ref, style: FormulaGuard.neutralised(s) == s ? 0 : StyleSheet.quotedTextStyle)
                case .number(let v, let style) where v.isFinite:
                    xml += "<c r=\"\(ref)\" s=\"\(styles.index(of: style))\"><v>\(NumberFormat.json(v))</v></c>"
                case .number, .undefined: xml += inlineString(NumberFormat.undefined, ref: ref, style: StyleSheet.undefinedStyle)
                case .empty: break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static func inlineString(_ text: String, ref: String, style: Int) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"\(style == 0 ? "" : " s=\"\(style)\"")><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
    }

    /// A1-style reference of a 0-based column and a 1-based row.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let m = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + m))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of : \ / ? * [ ], unique, not empty.
    static func sheetNames(_ titles: [String]) -> [String] {
        var used: Set<String> = []
        return titles.enumerated().map { i, title in
            var name = String(title.map { ":\\/?*[]".contains($0) ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            if name.isEmpty { name = "Sheet\(i + 1)" }
            name = String(name.prefix(31))
            var candidate = name
            var k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(k))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// XML text: the five entities escaped; characters XML 1.0 forbids (controls other than tab, LF, CR) written as the
    /// format's _xHHHH_ escape, and a literal "_x" escaped so it is not read as one.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where i + 1 < scalars.count && scalars[i + 1] == "x": out += "_x005F_"
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += String(format: "_x%04X_", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
    }
}

/// The workbook's styles: 0 plain, 1 bold header, 2 undefined (right-aligned —), 3 quote-prefixed text (formula-looking
/// text), then one per number style used.
struct StyleSheet {
    static let headerStyle = 1
    static let undefinedStyle = 2
    static let quotedTextStyle = 3
    static let fixedStyles = 4
    private(set) var numberStyles: [ExportNumberStyle] = []

    init(_ tables: [ExportTable]) {
        for table in tables {
            for row in table.rows {
                for case .number(_, let style) in row where !numberStyles.contains(style) { numberStyles.append(style) }
            }
        }
    }

    func index(of style: ExportNumberStyle) -> Int { Self.fixedStyles + (numberStyles.firstIndex(of: style) ?? 0) }

    var xml: String {
        var xml = XLSXWorkbook.header + "<styleSheet xmlns=\"\(XLSXWorkbook.mainNS)\">"
        if !numberStyles.isEmpty {
            xml += "<numFmts count=\"\(numberStyles.count)\">"
            for (i, style) in numberStyles.enumerated() {
                xml += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(XLSXWorkbook.escape(style.spreadsheetFormat))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Yu Gothic\"/></font><font><b/><sz val=\"11\"/><name val=\"Yu Gothic\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(Self.fixedStyles + numberStyles.count)\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"right\"/></xf>"
        xml += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" quotePrefix=\"1\"/>"
        for i in numberStyles.indices {
            xml += "<xf numFmtId=\"\(164 + i)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        return xml
    }
}
