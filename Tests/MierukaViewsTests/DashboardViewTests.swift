import Foundation
import MierukaCore
import Testing

@testable import MierukaViews

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Dashboard HTML")
struct DashboardViewTests {
    static let ja = DashboardView.render(DashboardModel(DashboardFixture.input()))
    static let en = DashboardView.render(DashboardModel(DashboardFixture.input(language: .en)))

    @Test("a complete HTML5 page in Japanese with the key figures formatted")
    func japanese() {
        let html = Self.ja
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.hasSuffix("</html>\n"))
        for text in [
            "1,234", "29.6%", "¥850,000", "—", "58.8%", "107.7%", "2,262", "行動KPI", "戦術KPI", "戦略KPI", "架電数", "コネクト率",
            "目安 20–30%", "(営業日 12/22)", "2026年6月", "今月", "担当者別", "ボトルネック", "トークスクリプトとヒアリング項目の見直しを",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains("Action KPIs"))
    }

    @Test("English when asked, with names from the catalog")
    func english() {
        let html = Self.en
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for text in [
            "Action KPIs", "Tactical KPIs", "Calls", "Connect rate", "June 2026", "(business day 12 of 22)", "Bottleneck",
            "Review the talk script and hearing items", "This month", "By rep",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains("架電数"))
    }

    @Test("each card carries its KPI id and raw value as the API writes it; the visible text stays formatted")
    func cardDataAttributes() {
        for html in [Self.ja, Self.en] {
            for (kpi, value, shown) in [
                ("calls", "1234", "1,234"), ("connect_rate", "0.25283630470016205", "25.3%"), ("won_amount", "850000", "¥850,000"),
                ("win_rate", "null", "—"), ("cac", "600000", "¥600,000"),
            ] {
                let start = html.range(of: #"id="kpi-\#(kpi)" data-kpi="\#(kpi)" data-value="\#(value)">"#)
                #expect(start != nil, "no card \(kpi) with data-value \(value)")
                guard let start, let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex) else { continue }
                #expect(html[start.upperBound..<end.lowerBound].contains(">\(shown)</a>"), "card \(kpi) does not show \(shown)")
            }
            // Every card has both attributes, and only cards have them.
            let cards = html.components(separatedBy: #"<article class="card "#).count - 1
            #expect(cards > 0)
            #expect(html.components(separatedBy: " data-kpi=\"").count - 1 == cards)
            #expect(html.components(separatedBy: " data-value=\"").count - 1 == cards)
        }
    }

    @Test("text from data is escaped: a rep and a title named <script>")
    func escaping() {
        let html = DashboardView.render(DashboardModel(DashboardFixture.input(title: "<script>x()</script> & 'co'")))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;x()&lt;/script&gt; &amp; &#39;co&#39;"))
        #expect(html.contains("&quot;注意&quot;"))
        #expect(HTML.escape(#"a&b<c>"d'"#) == "a&amp;b&lt;c&gt;&quot;d&#39;")
        #expect(HTML.el("a", ["href": "/x?a=1&b=\"2\""], "<b>").rendered == "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a>")
    }

    @Test("no request leaves the host: no absolute URLs, scripts, external styles or images")
    func selfContained() {
        for html in [Self.ja, Self.en] {
            for forbidden in ["http://", "https://", "<script", "src=", "@import", "url(", "<link", "href=\"//"] {
                #expect(!html.contains(forbidden), "found \(forbidden)")
            }
            #expect(html.contains("<style>"))
            #expect(html.contains("@media print"))
            #expect(html.contains("A4 landscape"))
        }
    }

    @Test("every figure links to its records; switchers and sort headers are plain links")
    func links() {
        let html = Self.ja
        #expect(html.contains(#"<a href="/records?kpi=calls&amp;group=org&amp;from=2026-06-01&amp;to=2026-07-01">1,234</a>"#))
        #expect(html.contains(#"<a href="/records?kpi=won_amount&amp;group=org&amp;from=2026-06-01&amp;to=2026-07-01">¥850,000</a>"#))
        #expect(html.contains(#"<a href="/records?kpi=connect_rate&amp;group=r1&amp;from=2026-06-01&amp;to=2026-07-01">29.6%</a>"#))
        #expect(html.contains(#"href="/dashboard?period=quarter&amp;lang=ja&amp;sort=calls&amp;dir=desc""#))
        #expect(html.contains(#"href="/dashboard?period=month&amp;lang=en&amp;sort=calls&amp;dir=desc""#))
        // The current sort column flips direction; the others start descending.
        #expect(html.contains(#"href="/dashboard?period=month&amp;lang=ja&amp;sort=calls&amp;dir=asc""#))
        #expect(html.contains(#"href="/dashboard?period=month&amp;lang=ja&amp;sort=won_amount&amp;dir=desc""#))
        #expect(html.contains(#"aria-sort="descending""#))
    }

    @Test("the funnel marks exactly one bottleneck, with a symbol and not only colour")
    func funnelBottleneck() {
        let html = Self.ja
        #expect(html.components(separatedBy: "data-bottleneck=").count == 2)
        #expect(html.contains(#"data-bottleneck="appointment_rate""#))
        #expect(html.components(separatedBy: "▲ ボトルネック</text>").count == 2)
        #expect(html.contains("↓ 13.9% (15–25%) ▼"))
    }

    @Test("charts are inline SVG that parse as XML")
    func svgParses() throws {
        for html in [Self.ja, Self.en] {
            let fragments = Self.svgFragments(html)
            #expect(fragments.count == 3)  // funnel, calls trend, appointments trend
            for fragment in fragments {
                let parser = XMLParser(data: Data(fragment.utf8))
                #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") in \(fragment.prefix(200))")
            }
            #expect(html.contains("class=\"pace-line\""))
            #expect(html.contains("class=\"actual-line\""))
        }
    }

    @Test("an empty day list still renders a chart, and an empty rep list a row")
    func emptyInputs() throws {
        var input = DashboardFixture.input()
        input.daily = []
        input.byRep = []
        input.alerts = []
        let html = DashboardView.render(DashboardModel(input))
        #expect(html.contains("データなし"))
        #expect(!html.contains("role=\"alert\""))
        for fragment in Self.svgFragments(html) { #expect(XMLParser(data: Data(fragment.utf8)).parse()) }
    }

    static func svgFragments(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }
}
