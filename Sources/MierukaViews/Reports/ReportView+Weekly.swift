import MierukaCore

extension ReportView {
    /// The funnel's rates this week and last, the bottleneck with its advice, and the stage counts side by side.
    static func weekly(_ r: WeeklyReport, _ l: Language, _ catalog: KPICatalog) -> [HTML] {
        var out: [HTML] = []
        let stageName = { (kpi: String) in kpiName(kpi, l, catalog) }
        // The bottleneck first: it is what the weekly meeting acts on (seed 002: ボトルネックとなっている工程の特定).
        if let (figure, advice) = r.bottleneck {
            let stepLabel = stageName(figure.step.fromKPI) + " → " + stageName(figure.step.toKPI)
            var facts = (figure.rate.map(NumberFormat.percent) ?? NumberFormat.undefined)
            if let s = figure.standard { facts += " < " + NumberFormat.percent(s.value) + " (" + sourceText(s.source, l) + ")" }
            out.append(.el("section", ["class": "callout", "data-bottleneck": figure.step.rateKPI], [
                .el("p", [:], [.el("strong", [:], "▲ " + ReportText.bottleneck(l) + ": " + stepLabel + " "), .text(facts)]),
                .el("p", [:], [.el("strong", [:], ReportText.advice(l) + ": "), .text(advice.action(l))]),
                .el("p", ["class": "note"], advice.detail(l)),
            ]))
        } else {
            out.append(.el("section", ["class": "callout ok"], [.el("p", [:], "● " + ReportText.noBottleneck(l))]))
        }
        // Rates: this week, last week, the change in points, the standard and the judgement.
        var rows: [HTML] = []
        for (this, last) in zip(r.thisFunnel.steps, r.lastFunnel.steps) {
            let label = stageName(this.step.fromKPI) + " → " + stageName(this.step.toKPI)
            let change: String = {
                guard let a = this.rate, let b = last.rate else { return NumberFormat.undefined }
                let pt = (a - b) * 100
                return (pt > 0 ? "+" : "") + NumberFormat.grouped(pt, decimals: 1) + (l == .ja ? "pt" : " pt")
            }()
            let standard = this.standard.map { NumberFormat.percent($0.value) + " (" + sourceText($0.source, l) + ")" } ?? NumberFormat.undefined
            let status: HTML
            if this.isBottleneck {
                status = numberCell("▲ " + ReportText.bottleneck(l), "bad")
            } else if this.shortfall != nil {
                status = numberCell("▼", "bad")
            } else if this.rate != nil && this.standard != nil {
                status = numberCell("●", "good")
            } else {
                status = numberCell(NumberFormat.undefined)
            }
            rows.append(.el("tr", ["data-step": this.step.rateKPI], [
                .el("td", [:], label),
                rateCell(this), rateCell(last), numberCell(change), numberCell(standard), status,
            ]))
        }
        out.append(.el("section", [:], [
            .el("h2", [:], ReportText.rate(l) + " — " + ReportText.thisWeek(l) + " / " + ReportText.lastWeek(l)),
            .el("table", ["class": "funnel"], [
                .el("thead", [:], [.el("tr", [:], [th(ReportText.step(l)), th(ReportText.thisWeek(l) + " " + periodOf(r.weekStart, l), numeric: true),
                                                    th(ReportText.lastWeek(l) + " " + periodOf(r.previousWeekStart, l), numeric: true),
                                                    th(ReportText.change(l), numeric: true), th(ReportText.standard(l), numeric: true),
                                                    th(ReportText.judgement(l), numeric: true)])]),
                .el("tbody", [:], rows),
            ]),
        ]))
        let chartRows = zip(r.thisFunnel.steps, r.lastFunnel.steps).map { this, last in
            ReportChart.Row(label: stageName(this.step.fromKPI) + "→" + stageName(this.step.toKPI), bars: [
                ReportChart.Bar(value: this.rate.map { $0 * 100 }, colour: this.isBottleneck ? ReportChart.red : ReportChart.blue,
                                text: this.rate.map(NumberFormat.percent) ?? NumberFormat.undefined),
                ReportChart.Bar(value: last.rate.map { $0 * 100 }, colour: ReportChart.grey, text: last.rate.map(NumberFormat.percent) ?? NumberFormat.undefined),
            ], marker: this.standard.map { $0.value * 100 })
        }
        out.append(.el("section", [:], [
            .el("h2", [:], ReportText.funnelChart(l)),
            ReportChart.hbars(title: ReportText.funnelChart(l), rows: chartRows,
                              legend: [(ReportText.thisWeek(l), ReportChart.blue), (ReportText.lastWeek(l), ReportChart.grey)],
                              markerLabel: ReportText.standard(l)),
        ]))
        // Counts side by side (seed 000: 件数だけでなく%も見る).
        let countRows = FunnelStep.stageKPIs.map { kpi -> HTML in
            let a = r.thisWeek[kpi]?.value, b = r.lastWeek[kpi]?.value
            let change = a.flatMap { a in b.flatMap { b in b == 0 ? nil : NumberFormat.percent(a / b - 1) } } ?? NumberFormat.undefined
            return .el("tr", [:], [.el("td", [:], stageName(kpi)), valueCell(kpi, r.thisWeek[kpi], catalog), valueCell(kpi, r.lastWeek[kpi], catalog, dataKPI: false),
                                   numberCell(change.hasPrefix("-") || change == NumberFormat.undefined ? change : "+" + change)])
        }
        out.append(.el("section", [:], [
            .el("h2", [:], ReportText.stage(l)),
            .el("table", ["class": "counts"], [
                .el("thead", [:], [.el("tr", [:], [th(ReportText.stage(l)), th(ReportText.thisWeek(l), numeric: true), th(ReportText.lastWeek(l), numeric: true),
                                                    th(ReportText.change(l), numeric: true)])]),
                .el("tbody", [:], countRows),
            ]),
        ]))
        out.append(definitions(FunnelStep.allCases.map(\.rateKPI), l, catalog))
        return out
    }

    static func rateCell(_ f: FunnelDiagnosis.StepFigure) -> HTML {
        var children: [HTML] = [.text(f.rate.map(NumberFormat.percent) ?? NumberFormat.undefined)]
        let n = f.numerator.map { NumberFormat.grouped($0) } ?? NumberFormat.undefined
        let d = f.denominator.map { NumberFormat.grouped($0) } ?? NumberFormat.undefined
        children.append(.el("span", ["class": "detail"], n + " / " + d))
        return .el("td", ["class": "n"], children)
    }

    static func sourceText(_ s: FunnelDiagnosis.Standard.Source, _ l: Language) -> String {
        switch s {
        case .target: return l == .ja ? "目標" : "target"
        case .benchmark: return l == .ja ? "目安" : "benchmark"
        }
    }

    static func periodOf(_ weekStart: LocalDate, _ l: Language) -> String {
        let end = weekStart.adding(days: 6)
        return "\(weekStart.month)/\(weekStart.day)" + (l == .ja ? "〜" : "–") + "\(end.month)/\(end.day)"
    }
}
