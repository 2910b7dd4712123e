import MierukaCore

/// The phase diagnosis for a terminal: each checklist item with its answer and evidence, the phase and why, and the
/// transition plan to the next phase.
enum PhaseText {
    static func render(_ d: PhaseDiagnosis, team: String?, month: YearMonth, plan: TransitionPlan?, language: Language) -> String {
        let ja = language == .ja
        let catalog = KPICatalog.standard
        func names(_ ids: [String]) -> String { ids.map { catalog[$0]?.name(language) ?? $0 }.joined(separator: ja ? "、" : ", ") }
        let scope = team.map { ja ? "チーム \($0)" : "team \($0)" } ?? (ja ? "全社" : "organisation")
        var out = ja
            ? "■ フェーズ診断(\(scope)、\(month)時点、完了した月のデータ \(d.monthsOfData)ヶ月)\n"
            : "■ Phase diagnosis (\(scope), as of \(month), \(d.monthsOfData) complete months of data)\n"
        for tally in d.tallies {
            let mark = tally.qualifies ? "✓" : " "
            out += ja
                ? "\n\(mark) \(tally.phase.name(.ja)) \(tally.yes)/\(tally.items)(基準 \(tally.threshold)つ以上)\n"
                : "\n\(mark) \(tally.phase.name(.en)) \(tally.yes)/\(tally.items) (needs \(tally.threshold))\n"
            for c in d.items where c.item.phase == tally.phase {
                let symbol = c.answer == .yes ? "●" : c.answer == .no ? "○" : "?"
                let source = ja ? (c.source == .data ? "データ" : "回答") : (c.source == .data ? "data" : "manager")
                out += "  \(c.item.code) \(symbol) \(c.answer.label(language))  [\(source)]  \(c.item.text(language))\n"
                out += "       \(c.evidence(language))\n"
            }
        }
        out += ja ? "\n判定: \(d.phase.name(.ja))(\(d.phase.durationGuide(.ja))の目安)\n理由: \(d.reason(.ja))\n"
            : "\nPhase: \(d.phase.name(.en)) (guide: \(d.phase.durationGuide(.en)))\nWhy: \(d.reason(.en))\n"
        let preset = PhasePreset.standard(d.phase).kpis.filter { $0.source == .designSheet }
        out += ja ? "このフェーズのKPI: " : "KPIs for this phase: "
        out += preset.map { p in
            let name = catalog[p.kpi]?.name(language) ?? p.kpi
            // The seed's own name where it differs from the catalog's (商談創出数 is the catalog's 商談数).
            let label = ja && p.seedJa != name ? "\(p.seedJa)(\(name))" : name
            return "\(label) \(p.stars)"
        }.joined(separator: ja ? "、" : ", ") + "\n"
        guard let plan else {
            out += ja ? "\n移行計画: 成熟期の次のフェーズはありません。四半期ごとにKPI項目自体を棚卸しします。\n"
                : "\nTransition plan: there is no phase after Mature. Review the KPI set itself every quarter.\n"
            return out
        }
        out += ja ? "\n■ 移行計画(\(plan.from.name(.ja)) → \(plan.to.name(.ja)))\n"
            : "\n■ Transition plan (\(plan.from.name(.en)) → \(plan.to.name(.en)))\n"
        for step in plan.steps {
            out += "\n  \(step.stage.name(language))  \(step.months(language))\n"
            for action in step.actions(language) { out += "    ・\(action)\n" }
            if !step.leading.isEmpty { out += (ja ? "    目標を置くKPI: " : "    KPIs with targets: ") + names(step.leading) + "\n" }
            if !step.reference.isEmpty { out += (ja ? "    参考値として計測: " : "    Measured as reference values: ") + names(step.reference) + "\n" }
            if !step.demoted.isEmpty { out += (ja ? "    補助指標へ格下げ: " : "    Demoted to supporting indicators: ") + names(step.demoted) + "\n" }
        }
        return out
    }
}
