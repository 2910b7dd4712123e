/// One cell of an exported table: text, a number with the way the page shows it, or an undefined figure (—).
///
/// Exports carry numbers as numbers (xlsx cells of type n with a number format; plain digits in CSV) so a spreadsheet
/// can add them up, and show them as the page does: 1,234, ¥1,234, 27.0 %, — for undefined.
public enum ExportCell: Sendable, Hashable {
    case text(String)
    case number(Double, ExportNumberStyle)
    /// A figure that has no value (a denominator of zero, no target): shown as — everywhere.
    case undefined
    case empty

    /// A KPI figure in its unit, as `NumberFormat.format` shows it on the pages.
    public static func figure(_ value: Double?, unit: KPIUnit) -> ExportCell {
        guard let value, value.isFinite else { return .undefined }
        switch unit {
        case .count: return .number(value, value.rounded() == value ? .integer : .decimal(1))
        case .ratio: return .number(value, .percent(1))
        case .yen: return .number(value, .yen)
        case .minutes, .days, .times, .points: return .number(value, .decimal(1))
        }
    }

    /// A count (records, rows) or nil → —.
    public static func count(_ value: Double?) -> ExportCell {
        guard let value, value.isFinite else { return .undefined }
        return .number(value, value.rounded() == value ? .integer : .decimal(2))
    }

    /// A cell from text a page already shows: "1,234" and "-12.5" become numbers, "27.0%" a rate, "¥1,234" yen, "—" undefined;
    /// anything else stays text. For tables built as text (the insights sheet) so their figures are numbers in a workbook.
    public static func parsing(displayed text: String) -> ExportCell {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == NumberFormat.undefined { return .undefined }
        func number(_ s: Substring) -> Double? {
            let digits = s.replacingOccurrences(of: ",", with: "")
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
            return Double(digits)
        }
        if trimmed.hasSuffix("%"), let v = number(trimmed.dropLast()) {
            let places = trimmed.dropLast().split(separator: ".").dropFirst().first?.count ?? 0
            return .number(v / 100, .percent(places))
        }
        if trimmed.hasPrefix("¥"), let v = number(trimmed.dropFirst()) { return .number(v, .yen) }
        if trimmed.hasPrefix("-¥"), let v = number(trimmed.dropFirst(2)) { return .number(-v, .yen) }
        if let v = number(Substring(trimmed)) {
            let places = trimmed.split(separator: ".").dropFirst().first?.count ?? 0
            return .number(v, places == 0 ? .integer : .decimal(places))
        }
        return .text(text)
    }

    /// The text the page shows for this cell (1,234 · ¥1,234 · 27.0% · —).
    public var displayText: String {
        switch self {
        case .text(let s): return s
        case .number(let v, let style): return style.display(v)
        case .undefined: return NumberFormat.undefined
        case .empty: return ""
        }
    }

    /// The text a CSV file holds: numbers without separators or ¥ so every CSV reader reads them as numbers;
    /// percentages as the page rounds them with a % sign (Excel and LibreOffice read "27.0%" as 0.27).
    public var csvText: String {
        switch self {
        case .text(let s): return FormulaGuard.neutralised(s)
        case .number(let v, let style): return style.plain(v)
        case .undefined: return NumberFormat.undefined
        case .empty: return ""
        }
    }
}

/// How a number is shown: the same rules as `NumberFormat`, and the matching spreadsheet number format.
public enum ExportNumberStyle: Sendable, Hashable {
    case integer
    case decimal(Int)
    case yen
    /// A ratio shown as a percentage with this many decimals (0.2697 → 27.0%).
    case percent(Int)

    public func display(_ value: Double) -> String {
        switch self {
        case .integer: return NumberFormat.grouped(value)
        case .decimal(let places): return NumberFormat.grouped(value, decimals: places)
        case .yen: return NumberFormat.yen(value)
        case .percent(let places): return NumberFormat.percent(value, decimals: places)
        }
    }

    public func plain(_ value: Double) -> String {
        guard value.isFinite else { return NumberFormat.undefined }
        switch self {
        case .integer, .yen: return String(format: "%.0f", NumberFormat.spreadsheetRounded(value, decimals: 0))
        case .decimal(let places): return String(format: "%.\(places)f", NumberFormat.spreadsheetRounded(value, decimals: places))
        case .percent(let places): return NumberFormat.percent(value, decimals: places)
        }
    }

    /// The Office Open XML number format code (ECMA-376 §18.8.31) that shows the value as `display` does.
    public var spreadsheetFormat: String {
        switch self {
        case .integer: return "#,##0"
        case .decimal(let places): return places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
        case .yen: return "\"¥\"#,##0;\"-¥\"#,##0"
        case .percent(let places): return places == 0 ? "0%" : "0." + String(repeating: "0", count: places) + "%"
        }
    }
}
