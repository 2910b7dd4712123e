/// What the data says about a checklist item, with the numbers behind it.
public struct DataFinding: Sendable, Hashable {
    public var answer: ItemAnswer
    public var ja: String
    public var en: String
}

extension DataCheck {
    /// Decides the item from the input's plain values; `unknown` when the data cannot (no targets in a month, say).
    public func evaluate(_ input: PhaseDiagnosisInput, catalog: KPICatalog = .standard) -> DataFinding {
        switch self {
        case .underSixMonths:
            var finding = Self.monthsOfData(input, holds: { $0 < PhaseChecklist.launchMonths },
                                            ja: "6ヶ月未満", en: "under \(PhaseChecklist.launchMonths)")
            // The item asks about the organisation's age; the data is its measure. Say so when the reps are older.
            if let start = input.earliestRepStart, start.yearMonth < (input.firstDataMonth ?? input.currentMonth) {
                finding.ja += "。担当者の最も早い開始日は\(start)で、組織はデータより古い可能性があります"
                finding.en += ". The earliest rep start date is \(start): the organisation may be older than its data"
            }
            return finding
        case .threeMonthsOfData:
            return Self.monthsOfData(input, holds: { $0 >= PhaseChecklist.trendMonths },
                                     ja: "3ヶ月以上", en: "\(PhaseChecklist.trendMonths) or more")
        case .actionTargetsStable:
            return Self.targetsMet(input, layer: .action, catalog: catalog)
        case .actionTargetsNotStable:
            var finding = Self.targetsMet(input, layer: .action, catalog: catalog)
            finding.answer = finding.answer == .yes ? .no : finding.answer == .no ? .yes : .unknown
            return finding
        case .efficiencyTargetsStable:
            return Self.targetsMet(input, layer: .tactical, catalog: catalog)
        }
    }

    private static func monthsOfData(_ input: PhaseDiagnosisInput, holds: (Int) -> Bool, ja: String, en: String) -> DataFinding {
        let n = input.monthsOfData
        let answer = ItemAnswer(holds(n))
        guard let first = input.firstDataMonth else {
            return DataFinding(answer: answer, ja: "リードも活動もまだありません(0ヶ月、基準は\(ja))",
                               en: "no leads or activities yet (0 months; the rule is \(en))")
        }
        let last = input.currentMonth.adding(months: -1)
        let span = n == 0 ? "" : "(\(first)〜\(last))"
        let spanEn = n == 0 ? "" : " (\(first) to \(last))"
        return DataFinding(
            answer: answer,
            ja: "最初のデータは\(first)、今月は\(input.currentMonth):完了した月は\(n)ヶ月\(span)、基準は\(ja)",
            en: "first data in \(first), current month \(input.currentMonth): \(n) complete month\(n == 1 ? "" : "s")\(spanEn); the rule is \(en)")
    }

    /// "Stable" = every target of the layer met in each of the last 3 complete months. Any miss decides "no" at once;
    /// a month without a target of the layer leaves "yes" unproven (unknown).
    private static func targetsMet(_ input: PhaseDiagnosisInput, layer: KPILayer, catalog: KPICatalog) -> DataFinding {
        let months = input.lastCompleteMonths(PhaseChecklist.stableMonths)
        let window = Set(months)
        let outcomes = input.outcomes.filter { $0.layer == layer && window.contains($0.month) }
            .sorted { ($0.month, $0.kpi) < ($1.month, $1.kpi) }
        let range = "\(months.first!)〜\(months.last!)"
        let rangeEn = "\(months.first!) to \(months.last!)"
        let layerJa = layer.label(.ja)
        let layerEn = layer == .action ? "action-KPI" : layer == .tactical ? "efficiency (tactical) KPI" : "strategic KPI"
        let misses = outcomes.filter { !$0.met }
        if !misses.isEmpty {
            let shown = misses.prefix(3).map { describe($0, catalog: catalog) }
            let more = misses.count > 3 ? misses.count - 3 : 0
            return DataFinding(
                answer: .no,
                ja: "\(range)の\(layerJa)目標\(outcomes.count)件中\(misses.count)件が未達:" + shown.map(\.ja).joined(separator: "、")
                    + (more > 0 ? " 他\(more)件" : ""),
                en: "\(misses.count) of \(outcomes.count) \(layerEn) targets missed in \(rangeEn): " + shown.map(\.en).joined(separator: "; ")
                    + (more > 0 ? "; and \(more) more" : ""))
        }
        let withTargets = Set(outcomes.map(\.month))
        let empty = months.filter { !withTargets.contains($0) }
        if !empty.isEmpty {
            let list = empty.map(\.description).joined(separator: ", ")
            let met = outcomes.isEmpty ? ("", "") : ("(目標のある月はすべて達成)", " (every target that was set was met)")
            return DataFinding(
                answer: .unknown,
                ja: "\(layerJa)の月次目標がない月があり判断できません:\(list)\(met.0)",
                en: "cannot tell: no monthly \(layerEn) targets in \(list)\(met.1)")
        }
        return DataFinding(
            answer: .yes,
            ja: "\(range)の3ヶ月、\(layerJa)の月次目標\(outcomes.count)件をすべて達成",
            en: "all \(outcomes.count) monthly \(layerEn) targets met in each month from \(rangeEn)")
    }

    /// "2026-04 calls 1,800/2,000 (90.0%)".
    private static func describe(_ o: TargetOutcome, catalog: KPICatalog) -> (ja: String, en: String) {
        let unit = catalog[o.kpi]?.unit ?? .count
        let actual = NumberFormat.format(o.actual, unit: unit)
        let target = NumberFormat.format(o.target, unit: unit)
        let rate = o.actual.flatMap { o.target == 0 ? nil : $0 / o.target }.map { " (\(NumberFormat.percent($0)))" } ?? ""
        let name = catalog[o.kpi]?.ja ?? o.kpi
        let bound = o.lowerIsBetter ? "≤" : ""
        return ("\(o.month) \(name) \(actual)/\(bound)\(target)\(rate)", "\(o.month) \(o.kpi) \(actual) vs \(bound)\(target)\(rate)")
    }
}
