/// A month target made from a preset's example, with the arithmetic that made it.
public struct PresetTarget: Sendable, Hashable {
    public let target: Target
    /// "100件/日 × 21営業日 × 5人 = 10,500" / "100/day × 21 business days × 5 reps = 10,500".
    public let derivationJa: String
    public let derivationEn: String
}

/// A preset KPI that gave no target, and why.
public struct SkippedPresetKPI: Sendable, Hashable {
    public let kpi: String
    public let reasonJa: String
    public let reasonEn: String
}

extension PhasePreset {
    /// Month targets for one scope from the seed's example values, for the preset KPIs that have one.
    /// Per-rep-per-day examples become value × business days × head count (head count 1 for a rep); per-month and
    /// level examples (rates, scores, bounds) are taken as they are. KPIs the catalog does not compute for the scope
    /// (CAC and LTV/CAC exist for the organisation only) are skipped with the reason.
    public func targets(
        scope: TargetScope, scopeId: String?, month: YearMonth, businessDays: Int, headCount: Int, catalog: KPICatalog = .standard
    ) -> (targets: [PresetTarget], skipped: [SkippedPresetKPI]) {
        let people = scope == .rep ? 1 : headCount
        let grouping: KPIGrouping = scope == .org ? .org : scope == .team ? .team : .rep
        var made: [PresetTarget] = []
        var skipped: [SkippedPresetKPI] = []
        for p in kpis {
            guard let example = p.example else {
                skipped.append(SkippedPresetKPI(kpi: p.kpi, reasonJa: "シードに目標値例がありません", reasonEn: "the seed gives no example target"))
                continue
            }
            guard let definition = catalog[p.kpi], definition.groupings.contains(grouping) else {
                skipped.append(SkippedPresetKPI(
                    kpi: p.kpi, reasonJa: "\(p.kpi)は\(scope.rawValue)単位では計算しません",
                    reasonEn: "\(p.kpi) is not computed per \(scope.rawValue)"))
                continue
            }
            let value: Double
            let ja: String
            let en: String
            switch example.basis {
            case .perRepPerDay:
                value = example.value * Double(businessDays) * Double(people)
                let total = NumberFormat.format(value, unit: definition.unit)
                let v = NumberFormat.grouped(example.value)
                ja = "\(example.seedText) × \(businessDays)営業日 × \(people)人 = \(total)"
                en = "\(v)/day × \(businessDays) business days × \(people) rep\(people == 1 ? "" : "s") = \(total)"
            case .perMonth, .level:
                value = example.value
                ja = "\(example.seedText)(シードの例のまま)"
                en = "\(NumberFormat.format(value, unit: definition.unit)) (the seed's example as it is)"
            }
            let target = Target(kpi: p.kpi, scope: scope, scopeId: scope == .org ? nil : scopeId, period: .month,
                                periodStart: month.firstDay, value: value)
            made.append(PresetTarget(target: target, derivationJa: ja, derivationEn: en))
        }
        return (made, skipped)
    }
}
