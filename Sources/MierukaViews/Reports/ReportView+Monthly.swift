import MierukaCore

extension ReportView {
    /// The phase, results against target with the landing forecast, and a chart of achievement and landing ÷ target.
    static func monthly(_ r: MonthlyReport, _ l: Language, _ catalog: KPICatalog) -> [HTML] {
        var out: [HTML] = []
        let days = ReportText.businessDays(l) + " \(r.businessDaysElapsed)/\(r.businessDaysTotal)"
        out.append(.el("section", ["class": "cards"], [
            .el("div", ["class": "card", "data-phase": r.phase.rawValue], [
                .el("div", ["class": "label"], ReportText.phase(l)), .el("div", ["class": "big"], r.phase.name(l)),
                .el("div", ["class": "sub"], r.phaseReason(l)),
            ]),
            .el("div", ["class": "card"], [
                .el("div", ["class": "label"], ReportText.businessDays(l)), .el("div", ["class": "big"], "\(r.businessDaysElapsed) / \(r.businessDaysTotal)"),
                .el("div", ["class": "sub"], r.isClosed ? (l == .ja ? "締め済み（着地 = 実績）" : "closed (landing = actual)") : days),
            ]),
        ]))
        var rows: [HTML] = []
        for line in r.lines {
            let d = catalog[line.kpi]
            let unit = d?.unit ?? .count
            rows.append(.el("tr", ["data-kpi": line.kpi], [
                .el("td", [:], kpiName(line.kpi, l, catalog)),
                valueCell(line.kpi, r.values[line.kpi] ?? KPIValue(numerator: nil, denominator: nil, value: line.actual), catalog, dataKPI: false),
                numberCell(line.target.map { NumberFormat.format($0, unit: unit) } ?? NumberFormat.undefined),
                achievementCell(line.actual, line.target, lowerIsBetter: d?.prefersLower ?? false),
                numberCell(line.pace.map(NumberFormat.percent) ?? NumberFormat.undefined),
                numberCell(line.landing.map { NumberFormat.format(unit == .count ? $0.rounded() : $0, unit: unit) } ?? NumberFormat.undefined),
                numberCell(line.landingAchievement.map(NumberFormat.percent) ?? NumberFormat.undefined),
            ]))
        }
        out.append(.el("section", ["class": "flow"], [
            .el("h2", [:], ReportText.actual(l) + " / " + ReportText.target(l) + " / " + ReportText.landing(l)),
            .el("table", ["class": "results"], [
                .el("thead", [:], [.el("tr", [:], [th(ReportText.kpi(l)), th(ReportText.actual(l), numeric: true), th(ReportText.target(l), numeric: true),
                                                    th(ReportText.achievement(l), numeric: true), th(ReportText.pace(l), numeric: true),
                                                    th(ReportText.landing(l), numeric: true), th(ReportText.landingVsTarget(l), numeric: true)])]),
                .el("tbody", [:], rows),
            ]),
            .el("p", ["class": "note"], l == .ja
                ? "着地予測 = 実績 ÷ 経過営業日 × 月の営業日（件数・金額のみ）。ペース = 実績 ÷ (目標 × 経過営業日 ÷ 月の営業日)。"
                : "Landing = actual ÷ business days elapsed × the month's business days (counts and sums). Pace = actual ÷ (target × elapsed ÷ total)."),
        ]))
        let targeted = r.lines.filter { $0.target != nil && $0.target != 0 }
        if !targeted.isEmpty {
            let chartRows = targeted.map { line in
                let a = DashboardMath.achievement(actual: line.actual ?? 0, target: line.target)
                var bars = [ReportChart.Bar(value: a.map { $0 * 100 }, colour: (a ?? 0) >= 1 ? ReportChart.green : ReportChart.blue,
                                            text: ReportText.actual(l) + " " + (a.map(NumberFormat.percent) ?? NumberFormat.undefined))]
                if let la = line.landingAchievement, !r.isClosed {
                    bars.append(ReportChart.Bar(value: la * 100, colour: ReportChart.grey, text: ReportText.landing(l) + " " + NumberFormat.percent(la)))
                }
                return ReportChart.Row(label: kpiName(line.kpi, l, catalog), bars: bars, marker: 100)
            }
            out.append(.el("section", [:], [
                .el("h2", [:], ReportText.achievementChart(l)),
                ReportChart.hbars(title: ReportText.achievementChart(l), rows: chartRows,
                                  legend: [(ReportText.achievement(l), ReportChart.blue)] + (r.isClosed ? [] : [(ReportText.landingVsTarget(l), ReportChart.grey)]),
                                  markerLabel: "100%"),
            ]))
        }
        out.append(definitions(r.lines.map(\.kpi), l, catalog))
        return out
    }
}
