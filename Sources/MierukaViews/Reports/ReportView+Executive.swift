import MierukaCore

extension ReportView {
    /// The seed's four viewpoints, each figure with numerator and denominator beside the same period last year, and won
    /// amount by month against the same months a year earlier.
    static func executive(_ r: ExecutiveReport, _ l: Language, _ catalog: KPICatalog) -> [HTML] {
        var out: [HTML] = []
        let priorLabel = ReportText.prior(l) + " (" + r.priorFrom.description + (l == .ja ? "〜" : " – ") + r.priorTo.adding(days: -1).description + ")"
        // Headline cards: revenue contribution, pipeline, LTV/CAC, ROI.
        let headline = ["won_amount", "pipeline_amount", "cac", "ltv_cac_ratio"].map { kpi -> HTML in
            var sub: [HTML] = [.text(ReportText.yoy(l) + " " + (r.growth(kpi).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? NumberFormat.undefined))]
            if let d = catalog[kpi], let band = d.band, let v = r.current[kpi]?.value {
                // The band's symbol says where the figure falls; the colour says whether that is good (CAC above its band is bad).
                let j = band.judge(v)
                let tone = DashboardMath.tone(j, lowerIsBetter: d.prefersLower)
                sub.append(.el("br"))
                sub.append(.el("span", ["class": tone.rawValue], ReportText.benchmark(l) + " " + BandText.format(band, unit: d.unit) + " " + j.symbol))
            }
            return .el("div", ["class": "card", "data-kpi": kpi], [
                .el("div", ["class": "label"], kpiName(kpi, l, catalog)), .el("div", ["class": "big"], figure(kpi, r.current[kpi]?.value, catalog)),
                .el("div", ["class": "sub"], sub),
            ])
        }
        out.append(.el("div", ["class": "cards"], headline))
        for section in ExecutiveReport.sections {
            let heading: String
            switch section.key {
            case "revenue": heading = ReportText.revenue(l)
            case "efficiency": heading = ReportText.efficiency(l)
            case "growth": heading = ReportText.growth(l)
            default: heading = ReportText.accuracy(l)
            }
            let rows = section.kpis.map { kpi -> HTML in
                let v = r.current[kpi], p = r.prior[kpi]
                let units = partUnits(kpi, catalog)
                return .el("tr", ["data-kpi": kpi], [
                    .el("td", [:], kpiName(kpi, l, catalog)),
                    numberCell(figure(kpi, v?.value, catalog)),
                    numberCell(NumberFormat.format(v?.numerator, unit: units.numerator)), numberCell(NumberFormat.format(v?.denominator, unit: units.denominator)),
                    valueCell(kpi, p, catalog, dataKPI: false),
                    numberCell(r.growth(kpi).map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? NumberFormat.undefined),
                ])
            }
            out.append(.el("section", [:], [
                .el("h2", [:], heading),
                .el("table", ["class": "exec"], [
                    .el("thead", [:], [.el("tr", [:], [th(ReportText.kpi(l)), th(ReportText.actual(l), numeric: true), th(ReportText.numerator(l), numeric: true),
                                                        th(ReportText.denominator(l), numeric: true), th(priorLabel, numeric: true), th(ReportText.yoy(l), numeric: true)])]),
                    .el("tbody", [:], rows),
                ]),
            ]))
        }
        if r.current["forecast_accuracy"]?.value == nil {
            out.append(.el("p", ["class": "note"], l == .ja
                ? "パイプライン予測精度は、期間中に着地予測が記録され期間が締まると計算されます（ダッシュボード・mieruka forecast が日次で記録）。"
                : "Forecast accuracy is computed once the period is closed and a landing forecast was recorded during it (the dashboard and mieruka forecast record one a day)."))
        }
        if !r.monthly.isEmpty {
            let columns = r.monthly.map { m in
                ReportChart.Column(label: l == .ja ? "\(m.month.month)月" : String(monthName(m.month.month).prefix(3)), values: [m.current.value, m.prior.value])
            }
            out.append(.el("section", ["class": "chart"], [
                .el("h2", [:], ReportText.wonByMonth(l)),
                ReportChart.columns(title: ReportText.wonByMonth(l), columns: columns,
                                    series: [(ReportText.currentYear(l), ReportChart.blue), (ReportText.priorYear(l), ReportChart.grey)],
                                    format: { x in Self.shortYen(x, l) }),
                .el("table", ["class": "monthly"], [
                    .el("thead", [:], [.el("tr", [:], [th(l == .ja ? "月" : "Month"), th(ReportText.currentYear(l), numeric: true),
                                                        th(ReportText.priorYear(l), numeric: true), th(ReportText.yoy(l), numeric: true)])]),
                    .el("tbody", [:], r.monthly.map { m in
                        let g = m.current.value.flatMap { c in m.prior.value.flatMap { p in p == 0 ? nil : c / p - 1 } }
                        return .el("tr", [:], [.el("td", [:], m.month.description), numberCell(NumberFormat.format(m.current.value, unit: .yen)),
                                               numberCell(NumberFormat.format(m.prior.value, unit: .yen)),
                                               numberCell(g.map { ($0 >= 0 ? "+" : "") + NumberFormat.percent($0) } ?? NumberFormat.undefined)])
                    }),
                ]),
            ]))
        }
        out.append(definitions(ExecutiveReport.kpis, l, catalog))
        return out
    }

    /// A column's label: ¥910万 in Japanese, ¥9.1M in English.
    static func shortYen(_ x: Double, _ l: Language) -> String {
        if l == .ja { return x >= 10_000 ? "¥" + NumberFormat.grouped(x / 10_000) + "万" : NumberFormat.yen(x) }
        if x >= 1_000_000 { return "¥" + NumberFormat.grouped(x / 1_000_000, decimals: 1) + "M" }
        return x >= 1_000 ? "¥" + NumberFormat.grouped(x / 1_000) + "k" : NumberFormat.yen(x)
    }

    /// What a figure's numerator and denominator count: yen or a number (LTV's denominator is the churn rate).
    static func partUnits(_ kpi: String, _ catalog: KPICatalog) -> (numerator: KPIUnit, denominator: KPIUnit) {
        switch kpi {
        case "roi", "ltv_cac_ratio", "forecast_accuracy": return (.yen, .yen)
        case "ltv": return (.yen, .ratio)
        case "cac", "avg_deal_size": return (.yen, .count)
        default:
            let unit = catalog[kpi]?.unit ?? .count
            return unit == .yen ? (.yen, .count) : (.count, .count)
        }
    }
}
