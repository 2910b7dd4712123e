/// The KPI set seed 002 recommends for one phase (フェーズ別KPI設計シート), each KPI mapped to its catalog id.
public struct PhasePreset: Sendable, Hashable {
    public let phase: Phase
    public let kpis: [PresetKPI]
    /// KPIs the seed names for the phase that the catalog cannot compute, and why.
    public let unmapped: [UnmappedSeedKPI]

    public var kpiIds: [String] { kpis.map(\.kpi) }
    public func contains(_ kpi: String) -> Bool { kpis.contains { $0.kpi == kpi } }
}

/// One KPI of a phase preset, as the seed gives it.
public struct PresetKPI: Sendable, Hashable {
    /// The catalog id the seed's KPI maps to.
    public let kpi: String
    /// The seed's own name for it (it may differ from the catalog's, e.g. 商談創出数 → meetings).
    public let seedJa: String
    public let seedEn: String
    /// The layer the seed puts it in (階層). The catalog may place it differently: the seed calls アポイント獲得数 tactical,
    /// the catalog counts appointments as an action volume.
    public let layer: KPILayer
    /// The seed's ★ rating (★★★ = 3, ★★☆ = 2); nil for KPIs the seed lists for the phase without rating them.
    public let importance: Int?
    /// The seed's example target (目標値例), when it gives one.
    public let example: ExampleTarget?
    /// The seed's rough range (目安) from its KPI list for the phase, as written.
    public let guide: String?
    public let source: PresetSource

    public init(_ kpi: String, _ seedJa: String, _ seedEn: String, layer: KPILayer, importance: Int? = nil, example: ExampleTarget? = nil,
                guide: String? = nil, source: PresetSource = .designSheet) {
        self.kpi = kpi
        self.seedJa = seedJa
        self.seedEn = seedEn
        self.layer = layer
        self.importance = importance
        self.example = example
        self.guide = guide
        self.source = source
    }

    /// "★★☆", or "—" when the seed does not rate it.
    public var stars: String {
        guard let importance else { return "—" }
        return String(repeating: "★", count: importance) + String(repeating: "☆", count: max(0, 3 - importance))
    }
}

/// Where in seed 002 a preset KPI comes from.
public enum PresetSource: String, Sendable, Hashable, Codable {
    /// 【テンプレート】フェーズ別KPI設計シート: rated with ★ and given an example target.
    case designSheet = "design_sheet"
    /// The phase's 設定すべきKPI項目一覧 (not in the design sheet): a range, no rating.
    case phaseList = "phase_list"
    /// 成熟期's 持続的成長を実現する組織横断KPI.
    case crossFunctional = "cross_functional"
}

/// An example target from the seed, and what it is per.
public struct ExampleTarget: Sendable, Hashable {
    public let value: Double
    public let basis: ExampleBasis
    /// As the seed writes it: "100件/日", "15%", "50万円以下".
    public let seedText: String

    public init(_ value: Double, _ basis: ExampleBasis, _ seedText: String) {
        self.value = value
        self.basis = basis
        self.seedText = seedText
    }
}

public enum ExampleBasis: String, Sendable, Hashable, Codable {
    /// Per rep per business day (the seed's launch table: 目標値の目安(1人/日)).
    case perRepPerDay = "per_rep_per_day"
    /// Per month, for the scope the target is set for (the seed does not say per rep or per team).
    case perMonth = "per_month"
    /// A rate, score or ratio: the same whatever the period or head count (a bound for CAC and LTV/CAC).
    case level
}

/// A KPI the seed names that the catalog has no id for.
public struct UnmappedSeedKPI: Sendable, Hashable {
    public let seedJa: String
    public let seedEn: String
    public let why: String
}
