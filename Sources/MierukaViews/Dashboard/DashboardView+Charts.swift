import Foundation
import MierukaCore

/// The charts as inline SVG drawn here: no script, no library; each `<svg>` is also well-formed XML.
extension DashboardView {
    static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    // MARK: funnel

    static func funnel(_ m: DashboardModel) -> HTML {
        let l = m.language
        let f = m.funnel
        let rowHeight = 46.0
        let top = 8.0
        let barX = 250.0
        let barMax = 560.0
        let width = 1200.0
        let height = top * 2 + rowHeight * Double(f.stages.count)
        let maxCount = f.stages.compactMap(\.count).max() ?? 0
        var nodes: [HTML] = [.el("title", [:], DashboardText.funnel(l))]
        for (i, stage) in f.stages.enumerated() {
            let y = top + rowHeight * Double(i)
            let w = maxCount > 0 ? max(2, barMax * (stage.count ?? 0) / maxCount) : 2
            let url = m.links.records(stage.kpi, m.scope)
            nodes.append(.el("text", ["x": n(barX - 12), "y": n(y + 28), "text-anchor": "end", "font-size": "20"], stage.name))
            nodes.append(.el("rect", ["x": n(barX), "y": n(y + 6), "width": n(w), "height": n(rowHeight - 14), "fill": "#0b3d91"]))
            nodes.append(
                .el(
                    "a", ["href": url],
                    [
                        .el(
                            "text", ["x": n(barX + w + 10), "y": n(y + 29), "font-size": "22", "font-weight": "bold", "fill": "#111"], stage.countText
                        )
                    ]))
        }
        for (i, step) in f.steps.enumerated() {
            let y = top + rowHeight * Double(i) + rowHeight * 0.5
            let tone: Tone = step.judgement.map { DashboardMath.tone($0, lowerIsBetter: false) } ?? .neutral
            let colour = tone == .bad ? "#b3261e" : tone == .good ? "#0b6b2e" : "#444"
            if step.isBottleneck {
                nodes.append(
                    .el(
                        "rect",
                        [
                            "x": "905", "y": n(y + 4), "width": "290", "height": n(rowHeight - 4), "fill": "#fde8e6", "stroke": "#b3261e",
                            "stroke-width": "3",
                        ]))
            }
            var label = "↓ " + step.rateText
            if let band = step.bandText { label += " (" + band + ")" }
            if let j = step.judgement { label += " " + j.symbol }
            nodes.append(
                .el(
                    "a", ["href": m.links.records(step.benchmarkKPI, m.scope)],
                    [
                        .el("text", ["x": "915", "y": n(y + 26), "font-size": "20", "font-weight": "bold", "fill": colour], label)
                    ]))
            if step.isBottleneck {
                nodes.append(
                    .el("text", ["x": "915", "y": n(y + rowHeight - 4), "font-size": "15", "fill": "#b3261e"], "▲ " + DashboardText.bottleneck(l)))
            }
        }
        let svg = HTML.el(
            "svg",
            [
                "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))", "height": "\(Int(height))", "role": "img",
                "aria-label": DashboardText.funnel(l), "class": "funnel-chart",
            ], nodes)
        let callout: HTML
        if let b = f.bottleneck {
            var text = b.label
            if let band = b.bandText { text += " " + b.rateText + " (" + DashboardText.benchmark(l) + " " + band + ")" }
            callout = .el(
                "p", ["class": "bottleneck", "data-bottleneck": b.benchmarkKPI],
                [
                    .el("strong", [:], "▲ " + DashboardText.bottleneck(l) + ": "),
                    .el("a", ["href": m.links.records(b.benchmarkKPI, m.scope)], text),
                    .el("br"),
                    .text(b.advice),
                ])
        } else {
            callout = .el("p", ["class": "no-bottleneck"], "● " + DashboardText.noBottleneck(l))
        }
        return .el("section", ["class": "funnel"], [.el("h2", [:], DashboardText.funnel(l)), svg, callout])
    }

    // MARK: trend

    static func trend(_ m: DashboardModel) -> HTML {
        let l = m.language
        return .el("section", ["class": "trend"], [.el("h2", [:], DashboardText.trend(l))] + m.trends.map { trendChart($0, m) })
    }

    static func trendChart(_ s: TrendSeries, _ m: DashboardModel) -> HTML {
        let l = m.language
        let width = 560.0
        let height = 220.0
        let left = 70.0
        let right = 20.0
        let top = 34.0
        let bottom = 30.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        var nodes: [HTML] = [
            .el("title", [:], s.name),
            .el("text", ["x": "0", "y": "22", "font-size": "18", "font-weight": "bold"], s.name),
        ]
        guard !s.cumulative.isEmpty else {
            nodes.append(.el("text", ["x": n(left), "y": n(top + plotH / 2), "font-size": "16"], DashboardText.noData(l)))
            return svg(nodes, width: width, height: height, label: s.name)
        }
        let maxY = max(1, s.cumulative.max() ?? 0, s.pace?.max() ?? 0)
        let count = s.cumulative.count
        func x(_ i: Int) -> Double { count == 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(count - 1) }
        func y(_ v: Double) -> Double { top + plotH - plotH * v / maxY }
        func points(_ values: [Double]) -> String { values.enumerated().map { n(x($0.offset)) + "," + n(y($0.element)) }.joined(separator: " ") }
        // Axes and scale.
        nodes.append(.el("line", ["x1": n(left), "y1": n(top), "x2": n(left), "y2": n(top + plotH), "stroke": "#888", "stroke-width": "1"]))
        nodes.append(
            .el("line", ["x1": n(left), "y1": n(top + plotH), "x2": n(left + plotW), "y2": n(top + plotH), "stroke": "#888", "stroke-width": "1"]))
        nodes.append(.el("text", ["x": n(left - 6), "y": n(top + 5), "text-anchor": "end", "font-size": "14"], NumberFormat.grouped(maxY)))
        nodes.append(.el("text", ["x": n(left - 6), "y": n(top + plotH), "text-anchor": "end", "font-size": "14"], "0"))
        if let first = s.dates.first, let last = s.dates.last {
            nodes.append(.el("text", ["x": n(left), "y": n(height - 8), "font-size": "14"], "\(first.month)/\(first.day)"))
            nodes.append(
                .el("text", ["x": n(left + plotW), "y": n(height - 8), "text-anchor": "end", "font-size": "14"], "\(last.month)/\(last.day)"))
        }
        if let pace = s.pace {
            nodes.append(
                .el(
                    "polyline",
                    [
                        "points": points(pace), "fill": "none", "stroke": "#444", "stroke-width": "3", "stroke-dasharray": "8 6",
                        "class": "pace-line",
                    ]))
        }
        nodes.append(
            .el("polyline", ["points": points(s.cumulative), "fill": "none", "stroke": "#0b3d91", "stroke-width": "4", "class": "actual-line"]))
        let lastValue = s.cumulative[count - 1]
        nodes.append(.el("circle", ["cx": n(x(count - 1)), "cy": n(y(lastValue)), "r": "5", "fill": "#0b3d91"]))
        // Legend: solid = actual, dashed = target pace; the current figures as links.
        var legend: [HTML] = [
            .el("tspan", ["fill": "#0b3d91"], "━ " + DashboardText.cumulative(l) + " "),
            .el("tspan", ["font-weight": "bold"], NumberFormat.grouped(lastValue)),
        ]
        if let pace = s.pace?.last {
            legend.append(.el("tspan", ["fill": "#444"], "  ┅ " + DashboardText.targetPace(l) + " " + NumberFormat.grouped(pace)))
        }
        nodes.append(
            .el(
                "a", ["href": m.links.records(s.kpi, m.scope)],
                [
                    .el("text", ["x": n(width - right), "y": "22", "text-anchor": "end", "font-size": "15"], legend)
                ]))
        return svg(nodes, width: width, height: height, label: s.name)
    }

    static func svg(_ nodes: [HTML], width: Double, height: Double, label: String) -> HTML {
        .el(
            "svg",
            [
                "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))", "height": "\(Int(height))", "role": "img",
                "aria-label": label, "class": "trend-chart",
            ], nodes)
    }
}
