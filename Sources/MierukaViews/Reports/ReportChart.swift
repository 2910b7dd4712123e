import Foundation
import MierukaCore

/// The reports' two chart shapes as inline SVG (no script): horizontal bars with a target mark, and grouped columns.
/// Sized in a 720-wide view box so they scale to the printed column; labels are text, so a PDF's text holds them.
enum ReportChart {
    struct Bar {
        var value: Double?
        var colour: String
        var text: String
    }

    struct Row {
        var label: String
        var bars: [Bar]
        /// A vertical mark (the target, 100 %, a standard), in the same scale as the bars.
        var marker: Double?
    }

    static let blue = "#0b3d91", grey = "#8a94a6", green = "#0b6b2e", red = "#b3261e"

    static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    static func hbars(title: String, rows: [Row], legend: [(String, String)], markerLabel: String?) -> HTML {
        // Labels are drawn whole: the label column is as wide as the longest (13-px type, CJK glyphs about one em each).
        let longest = rows.map { $0.label.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 7.5 : 13.5) } }.max() ?? 0
        let width = 720.0, labelW = min(320, max(90, longest + 14)), textW = 120.0, barH = 14.0, gap = 4.0, rowGap = 10.0, top = 30.0
        let plotW = width - labelW - textW
        let rowH = Double(max(1, rows.map(\.bars.count).max() ?? 1)) * (barH + gap) + rowGap
        let height = top + rowH * Double(rows.count) + 24
        let maxValue = max(1e-9, rows.flatMap { $0.bars.compactMap(\.value) + [$0.marker].compactMap { $0 } }.max() ?? 0) * 1.05
        var nodes: [HTML] = [.el("title", [:], title)]
        var x = 0.0
        for (name, colour) in legend {
            nodes.append(.el("rect", ["x": n(x), "y": "6", "width": "12", "height": "12", "fill": colour]))
            nodes.append(.el("text", ["x": n(x + 16), "y": "17", "font-size": "12"], name))
            x += 24 + Double(name.count) * 12
        }
        if let markerLabel {
            nodes.append(.el("line", ["x1": n(x), "y1": "12", "x2": n(x + 14), "y2": "12", "stroke": "#111", "stroke-width": "2", "stroke-dasharray": "4 3"]))
            nodes.append(.el("text", ["x": n(x + 18), "y": "17", "font-size": "12"], markerLabel))
        }
        for (i, row) in rows.enumerated() {
            let y0 = top + rowH * Double(i)
            nodes.append(.el("text", ["x": n(labelW - 8), "y": n(y0 + barH), "text-anchor": "end", "font-size": "13"], row.label))
            for (j, bar) in row.bars.enumerated() {
                let y = y0 + Double(j) * (barH + gap)
                let w = bar.value.map { max(0, plotW * $0 / maxValue) } ?? 0
                nodes.append(.el("rect", ["x": n(labelW), "y": n(y), "width": n(max(w, 1)), "height": n(barH), "fill": bar.colour]))
                nodes.append(.el("text", ["x": n(labelW + w + 6), "y": n(y + barH - 2), "font-size": "12"], bar.text))
            }
            if let m = row.marker {
                let mx = labelW + plotW * m / maxValue
                let bottom = y0 + Double(row.bars.count) * (barH + gap)
                nodes.append(.el("line", ["x1": n(mx), "y1": n(y0 - 3), "x2": n(mx), "y2": n(bottom), "stroke": "#111", "stroke-width": "2",
                                          "stroke-dasharray": "4 3"]))
            }
        }
        nodes.append(.el("line", ["x1": n(labelW), "y1": n(top - 4), "x2": n(labelW), "y2": n(height - 20), "stroke": "#666", "stroke-width": "1"]))
        return svg(nodes, width: width, height: height, label: title)
    }

    struct Column {
        var label: String
        var values: [Double?]
    }

    static func columns(title: String, columns: [Column], series: [(String, String)], format: (Double) -> String) -> HTML {
        let width = 720.0, height = 260.0, left = 10.0, right = 10.0, top = 30.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(1, columns.flatMap { $0.values.compactMap { $0 } }.max() ?? 0) * 1.12
        var nodes: [HTML] = [.el("title", [:], title)]
        var x = 0.0
        for (name, colour) in series {
            nodes.append(.el("rect", ["x": n(x), "y": "6", "width": "12", "height": "12", "fill": colour]))
            nodes.append(.el("text", ["x": n(x + 16), "y": "17", "font-size": "12"], name))
            x += 24 + Double(name.count) * 12
        }
        let slot = plotW / Double(max(1, columns.count))
        let barW = slot * 0.8 / Double(max(1, series.count))
        for (i, column) in columns.enumerated() {
            let x0 = left + slot * Double(i) + slot * 0.1
            for (j, value) in column.values.enumerated() where j < series.count {
                let h = plotH * (value ?? 0) / maxValue
                let bx = x0 + barW * Double(j)
                nodes.append(.el("rect", ["x": n(bx), "y": n(top + plotH - h), "width": n(barW - 2), "height": n(max(h, 0.5)), "fill": series[j].1]))
                if let value, columns.count <= 6 {
                    nodes.append(.el("text", ["x": n(bx + barW / 2), "y": n(top + plotH - h - 3), "text-anchor": "middle", "font-size": "10"], format(value)))
                }
            }
            nodes.append(.el("text", ["x": n(x0 + slot * 0.4), "y": n(height - 22), "text-anchor": "middle", "font-size": "12"], column.label))
            if columns.count > 6, let value = column.values.first ?? nil {
                nodes.append(.el("text", ["x": n(x0 + slot * 0.4), "y": n(height - 6), "text-anchor": "middle", "font-size": "9"], format(value)))
            }
        }
        nodes.append(.el("line", ["x1": n(left), "y1": n(top + plotH), "x2": n(width - right), "y2": n(top + plotH), "stroke": "#666", "stroke-width": "1"]))
        return svg(nodes, width: width, height: height, label: title)
    }

    static func svg(_ nodes: [HTML], width: Double, height: Double, label: String) -> HTML {
        .el("svg", ["viewBox": "0 0 \(Int(width)) \(Int(height.rounded(.up)))", "width": "\(Int(width))", "height": "\(Int(height.rounded(.up)))",
                    "role": "img", "aria-label": label, "class": "report-chart", "xmlns": "http://www.w3.org/2000/svg"], nodes)
    }
}
