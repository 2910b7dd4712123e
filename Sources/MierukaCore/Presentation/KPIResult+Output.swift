import Foundation

extension KPIResult {
    /// One line of `--format json`: the catalog's output shape.
    public var jsonLine: String {
        let group = self.group.map { "\"\(Self.escape($0))\"" } ?? "null"
        return "{\"kpi\":\"\(kpi)\",\"group\":\(group),\"from\":\"\(from)\",\"to\":\"\(to)\","
            + "\"numerator\":\(NumberFormat.json(value.numerator)),\"denominator\":\(NumberFormat.json(value.denominator)),"
            + "\"value\":\(NumberFormat.json(value.value))}"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
