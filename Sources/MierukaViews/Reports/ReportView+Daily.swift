import MierukaCore

extension ReportView {
    /// A day's target as the planner spreads it: 54.5 calls a day reads with its decimal, 60 without.
    static func targetText(_ x: Double) -> String {
        let tenth = (x * 10).rounded() / 10
        return NumberFormat.grouped(tenth, decimals: tenth.rounded() == tenth ? 0 : 1)
    }

    /// The scope's day target, marked Σ when it is the sum of its reps' targets.
    static func totalTargetText(_ r: DailyReport, _ kpi: String) -> String {
        guard let target = r.totalTargets[kpi] else { return NumberFormat.undefined }
        return targetText(target) + (r.summedTargets.contains(kpi) ? " " + ReportText.summedMark : "")
    }

    /// Summary cards for the scope, a chart of calls per rep against target, and the per-rep table (counts with targets).
    static func daily(_ r: DailyReport, _ l: Language, _ catalog: KPICatalog) -> [HTML] {
        var out: [HTML] = []
        if !r.isBusinessDay { out.append(.el("p", ["class": "note"], ReportText.notBusinessDay(l))) }
        let cards = DailyReport.kpis.map { kpi -> HTML in
            let actual = r.total[kpi]?.value
            let target = r.totalTargets[kpi]
            var sub = ReportText.target(l) + " " + totalTargetText(r, kpi)
            if let a = DashboardMath.achievement(actual: actual ?? 0, target: target) {
                sub += " ・ " + ReportText.achievement(l) + " " + NumberFormat.percent(a) + (a >= 1 ? " ●" : " ▼")
            }
            return .el("div", ["class": "card", "data-kpi": kpi], [
                .el("div", ["class": "label"], kpiName(kpi, l, catalog)),
                .el("div", ["class": "big"], figure(kpi, actual, catalog)),
                .el("div", ["class": "sub"], sub),
            ])
        }
        out.append(.el("section", [:], [.el("h2", [:], ReportText.total(l)), .el("div", ["class": "cards"], cards)]))
        guard !r.rows.isEmpty else {
            out.append(.el("p", ["class": "note"], ReportText.noActivity(l)))
            return out
        }
        let chartRows = r.rows.map { row in
            ReportChart.Row(label: row.name, bars: [ReportChart.Bar(value: row.values["calls"]?.value ?? 0, colour: ReportChart.blue,
                                                                      text: figure("calls", row.values["calls"]?.value ?? 0, catalog))],
                            marker: row.targets["calls"])
        }
        out.append(.el("section", [:], [
            .el("h2", [:], ReportText.dailyChart(l)),
            ReportChart.hbars(title: ReportText.dailyChart(l), rows: chartRows, legend: [(ReportText.actual(l), ReportChart.blue)],
                              markerLabel: ReportText.target(l)),
        ]))
        var head1: [HTML] = [.el("th", ["rowspan": "2"], ReportText.rep(l))]
        var head2: [HTML] = []
        for kpi in DailyReport.kpis {
            head1.append(th(kpiName(kpi, l, catalog), colspan: 3))
            head2 += [th(ReportText.actual(l), numeric: true), th(ReportText.target(l), numeric: true), th(ReportText.achievement(l), numeric: true)]
        }
        func cells(_ values: [String: KPIValue], _ targets: [String: Double], targetText: (String) -> String) -> [HTML] {
            DailyReport.kpis.flatMap { kpi -> [HTML] in
                [valueCell(kpi, values[kpi] ?? .total(0), catalog),
                 numberCell(targetText(kpi)),
                 achievementCell(values[kpi]?.value, targets[kpi])]
            }
        }
        var rows: [HTML] = r.rows.map { row in
            .el("tr", ["data-rep": row.repId], [.el("td", ["class": "name"], row.name + " (" + row.repId + ")")] + cells(row.values, row.targets) { kpi in row.targets[kpi].map(targetText) ?? NumberFormat.undefined })
        }
        rows.append(.el("tr", ["class": "total"], [.el("td", [:], ReportText.total(l) + " (" + r.header.scope.label(l) + ")")] + cells(r.total, r.totalTargets) { totalTargetText(r, $0) }))
        out.append(.el("section", ["class": "flow"], [
            .el("h2", [:], ReportText.rep(l)),
            .el("table", ["class": "reps"], [.el("thead", [:], [.el("tr", [:], head1), .el("tr", [:], head2)]), .el("tbody", [:], rows)]),
            .el("p", ["class": "note"], l == .ja
                ? "日次目標 = その日の目標、なければ週目標 ÷ 週の営業日数、なければ月目標 ÷ 月の営業日数（プランナーの営業日あたりの値）。"
                : "Daily target = the day's own target, else the week's ÷ its business days, else the month's ÷ its business days (the planner's per-business-day figure)."),
        ] + (r.summedTargets.isEmpty ? [] : [
            .el("p", ["class": "note", "data-note": "summed-targets"], ReportText.summedMark + " " + (l == .ja
                ? "\(r.header.scope.label(l))に自身の目標がないため、担当者の日次目標の合計（目標のない担当者は含みません）。"
                : "\(r.header.scope.label(l)) has no target of its own: the sum of its reps' daily targets (reps without one add nothing).")),
        ])))
        out.append(definitions(DailyReport.kpis, l, catalog))
        return out
    }
}
