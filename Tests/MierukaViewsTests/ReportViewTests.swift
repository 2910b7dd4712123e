import Foundation
import MierukaCore
import MierukaViews
import Testing

/// The report pages as HTML: figures as users read them (1,234, ¥, %, —), names escaped, Japanese first with English.
@Suite("Report views")
struct ReportViewTests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    static func header(_ kind: ReportKind, _ from: String, _ to: String, scope: ReportScope = .org) -> ReportHeader {
        ReportHeader(kind: kind, scope: scope, from: d(from), to: d(to), generatedOn: d("2026-06-16"), generatedMinute: 510, timeZone: "Asia/Tokyo")
    }

    @Test("daily: counts with separators, achievement with a symbol, the rep's name escaped, — without a target")
    func daily() {
        let evil = "<script>alert('x')</script> & 佐藤"
        let report = DailyReport(
            header: Self.header(.daily, "2026-06-15", "2026-06-16", scope: .team("IS<1>")), isBusinessDay: true,
            total: ["calls": .total(1234), "connects": .total(300), "appointments": .total(0)], totalTargets: ["calls": 1000],
            rows: [.init(repId: "R1", name: evil, values: ["calls": .total(1234), "connects": .total(300)], targets: ["calls": 1500])])

        let html = ReportView.render(.daily(report), language: .ja, alternate: "daily_en.html")
        let en = ReportView.render(.daily(report), language: .en)

        #expect(html.hasPrefix("<!doctype html>") && html.contains("<html lang=\"ja\">"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 佐藤"))
        #expect(html.contains("IS&lt;1&gt;") && !html.contains("IS<1>"))
        #expect(html.contains("1,234") && html.contains("1,500") && html.contains("82.3% ▼") && html.contains("123.4% ●"))
        #expect(html.contains("日次レポート") && html.contains("2026-06-15 (月)") && html.contains("08:30 (Asia/Tokyo)"))
        #expect(html.contains("href=\"daily_en.html\"") && html.contains(">English<"))
        #expect(html.contains("@page{size:A4") && html.contains("@media print"))
        #expect(html.contains("<svg") && html.contains("</svg>"))
        // Connects have no target: the target and the achievement read —.
        #expect(html.contains("<td class=\"n\">—</td>"))
        #expect(en.contains("<html lang=\"en\">") && en.contains("Daily report") && en.contains("Achievement"))
        #expect(!html.contains("summed-targets"), "no note when the scope's own targets are shown")
    }

    @Test("daily: a total target summed from the reps' is marked Σ and explained")
    func dailySummedTarget() {
        let report = DailyReport(
            header: Self.header(.daily, "2026-06-15", "2026-06-16", scope: .team("IS1")), isBusinessDay: true,
            total: ["calls": .total(90)], totalTargets: ["calls": 120], summedTargets: ["calls"],
            rows: [.init(repId: "R1", name: "佐藤", values: ["calls": .total(50)], targets: ["calls": 60]),
                   .init(repId: "R2", name: "鈴木", values: ["calls": .total(40)], targets: ["calls": 60])])

        let html = ReportView.render(.daily(report), language: .ja)
        let en = ReportView.render(.daily(report), language: .en)

        #expect(html.contains("<td class=\"n\">120 Σ</td>") && html.contains("75.0% ▼"))
        #expect(html.contains("data-note=\"summed-targets\"") && html.contains("担当者の日次目標の合計"))
        #expect(en.contains("the sum of its reps&#39; daily targets") || en.contains("the sum of its reps' daily targets"))
    }

    @Test("weekly: the bottleneck with its advice, rates with numerator / denominator and the change in points")
    func weekly() {
        let this: [String: KPIValue] = ["calls": .total(1000), "connects": .total(250), "valid_conversations": .total(125), "appointments": .total(10),
                                        "meetings": .total(8), "wins": .total(2)]
        let last: [String: KPIValue] = ["calls": .total(900), "connects": .total(180), "valid_conversations": .total(100), "appointments": .total(16),
                                        "meetings": .total(12), "wins": .total(3)]
        let report = WeeklyReport(header: Self.header(.weekly, "2026-06-08", "2026-06-15"), thisWeek: this, lastWeek: last)

        let html = ReportView.render(.weekly(report), language: .ja)

        let bottleneck = report.bottleneck
        #expect(bottleneck?.figure.step == .appointment, "10 ÷ 125 = 8 % against 15 % is the furthest below")
        #expect(html.contains("data-bottleneck=\"appointment_rate\""))
        #expect(html.contains(FunnelAdvice.of(.appointment).action(.ja)))
        #expect(html.contains("25.0%") && html.contains("250 / 1,000") && html.contains("+5.0pt"))
        #expect(html.contains("8.0%") && html.contains("10 / 125"))
    }

    @Test("monthly: target, achievement, landing and the phase")
    func monthly() {
        let line = ForecastLine(kpi: "calls", group: "org", actual: 700, landing: 1540, target: 1400, pace: 1.1, landingAchievement: 1.1)
        let report = MonthlyReport(header: Self.header(.monthly, "2026-06-01", "2026-07-01"), businessDaysElapsed: 10, businessDaysTotal: 22,
                                   values: ["calls": .total(700)], lines: [line], phase: .growth, phaseReasonJa: "理由<b>", phaseReasonEn: "why")
        let html = ReportView.render(.monthly(report), language: .ja)
        #expect(html.contains("2026年6月") && html.contains("成長期") && html.contains("理由&lt;b&gt;"))
        #expect(html.contains("1,400") && html.contains("1,540") && html.contains("50.0% ▼") && html.contains("110.0%"))
        #expect(html.contains("10 / 22"))
    }

    @Test("executive: yen, numerator and denominator, year over year, — for undefined")
    func executive() {
        let report = ExecutiveReport(
            header: Self.header(.executive, "2026-06-01", "2026-07-01"), priorFrom: Self.d("2025-06-01"), priorTo: Self.d("2025-07-01"),
            current: ["won_amount": .total(5_250_000), "cac": .ratio(1_200_000, 3), "roi": .ratio(4_050_000, 1_200_000), "forecast_accuracy": .undefined],
            prior: ["won_amount": .total(4_200_000)], monthly: [(YearMonth(year: 2026, month: 6), .total(5_250_000), .total(4_200_000))])
        let html = ReportView.render(.executive(report), language: .ja)
        #expect(html.contains("¥5,250,000") && html.contains("¥4,200,000") && html.contains("+25.0%"))
        #expect(html.contains("¥400,000") && html.contains("¥1,200,000") && html.contains(">3<"), "CAC = ¥1,200,000 ÷ 3")
        #expect(html.contains("337.5%") && html.contains("¥4,050,000"), "ROI = (won − cost) ÷ cost")
        #expect(html.contains("data-kpi=\"forecast_accuracy\"") && html.contains("パイプライン予測精度"))
        #expect(html.contains("2025-06-01〜2025-06-30"))
        #expect(html.contains("¥525万") && ReportView.render(.executive(report), language: .en).contains("¥4.2M"), "the monthly chart's labels")
    }
}
