import MierukaCore

/// The four reports as print-ready HTML pages (A4 portrait, page breaks, charts as inline SVG): pure functions of the
/// report models, every text from data escaped.
public enum ReportView {
    /// - Parameter alternate: the same report in the other language (a sibling file or a URL), shown as a link on screen.
    public static func render(_ document: ReportDocument, language: Language, alternate: String? = nil, catalog: KPICatalog = .standard) -> String {
        let body: [HTML]
        switch document {
        case .daily(let r): body = daily(r, language, catalog)
        case .weekly(let r): body = weekly(r, language, catalog)
        case .monthly(let r): body = monthly(r, language, catalog)
        case .executive(let r): body = executive(r, language, catalog)
        }
        return page(document.header, language: language, alternate: alternate, body: body)
    }

    // MARK: frame

    static func title(_ h: ReportHeader, _ l: Language) -> String {
        h.kind.name(l) + " — " + h.scope.label(l) + " — " + periodText(h, l)
    }

    static func periodText(_ h: ReportHeader, _ l: Language) -> String {
        let last = h.to.adding(days: -1)
        if h.from == last { return dateText(h.from, l) }
        if h.kind == .monthly || (h.from.day == 1 && h.to.day == 1 && h.to == h.from.adding(months: 1)) {
            return l == .ja ? "\(h.from.year)年\(h.from.month)月" : monthName(h.from.month) + " \(h.from.year)"
        }
        return dateText(h.from, l) + (l == .ja ? "〜" : " – ") + dateText(last, l)
    }

    static func monthName(_ m: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]
    }

    /// 2026-06-15 (月) / 2026-06-15 (Mon).
    static func dateText(_ d: LocalDate, _ l: Language) -> String {
        let ja = ["月", "火", "水", "木", "金", "土", "日"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return d.description + " (" + (l == .ja ? ja : en)[d.isoWeekday - 1] + ")"
    }

    static func page(_ h: ReportHeader, language l: Language, alternate: String?, body: [HTML]) -> String {
        let generated = dateText(h.generatedOn, l) + " " + two(h.generatedMinute / 60) + ":" + two(h.generatedMinute % 60) + " (" + h.timeZone + ")"
        var top: [HTML] = [
            .el("h1", [:], h.kind.name(l) + " — " + h.scope.label(l)),
            .el(
                "p", ["class": "meta"],
                [
                    .el("span", [:], ReportText.period(l) + ": " + periodText(h, l)), .text(" ・ "),
                    .el("span", [:], ReportText.scope(l) + ": " + h.scope.label(l)), .text(" ・ "),
                    .el("span", [:], ReportText.generated(l) + ": " + generated),
                ]),
        ]
        if let alternate {
            top.insert(.el("p", ["class": "no-print lang"], [.el("a", ["href": alternate, "hreflang": l == .ja ? "en" : "ja"], ReportText.languageLink(l))]), at: 0)
        }
        let main = HTML.el("main", ["class": "sheet"], [.el("header", [:], top)] + body)
        return "<!doctype html>\n<html lang=\"\(l.rawValue)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>" + HTML.escape(title(h, l)) + "</title><style>" + css + "</style></head><body>" + main.rendered + "</body></html>\n"
    }

    static func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }

    /// A4 portrait; tables repeat their heads and never split a row; sections that fit stay on one page.
    static let css = """
        @page{size:A4 portrait;margin:12mm 11mm 14mm 11mm}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;color:#111;background:#fff;margin:0;font-size:10pt;line-height:1.45}
        main.sheet{max-width:188mm;margin:0 auto;padding:6mm 0}
        h1{font-size:17pt;margin:0 0 2mm}h2{font-size:12.5pt;margin:6mm 0 2mm;border-bottom:2px solid #0b3d91;padding-bottom:1mm}
        p.meta{margin:0 0 3mm;color:#333}p.lang{float:right;margin:0}
        table{width:100%;border-collapse:collapse;margin:1mm 0 3mm;font-variant-numeric:tabular-nums}
        thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
        th,td{border:1px solid #9aa3ad;padding:1.2mm 1.6mm;vertical-align:top}th{background:#e8eef7;font-weight:bold;text-align:left}
        td.n{text-align:right;white-space:nowrap}th.n{text-align:right}td.name{white-space:nowrap}tr.total td{font-weight:bold;background:#f4f6f9}
        .detail{display:block;color:#555;font-size:8pt;font-weight:normal}
        .good{color:#0b6b2e}.bad{color:#b3261e}
        section{break-inside:avoid;page-break-inside:avoid}section.flow{break-inside:auto;page-break-inside:auto}
        .page-break{break-before:page;page-break-before:always}
        .cards{display:flex;gap:3mm;flex-wrap:wrap;margin:2mm 0}.card{flex:1 1 38mm;border:1px solid #9aa3ad;border-radius:2mm;padding:2mm 3mm}
        .card .label{font-size:9pt;color:#333}.card .big{font-size:16pt;font-weight:bold}.card .sub{font-size:9pt}
        .callout{border:2px solid #b3261e;background:#fdf1ef;padding:2mm 3mm;border-radius:2mm}.callout.ok{border-color:#0b6b2e;background:#eef7f0}
        .note{color:#444;font-size:8.5pt}
        table.exec{table-layout:fixed}table.exec th{font-size:8.5pt}table.exec th:nth-child(1){width:26%}table.exec th:nth-child(2),table.exec th:nth-child(3){width:15%}
        table.exec th:nth-child(4){width:11%}table.exec th:nth-child(5){width:21%}table.exec th:nth-child(6){width:12%}
        svg{display:block;max-width:100%;height:auto;margin:1mm 0 2mm}
        ol.defs{font-size:8pt;color:#333;padding-left:5mm}
        @media print{.no-print{display:none}body{-webkit-print-color-adjust:exact;print-color-adjust:exact}main.sheet{padding:0;max-width:none}}
        """

    // MARK: figures

    /// A figure in its KPI's unit, — when undefined.
    static func figure(_ kpi: String, _ value: Double?, _ catalog: KPICatalog) -> String {
        NumberFormat.format(value, unit: catalog[kpi]?.unit ?? .count)
    }

    /// "312 / 1,284" for rates and means (n = … for medians); nil for counts and sums.
    static func detail(_ kpi: String, _ value: KPIValue?, _ catalog: KPICatalog) -> String? {
        guard let d = catalog[kpi], let value else { return nil }
        return KPICard.detail(value, kind: d.kind, unit: d.unit)
    }

    static func valueCell(_ kpi: String, _ value: KPIValue?, _ catalog: KPICatalog, dataKPI: Bool = true) -> HTML {
        var children: [HTML] = [.text(figure(kpi, value?.value, catalog))]
        if let d = detail(kpi, value, catalog) { children.append(.el("span", ["class": "detail"], d)) }
        return .el("td", ["class": "n", "data-kpi": dataKPI ? kpi : nil], children)
    }

    static func numberCell(_ text: String, _ cls: String? = nil) -> HTML { .el("td", ["class": "n" + (cls.map { " " + $0 } ?? "")], text) }

    /// An achievement with its symbol: ● at or above 100 %, ▼ below (never colour alone).
    static func achievementCell(_ actual: Double?, _ target: Double?, lowerIsBetter: Bool = false) -> HTML {
        guard let a = DashboardMath.achievement(actual: actual ?? (target == nil ? nil : 0), target: target) else {
            return numberCell(NumberFormat.undefined)
        }
        let good = lowerIsBetter ? a <= 1 : a >= 1
        return numberCell(NumberFormat.percent(a) + " " + (good ? "●" : "▼"), good ? "good" : "bad")
    }

    static func kpiName(_ kpi: String, _ l: Language, _ catalog: KPICatalog) -> String { catalog[kpi]?.name(l) ?? kpi }

    static func th(_ text: String, numeric: Bool = false, colspan: Int? = nil) -> HTML {
        .el("th", ["class": numeric ? "n" : nil, "colspan": colspan.map(String.init)], text)
    }

    /// The definitions of the KPIs shown (catalog formula), so every figure can be re-checked.
    static func definitions(_ kpis: [String], _ l: Language, _ catalog: KPICatalog) -> HTML {
        let items = kpis.compactMap { catalog[$0] }.map { d in
            HTML.el("li", [:], [.el("strong", [:], d.name(l)), .text(": " + d.formula + (d.benchmark.map { " (" + ReportText.benchmark(l) + " " + $0 + ")" } ?? ""))])
        }
        return .el("section", ["class": "defs"], [.el("h2", [:], ReportText.definitions(l)), .el("ol", ["class": "defs"], items)])
    }
}
