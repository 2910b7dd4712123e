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
    /// Which groupings the KPI exists for (customer KPIs: org only; cost KPIs: org and channel).
    public let groupings: [KPIGrouping]

    public func name(_ language: Language) -> String { language == .ja ? ja : en }
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
