import MierukaCore
import Testing

/// Each SMART letter failing and passing, with the reason and its numbers worked out by hand.
@Suite("SMART check of targets")
struct SMARTCheckTests {
    static let june = LocalDate(year: 2026, month: 6, day: 1)
    static let everything: Set<RecordedData> = [.leads, .activities, .opportunities, .customers, .costs]

    static func target(_ kpi: String, _ value: Double, scope: TargetScope = .team, period: TargetPeriod = .month, start: LocalDate = june) -> Target {
        Target(kpi: kpi, scope: scope, scopeId: scope == .org ? nil : scope == .team ? "IS1" : "R1", period: period, periodStart: start, value: value)
    }

    static func history(best: Double? = nil, bestDays: Int = 20, head: Int = 5, days: Int = 20, week: Double? = nil) -> TargetHistory {
        TargetHistory(
            bestMonth: best.map { .init(month: YearMonth(year: 2026, month: 3), value: $0, businessDays: bestDays) }, monthsLookedAt: 6,
            headCount: head, businessDays: days,
            bestRepWeek: week.map { .init(repId: "R2", weekStart: LocalDate(year: 2026, month: 4, day: 6), value: $0) })
    }

    static func check(_ t: Target, _ h: TargetHistory? = nil, recorded: Set<RecordedData> = everything, phase: Phase? = .launch) -> SMARTResult {
        SMARTCheck(recorded: recorded, phase: phase).check(t, history: h)
    }

    // MARK: - S

    @Test("S: one catalog KPI passes; an unknown id or several KPIs in one fail, and M, A, R cannot be judged")
    func specific() {
        #expect(Self.check(Self.target("calls", 100)).finding(.specific).verdict == .pass)
        let unknown = Self.check(Self.target("calls_made", 100))
        #expect(unknown.finding(.specific).verdict == .fail)
        #expect(unknown.finding(.specific).reasonEn == "\"calls_made\" is not a catalog KPI id (mieruka catalog lists them)")
        #expect(unknown.finding(.measurable).verdict == .notJudged)
        #expect(unknown.finding(.relevant).verdict == .notJudged)
        #expect(unknown.finding(.timeBound).verdict == .pass)
        let several = Self.check(Self.target("calls,connects", 100))
        #expect(several.finding(.specific).reasonJa == "「calls,connects」は複数のKPIを一つの目標にしています:KPIごとに目標を分けてください")
        #expect(!several.passes)
    }

    // MARK: - M

    @Test("M: calls need activities, appointments opportunities, CAC costs and opportunities")
    func measurable() {
        let noActivities = Self.check(Self.target("calls", 100), recorded: [.leads, .opportunities])
        #expect(noActivities.finding(.measurable).verdict == .fail)
        #expect(noActivities.finding(.measurable).reasonJa == "架電数に必要な活動(架電・メール)のデータが1件もありません")
        #expect(noActivities.finding(.measurable).reasonEn == "calls needs activities (calls, emails), and there is none")
        #expect(Self.check(Self.target("appointments", 10), recorded: [.activities]).finding(.measurable).verdict == .fail)
        #expect(Self.check(Self.target("appointments", 10), recorded: [.opportunities]).finding(.measurable).verdict == .pass)
        let cac = Self.check(Self.target("cac", 500_000, scope: .org), recorded: [.opportunities])
        #expect(cac.finding(.measurable).reasonEn == "cac needs costs, and there is none")
        #expect(Self.check(Self.target("cac", 500_000, scope: .org), recorded: [.opportunities, .costs]).finding(.measurable).reasonEn
                == "the data it needs (opportunities, costs) is there")
        // forecast_accuracy needs recorded forecasts.
        #expect(Self.check(Self.target("forecast_accuracy", 0.9, scope: .org)).finding(.measurable).verdict == .fail)
        #expect(Self.check(Self.target("forecast_accuracy", 0.9, scope: .org), recorded: [.opportunities, .forecasts]).finding(.measurable).verdict == .pass)
    }

    @Test("every catalog KPI says which records it needs")
    func needsCoverCatalog() {
        for id in KPICatalog.standard.ids { #expect(RecordedData.needed(by: id)?.isEmpty == false, "\(id)") }
    }

    // MARK: - A

    @Test("A: above 1.3 × the best month fails with the numbers; exactly 1.3 × passes")
    func bestMonth() {
        // Best month 90 → 1.3 × 90 = 117.
        let above = Self.check(Self.target("appointments", 120), Self.history(best: 90))
        #expect(above.finding(.achievable).verdict == .fail)
        #expect(above.finding(.achievable).reasonJa == "目標120は過去6ヶ月の最高月(2026-03:90)の1.3倍=117を超えています")
        #expect(above.finding(.achievable).reasonEn == "target 120 against 1.3 × the best of the last 6 months (90 in 2026-03) = 117: above it")
        let at = Self.check(Self.target("appointments", 117), Self.history(best: 90))
        #expect(at.finding(.achievable).verdict == .pass)
        #expect(at.finding(.achievable).reasonJa == "目標117は過去6ヶ月の最高月(2026-03:90)の1.3倍=117以内です。担当者の週次実績がありません")
    }

    @Test("A: the per-rep daily volume against the best rep week ÷ 5 (160 calls a day against 95)")
    func perRepDaily() {
        // 16,000 ÷ 5 reps ÷ 20 days = 160 a day; best week 475 ÷ 5 = 95. The month check passes (best 15,000 × 1.3 = 19,500).
        let r = Self.check(Self.target("calls", 16_000), Self.history(best: 15_000, head: 5, days: 20, week: 475))
        let a = r.finding(.achievable)
        #expect(a.verdict == .fail)
        #expect(a.reasonJa == "1人1日160件の架電が必要ですが(16,000÷5人÷20営業日)、最も多い週でも1日95件でした(R2、2026-04-06の週:475÷5)")
        #expect(a.reasonEn == "needs 160 calls/day per rep (16,000 ÷ 5 reps ÷ 20 business days); the best week was 95/day (R2, week of 2026-04-06: 475 ÷ 5)")
        // 9,000 ÷ 5 ÷ 20 = 90 a day: within both.
        let ok = Self.check(Self.target("calls", 9_000), Self.history(best: 15_000, head: 5, days: 20, week: 475))
        #expect(ok.finding(.achievable).verdict == .pass)
        #expect(ok.finding(.achievable).reasonEn.contains("90 calls/day per rep (9,000 ÷ 5 reps ÷ 20 business days) is within the best week's 95/day"))
    }

    @Test("A: both checks fail → both reasons; the per-rep check is for action volumes only")
    func bothFail() {
        let r = Self.check(Self.target("calls", 16_000), Self.history(best: 10_000, head: 5, days: 20, week: 475))
        #expect(r.finding(.achievable).reasonEn.contains("= 13,000: above it; needs 160 calls/day per rep"))
        // connect_rate is a rate: only the month check, unscaled (best 25 % → cap 32.5 %).
        let rate = Self.check(Self.target("connect_rate", 0.4), Self.history(best: 0.25, week: 1))
        #expect(rate.finding(.achievable).reasonEn == "target 40.0% against 1.3 × the best of the last 6 months (25.0% in 2026-03) = 32.5%: above it")
    }

    @Test("A: a day target is compared per business day of the best month")
    func dayTarget() {
        // Best month 2,000 over 20 business days = 100 a day → cap 130 for a 1-day target of 200.
        let r = Self.check(Self.target("calls", 200, scope: .rep, period: .day, start: LocalDate(year: 2026, month: 6, day: 2)),
                           Self.history(best: 2_000, bestDays: 20, head: 1, days: 1))
        #expect(r.finding(.achievable).verdict == .fail)
        #expect(r.finding(.achievable).reasonEn.hasPrefix(
            "target 200 against 1.3 × the best of the last 6 months (2,000 in 2026-03 over 20 business days) per business day × 1 business days = 130: above it"))
    }

    @Test("A: lower is better (CAC): a target below the best month ÷ 1.3 fails")
    func lowerIsBetter() {
        // Best (lowest) CAC 520,000 → 520,000 ÷ 1.3 = 400,000.
        let tight = Self.check(Self.target("cac", 390_000, scope: .org), Self.history(best: 520_000))
        #expect(tight.finding(.achievable).verdict == .fail)
        #expect(tight.finding(.achievable).reasonJa == "目標¥390,000は過去6ヶ月の最良月(2026-03:¥520,000)÷1.3=¥400,000を下回っています")
        #expect(Self.check(Self.target("cac", 400_000, scope: .org), Self.history(best: 520_000)).finding(.achievable).verdict == .pass)
    }

    @Test("A: without history it is not judged, and a target is not failed for it")
    func noHistory() {
        let r = Self.check(Self.target("appointments", 50), Self.history(best: nil))
        #expect(r.finding(.achievable).verdict == .notJudged)
        #expect(r.finding(.achievable).reasonEn.hasPrefix("no figure for appointments in the last 6 months"))
        #expect(r.passes)
        #expect(Self.check(Self.target("appointments", 50), nil).finding(.achievable).verdict == .notJudged)
    }

    // MARK: - R

    @Test("R: the KGI chain, or the current phase's KPI set")
    func relevant() {
        #expect(Self.check(Self.target("calls", 1)).finding(.relevant).reasonEn == "on the chain worked back from the KGI (won_amount)")
        // quality_score_avg is not on the chain, but it is in the growth preset.
        #expect(Self.check(Self.target("quality_score_avg", 75), phase: .growth).finding(.relevant).verdict == .pass)
        let launch = Self.check(Self.target("quality_score_avg", 75), phase: .launch).finding(.relevant)
        #expect(launch.verdict == .fail)
        #expect(launch.reasonJa == "商談品質スコアはKGI(受注貢献金額)へ逆算する連鎖上になく、現在のフェーズ(立ち上げ期)のKPIセットにもありません")
        #expect(Self.check(Self.target("talk_minutes", 1000), phase: nil).finding(.relevant).reasonEn
                == "talk_minutes is not on the chain worked back from the KGI (won_amount) (phase not diagnosed)")
        for id in KGIChain.kpis { #expect(KPICatalog.standard[id] != nil, "\(id)") }
    }

    // MARK: - T

    @Test("T: a period that starts on its first day has a deadline; one that does not fails")
    func timeBound() {
        let month = Self.check(Self.target("calls", 1)).finding(.timeBound)
        #expect(month.verdict == .pass)
        #expect(month.reasonJa == "期限は2026-06-30(2026-06-01〜2026-06-30)")
        let quarter = Self.check(Self.target("calls", 1, period: .quarter, start: LocalDate(year: 2026, month: 4, day: 1))).finding(.timeBound)
        #expect(quarter.reasonEn == "due by 2026-06-30 (2026-04-01 to 2026-06-30)")
        let off = Self.check(Self.target("calls", 1, start: LocalDate(year: 2026, month: 6, day: 15))).finding(.timeBound)
        #expect(off.verdict == .fail)
        #expect(off.reasonEn == "the month starting 2026-06-15 does not start on its first day (2026-06-01)")
    }

    @Test("a target passes when no letter fails, and the findings come in S, M, A, R, T order")
    func passes() {
        let r = Self.check(Self.target("appointments", 100), Self.history(best: 90))
        #expect(r.findings.map(\.letter) == [.specific, .measurable, .achievable, .relevant, .timeBound])
        #expect(r.passes)
        #expect(r.failing.isEmpty)
    }
}
