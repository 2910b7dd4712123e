import Foundation
import MierukaCore

/// KPI results as a terminal table (grouped by layer, Japanese labels by default) or as CSV for Excel.
enum KPITable {
    static func text(_ results: [KPIResult], language: Language) -> String {
        let catalog = KPICatalog.standard
        let h = language == .ja ? ["指標", "グループ", "期間", "値", "分子", "分母"] : ["KPI", "Group", "Period", "Value", "Numerator", "Denominator"]
        var out = ""
        for layer in KPILayer.allCases {
            let rows = results.filter { catalog[$0.kpi]?.layer == layer }
            guard !rows.isEmpty else { continue }
            var table: [[String]] = [h]
            for r in rows {
                guard let d = catalog[r.kpi] else { continue }
                table.append([
                    d.name(language), r.group ?? (language == .ja ? "(なし)" : "(none)"), "\(r.from)〜\(r.to)",
                    NumberFormat.format(r.value.value, unit: d.unit),
                    r.value.numerator.map { NumberFormat.format($0, unit: d.unit == .ratio ? .count : d.unit) } ?? "",
                    r.value.denominator.map { d.kind == .median ? NumberFormat.grouped($0) : NumberFormat.format($0, unit: d.unit == .ratio ? .count : d.unit) } ?? "",
                ])
            }
            out += "■ \(layer.label(language))\n" + render(table) + "\n"
        }
        return out
    }

    /// UTF-8 with BOM, so Excel opens it with Japanese intact.
    static func csv(_ results: [KPIResult], language: Language) -> String {
        let catalog = KPICatalog.standard
        var out = "\u{FEFF}kpi,name,layer,group,from,to,numerator,denominator,value\n"
        for r in results {
            let d = catalog[r.kpi]
            let cells = [r.kpi, d?.name(language) ?? "", d.map { $0.layer.label(language) } ?? "", r.group ?? "", r.from.description,
                         r.to.description, plain(r.value.numerator), plain(r.value.denominator), plain(r.value.value)]
            out += cells.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func plain(_ v: Double?) -> String {
        let s = NumberFormat.json(v)
        return s == "null" ? "" : s
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Columns padded by display width (a Japanese character takes two cells).
    /// Columns from `numericFrom` on are right-aligned, except those in `leftAligned` (text columns at the end).
    static func render(_ table: [[String]], numericFrom: Int = 3, leftAligned: Set<Int> = []) -> String {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && !(0xFF61...0xFF9F).contains($1.value) ? 2 : 1) } }
        let columns = table.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        var out = ""
        for (n, row) in table.enumerated() {
            out += row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                return i >= numericFrom && !leftAligned.contains(i) && n > 0 ? pad + cell : cell + pad
            }.joined(separator: "  ") + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
