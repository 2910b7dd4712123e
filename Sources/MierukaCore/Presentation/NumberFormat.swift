import Foundation

/// How figures read for our users: 1,234 with separators, ¥ for yen, percentages with one decimal, — for undefined.
public enum NumberFormat {
    public static let undefined = "—"

    /// 1234567 → "1,234,567"; fractions keep `decimals` places.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return undefined }
        let rounded = spreadsheetRounded(value, decimals: decimals)
        let text = String(format: "%.\(decimals)f", abs(rounded))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        let sign = rounded < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    public static func percent(_ ratio: Double) -> String { percent(ratio, decimals: 1) }

    public static func percent(_ ratio: Double, decimals: Int) -> String {
        guard ratio.isFinite else { return undefined }
        return String(format: "%.\(decimals)f%%", spreadsheetRounded(ratio * 100, decimals: decimals))
    }

    /// Rounds as Excel and LibreOffice show a number, so an export opened in them reads as the page does: the value
    /// taken to 15 significant digits (what they keep), then halves away from zero (2.25 → 2.3, 0.125 → 0.13), where
    /// printf's binary rounding would give 2.2 and 0.12.
    public static func spreadsheetRounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite, let decimal = Decimal(string: String(format: "%.15g", value), locale: Locale(identifier: "en_US_POSIX")) else { return value }
        var input = decimal
        var output = Decimal()
        NSDecimalRound(&output, &input, decimals, .plain)
        return NSDecimalNumber(decimal: output).doubleValue
    }

    public static func yen(_ value: Double) -> String {
        guard value.isFinite else { return undefined }
        return (value < 0 && grouped(value).hasPrefix("-") ? "-¥" + grouped(-value) : "¥" + grouped(value))
    }

    /// A figure in its KPI's unit.
    public static func format(_ value: Double?, unit: KPIUnit) -> String {
        guard let value else { return undefined }
        switch unit {
        case .count: return value.rounded() == value ? grouped(value) : grouped(value, decimals: 1)
        case .ratio: return percent(value)
        case .yen: return yen(value)
        case .minutes, .days, .times, .points: return grouped(value, decimals: 1)
        }
    }

    /// A JSON number: whole values without a fraction, others in the shortest form that reads back exactly.
    public static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }
}
