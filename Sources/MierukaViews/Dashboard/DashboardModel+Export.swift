import MierukaCore

extension DashboardModel {
    /// The page's tables for CSV and Excel, from the same model the page is drawn from: the KPI cards (actual, target,
    /// achievement, pace, landing), the rep table, the funnel.
    public var exportTables: [ExportTable] {
        let ja = language == .ja
        var kpis = ExportTable(
            name: "kpis", title: ja ? "KPI" : "KPIs",
            headers: ja ? ["区分", "KPI ID", "指標", "実績", "分子", "分母", "目標", "達成率", "ペース", "着地予測"]
                        : ["Layer", "KPI id", "KPI", "Actual", "Numerator", "Denominator", "Target", "Achievement", "Pace", "Landing"])
        for group in cardGroups {
            for c in group.cards {
                let accumulates = c.kind == .count || c.kind == .sum
                kpis.rows.append([
                    .text(group.label), .text(c.kpi), .text(c.name), .figure(c.value.value, unit: c.unit), .count(c.value.numerator),
                    .count(c.value.denominator), .figure(c.target, unit: c.unit), c.achievement.map { .number($0, .percent(1)) } ?? .undefined,
                    accumulates ? (c.pace.map { .number($0, .percent(1)) } ?? .undefined) : .empty,
                    accumulates ? .figure(c.landing.map { c.unit == .count ? $0.rounded() : $0 }, unit: c.unit) : .empty,
                ])
            }
        }
        let name = { (kpi: String) in KPICatalog.standard[kpi]?.name(self.language) ?? kpi }
        var reps = ExportTable(
            name: "reps", title: DashboardText.reps(language),
            headers: [DashboardText.rep(language), ja ? "担当者ID" : "Rep id", name("calls"),
                      DashboardText.achievement(language) + (repAchievementKPI.map { " (" + name($0) + ")" } ?? ""),
                      name("connect_rate"), name("connects"), name("appointments"), name("valid_opportunity_rate"), name("valid_opportunities"),
                      name("won_amount")])
        for r in repRows {
            reps.rows.append([
                .text(r.name), .text(r.repId), .figure(r.calls, unit: .count), r.achievement.map { .number($0, .percent(1)) } ?? .undefined,
                .figure(r.connectRate, unit: .ratio), .figure(r.connects, unit: .count), .figure(r.appointments, unit: .count),
                .figure(r.validOpportunityRate, unit: .ratio), .figure(r.validOpportunities, unit: .count), .figure(r.wonAmount, unit: .yen),
            ])
        }
        var funnel = ExportTable(name: "funnel", title: ja ? "ファネル" : "Funnel",
                                 headers: ja ? ["段階", "件数", "次の段階への率"] : ["Stage", "Count", "Rate to the next stage"])
        for (i, stage) in self.funnel.stages.enumerated() {
            let step = i < self.funnel.steps.count ? self.funnel.steps[i] : nil
            funnel.rows.append([.text(stage.name), .figure(stage.count, unit: .count), step.map { .figure($0.rate, unit: .ratio) } ?? .empty])
        }
        return [kpis, reps, funnel]
    }
}
