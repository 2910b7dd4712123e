/// One KPI of the catalog: its one id, names, layer, formula and benchmark. Loaded from the bundled catalog data.
public struct KPIDefinition: Sendable, Hashable, Codable {
    public let id: String
    public let ja: String
    public let en: String
    public let layer: KPILayer
    public let kind: KPIKind
    public let unit: KPIUnit
    /// The formula as users read it on the definition sheet.
    public let formula: String
    /// Counting details and the product's reading where the catalog leaves room.
    public let rule: String?
    public let benchmark: String?
    /// The benchmark as numbers where the seeds give a range or a bound (e.g. 0.20–0.30): colours come from data, not code.
    public let band: KPIBand?
    /// True where a smaller figure is the better one (costs, response times): "above" the band is then bad, not good.
    public let lowerIsBetter: Bool?
    /// Which groupings the KPI exists for (customer KPIs: org only; cost KPIs: org and channel).
    public let groupings: [KPIGrouping]

    public func name(_ language: Language) -> String { language == .ja ? ja : en }

    /// Whether a smaller figure is better; false when the catalog does not say.
    public var prefersLower: Bool { lowerIsBetter ?? false }
}

/// A benchmark range from the seeds; either bound may be missing (e.g. win rate ≥ 25 %, CAC ≤ 500k JPY).
public struct KPIBand: Sendable, Hashable, Codable {
    public var low: Double?
    public var high: Double?

    public init(low: Double? = nil, high: Double? = nil) {
        self.low = low
        self.high = high
    }

    /// Where a figure falls against the band; the bounds themselves are within.
    public func judge(_ value: Double) -> BandJudgement {
        if let low, value < low { return .below }
        if let high, value > high { return .above }
        return .within
    }
}

/// A figure's place against its benchmark band; what it means (good or bad) depends on `KPIDefinition.prefersLower`.
public enum BandJudgement: String, Sendable, Hashable, Codable, CaseIterable {
    case below, within, above

    /// Never colour alone: ▼ below, ● within, ▲ above.
    public var symbol: String {
        switch self {
        case .below: return "▼"
        case .within: return "●"
        case .above: return "▲"
        }
    }
}

/// 行動 → 戦術 → 戦略: each layer's KPIs drive the next (seed 002).
public enum KPILayer: String, Sendable, Hashable, Codable, CaseIterable {
    case action, tactical, strategic

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.action, .ja): return "行動KPI"
        case (.tactical, .ja): return "戦術KPI"
        case (.strategic, .ja): return "戦略KPI"
        case (.action, .en): return "Action KPIs"
        case (.tactical, .en): return "Tactical KPIs"
        case (.strategic, .en): return "Strategic KPIs"
        }
    }
}

/// The shape of a KPI's answer (kpi-catalog.md "Output shape").
public enum KPIKind: String, Sendable, Hashable, Codable {
    /// numerator = value, denominator null.
    case count, sum
    /// value = numerator ÷ denominator.
    case rate, mean
    /// numerator null, denominator = number of values.
    case median
}

public enum KPIUnit: String, Sendable, Hashable, Codable {
    case count, ratio, yen, minutes, days, points, times
}

public enum KPIGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    case org, rep, team, channel
}

/// User-facing language: Japanese first, English available.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case ja, en
}
