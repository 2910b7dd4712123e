/// An inside-sales organisation's stage (seed 002): which layer of KPIs it should lead with.
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 立ち上げ期: maximise action volume, collect cases.
    case launch
    /// 成長期: efficiency and quality.
    case growth
    /// 成熟期: revenue contribution, CAC, LTV.
    case mature

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.launch, .ja): return "立ち上げ期"
        case (.growth, .ja): return "成長期"
        case (.mature, .ja): return "成熟期"
        case (.launch, .en): return "Launch"
        case (.growth, .en): return "Growth"
        case (.mature, .en): return "Mature"
        }
    }

    /// The seed's rough duration since the organisation was set up; a guide only (the seed warns against judging by time alone).
    public func durationGuide(_ language: Language) -> String {
        switch (self, language) {
        case (.launch, .ja): return "0〜6ヶ月"
        case (.growth, .ja): return "6ヶ月〜1年"
        case (.mature, .ja): return "1年以降"
        case (.launch, .en): return "0–6 months"
        case (.growth, .en): return "6–12 months"
        case (.mature, .en): return "12 months and more"
        }
    }

    /// The KPI layer the phase leads with (seed 002 まとめ: 行動 → 戦術 → 戦略).
    public var leadingLayer: KPILayer {
        switch self {
        case .launch: return .action
        case .growth: return .tactical
        case .mature: return .strategic
        }
    }

    /// The phase after this one; nil for 成熟期.
    public var next: Phase? {
        switch self {
        case .launch: return .growth
        case .growth: return .mature
        case .mature: return nil
        }
    }

    /// Earlier phases sort first: the seed's tie rule picks the lower phase.
    public static func < (a: Phase, b: Phase) -> Bool { a.order < b.order }

    private var order: Int {
        switch self {
        case .launch: return 0
        case .growth: return 1
        case .mature: return 2
        }
    }
}
