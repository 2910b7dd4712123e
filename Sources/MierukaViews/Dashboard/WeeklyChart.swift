import MierukaCore

/// The last weeks of the scope side by side (seed 000: weekly = flow): a bar per week for a count, with the week's
/// rate beside it, so the count and the % are read together.
public struct WeeklySeries: Sendable, Hashable {
    public let kpi: String
    public let name: String
    /// The rate shown under each bar (connect_rate under calls …), if any.
    public let rateKPI: String?
    public let weeks: [LocalDate]
    public let counts: [Double]
    public let rates: [Double?]
    public let rateName: String?

    init(kpi: String, rateKPI: String?, input: DashboardInput) {
        self.kpi = kpi
        self.rateKPI = rateKPI
        name = input.catalog[kpi]?.name(input.language) ?? kpi
        rateName = rateKPI.flatMap { input.catalog[$0]?.name(input.language) }
        weeks = input.weekly.map(\.weekStart)
        counts = input.weekly.map { $0.values[kpi]?.value ?? 0 }
        rates = input.weekly.map { week in rateKPI.flatMap { week.values[$0]?.value } }
    }
}

extension DashboardView {
    static func weekly(_ m: DashboardModel) -> HTML {
        guard !m.weekly.isEmpty, m.weekly.contains(where: { !$0.weeks.isEmpty }) else { return .group([]) }
        return .el("section", ["class": "trend weekly"], [.el("h2", [:], m.language == .ja ? "推移 (週次)" : "Trend (by week)")] + m.weekly.map { weeklyChart($0, m) })
    }

    static func weeklyChart(_ s: WeeklySeries, _ m: DashboardModel) -> HTML {
        let width = 560.0, height = 220.0, left = 20.0, right = 20.0, top = 34.0, bottom = 46.0
        let plotW = width - left - right, plotH = height - top - bottom
        let rateName = s.rateName
        var nodes: [HTML] = [
            .el("title", [:], s.name),
            .el("text", ["x": "0", "y": "22", "font-size": "18", "font-weight": "bold"], s.name + (rateName.map { " / " + $0 } ?? "")),
        ]
        let maxY = max(1, s.counts.max() ?? 0)
        let slot = plotW / Double(max(1, s.weeks.count))
        for (i, week) in s.weeks.enumerated() {
            let h = plotH * s.counts[i] / maxY
            let x = left + slot * Double(i) + slot * 0.15
            let w = slot * 0.7
            nodes.append(.el("rect", ["x": n(x), "y": n(top + plotH - h), "width": n(w), "height": n(h), "fill": "#0b3d91", "class": "week-bar",
                                      "data-week": week.description, "data-value": NumberFormat.json(s.counts[i])]))
            nodes.append(.el("text", ["x": n(x + w / 2), "y": n(top + plotH - h - 4), "text-anchor": "middle", "font-size": "13"], NumberFormat.grouped(s.counts[i])))
            nodes.append(.el("text", ["x": n(x + w / 2), "y": n(height - 26), "text-anchor": "middle", "font-size": "12"], "\(week.month)/\(week.day)〜"))
            if let rate = s.rates[i] {
                nodes.append(.el("text", ["x": n(x + w / 2), "y": n(height - 8), "text-anchor": "middle", "font-size": "12", "fill": "#444"], NumberFormat.percent(rate)))
            }
        }
        return svg(nodes, width: width, height: height, label: s.name)
    }
}
