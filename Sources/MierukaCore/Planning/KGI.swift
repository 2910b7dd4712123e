/// The goal a plan works back from (KGI): revenue, wins, SQLs or appointments in one month.
public enum KGI: Sendable, Hashable {
    case revenue(Double)
    case wins(Double)
    case sqls(Double)
    case appointments(Double)

    /// `revenue=50000000`, `wins=12`, `sqls=40`, `appointments=60` (commas and ¥ allowed in the number).
    public init?(_ text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        let number = parts[1].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "円", with: "")
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        switch parts[0] {
        case "revenue": self = .revenue(value)
        case "wins": self = .wins(value)
        case "sqls": self = .sqls(value)
        case "appointments": self = .appointments(value)
        default: return nil
        }
    }

    /// The catalog KPI the goal is a target of, and its amount.
    public var kpi: String {
        switch self {
        case .revenue: return "won_amount"
        case .wins: return "wins"
        case .sqls: return "sqls"
        case .appointments: return "appointments"
        }
    }

    public var amount: Double {
        switch self {
        case .revenue(let v), .wins(let v), .sqls(let v), .appointments(let v): return v
        }
    }

    public var description: String { "\(kpi == "won_amount" ? "revenue" : kpi)=\(CanonicalRow.number(amount))" }
}

/// Written as its text, `revenue=50000000`, in JSON.
extension KGI: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let kgi = KGI(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a KGI: \(text)"))
        }
        self = kgi
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
