import MierukaCore
import MierukaStore

/// SMART results for a terminal: one block per target, each letter with ✓ ✗ ? and its reason.
enum SMARTText {
    static func render(_ report: SMARTReport, language: Language) -> String {
        let ja = language == .ja
        let catalog = KPICatalog.standard
        let count = report.results.count
        let history = range(report.historyMonths, ja: ja)
        var out = ja
            ? "■ SMARTチェック(目標 \(count)件、現在のフェーズ: \(report.phase.name(.ja))、比較した実績: \(history))\n"
            : "■ SMART check (\(count) targets, current phase: \(report.phase.name(.en)), history compared: \(history))\n"
        for r in report.results {
            let t = r.target
            let unit = catalog[t.kpi]?.unit ?? .count
            let scope: String = t.scope == .org ? (ja ? "全社" : "org") : "\(t.scope.rawValue) \(t.scopeId ?? "")"
            let verdict = r.passes ? "OK" : (ja ? "要見直し" : "review")
            let name = catalog[t.kpi]?.name(language) ?? t.kpi
            let value = (ja ? "目標 " : "target ") + NumberFormat.format(t.value, unit: unit)
            out += "\n\(verdict)  \(name) (\(t.kpi))  \(scope)  \(t.period.rawValue) \(t.periodStart)  \(value)\n"
            for f in r.findings {
                out += "  \(f.letter.rawValue) \(f.verdict.symbol) \(f.letter.name(language)): \(f.reason(language))\n"
            }
        }
        let failing = report.results.filter { !$0.passes }.count
        out += ja ? "\n\(report.results.count)件中\(failing)件に見直しが必要です\n" : "\n\(failing) of \(report.results.count) targets need a review\n"
        return out
    }

    static func range(_ months: [YearMonth], ja: Bool) -> String {
        guard let first = months.first, let last = months.last else { return "—" }
        return ja ? "\(first)〜\(last)" : "\(first) to \(last)"
    }
}
