import Foundation

/// How figures read for our users: 1,234 with separators, ¥ for yen, percentages with one decimal, — for undefined.
public enum NumberFormat {
    public static let undefined = "—"

    /// 1234567 → "1,234,567"; fractions keep `decimals` places.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return undefined }
        let rounded = decimals == 0 ? value.rounded() : value
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

    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return undefined }
        return String(format: "%.1f%%", ratio * 100)
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
