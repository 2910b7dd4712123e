import MierukaCore
import Testing

@testable import MierukaViews

@Suite("Dashboard model")
struct DashboardModelTests {
    @Test("achievement = actual ÷ target; undefined without a target, with target 0 or without an actual")
    func achievement() {
        #expect(DashboardMath.achievement(actual: 50, target: 200) == 0.25)
        #expect(DashboardMath.achievement(actual: 50, target: 0) == nil)
        #expect(DashboardMath.achievement(actual: 50, target: nil) == nil)
        #expect(DashboardMath.achievement(actual: nil, target: 100) == nil)
    }

    @Test("pace = actual ÷ (target × elapsed ÷ total); undefined at elapsed 0 and target 0")
    func pace() {
        // 60 ÷ (220 × 10 ÷ 22 = 100) = 0.6
        #expect(DashboardMath.pace(actual: 60, target: 220, elapsed: 10, total: 22) == 0.6)
        #expect(DashboardMath.pace(actual: 60, target: 220, elapsed: 0, total: 22) == nil)
        #expect(DashboardMath.pace(actual: 60, target: 0, elapsed: 10, total: 22) == nil)
        #expect(DashboardMath.pace(actual: nil, target: 220, elapsed: 10, total: 22) == nil)
    }

    @Test("landing = actual + actual ÷ elapsed × (total − elapsed); undefined at elapsed 0")
    func landing() {
        // 60 + 60 ÷ 10 × 12 = 132
        #expect(DashboardMath.landing(actual: 60, elapsed: 10, total: 22) == 132)
        #expect(DashboardMath.landing(actual: 60, elapsed: 0, total: 22) == nil)
        #expect(DashboardMath.landing(actual: 60, elapsed: 22, total: 22) == 60)
        #expect(DashboardMath.landing(actual: nil, elapsed: 10, total: 22) == nil)
    }

    @Test("the calls card: 1,234 of 2,100 at 12/22 business days")
    func callsCard() throws {
        let model = DashboardModel(DashboardFixture.input())
        #expect(model.cardGroups.map(\.layer) == [.action, .tactical, .strategic])
        let calls = try #require(model.cardGroups[0].cards.first { $0.kpi == "calls" })
        #expect(calls.actualText == "1,234")
        #expect(calls.targetText == "2,100")
        // 1234 ÷ 2100 = 0.58762 → 58.8%
        #expect(calls.achievementText == "58.8%")
        // 1234 ÷ (2100 × 12 ÷ 22 = 1145.45) = 1.07730 → 107.7%
        #expect(calls.paceText == "107.7%")
        // 1234 + 1234 ÷ 12 × 10 = 2262.33 → 2,262
        #expect(calls.landingText == "2,262")
        #expect(calls.landingMeetsTarget == true)
        #expect(calls.tone == .good)
    }

    @Test("target 0, no target, elapsed 0 and undefined values read as —")
    func undefinedFigures() throws {
        let model = DashboardModel(DashboardFixture.input(elapsed: 0))
        let cards = model.cardGroups.flatMap(\.cards)
        let emails = try #require(cards.first { $0.kpi == "emails_sent" })
        #expect(emails.achievement == nil && emails.achievementText == "—")
        let calls = try #require(cards.first { $0.kpi == "calls" })
        #expect(calls.pace == nil && calls.landing == nil)
        #expect(calls.paceText == "—")
        let win = try #require(cards.first { $0.kpi == "win_rate" })
        #expect(win.actualText == "—")
        #expect(win.judgement == nil && win.tone == .neutral)
        let connect = try #require(cards.first { $0.kpi == "connect_rate" })
        #expect(connect.detailText == "312 / 1,234")
        #expect(connect.bandText == "20–30%")
        #expect(connect.judgement == .within)
        #expect(connect.pace == nil && connect.landing == nil)
        // 22 ÷ 40
        let appointments = try #require(cards.first { $0.kpi == "appointments" })
        #expect(appointments.achievementText == "55.0%")
    }

    @Test("bands come from the catalog data and judge below / within / above at inclusive bounds")
    func bands() throws {
        let catalog = KPICatalog.standard
        #expect(catalog.definitions.filter { $0.band != nil }.count == 25)
        let connect = try #require(catalog["connect_rate"]?.band)
        #expect(connect == KPIBand(low: 0.20, high: 0.30))
        #expect(connect.judge(0.19) == .below)
        #expect(connect.judge(0.20) == .within)
        #expect(connect.judge(0.30) == .within)
        #expect(connect.judge(0.31) == .above)
        #expect(catalog["win_rate"]?.band == KPIBand(low: 0.25))
        #expect(catalog["meeting_rate"]?.band == KPIBand(low: 0.5))
        #expect(catalog["cpl"]?.band == KPIBand(low: 3000, high: 15000))
        #expect(catalog["calls"]?.band == nil)
        for id in ["cac", "cpl", "first_response_minutes_avg", "first_response_minutes_median"] {
            #expect(catalog[id]?.prefersLower == true, "\(id)")
        }
        #expect(catalog["win_rate"]?.prefersLower == false)
    }

    @Test("lower-is-better KPIs never call above good")
    func lowerIsBetter() throws {
        #expect(DashboardMath.tone(.above, lowerIsBetter: false) == .good)
        #expect(DashboardMath.tone(.above, lowerIsBetter: true) == .bad)
        #expect(DashboardMath.tone(.below, lowerIsBetter: true) == .good)
        #expect(DashboardMath.tone(.below, lowerIsBetter: false) == .bad)
        let model = DashboardModel(DashboardFixture.input())
        // CAC ¥600,000 against ≤ ¥500,000: above, and bad.
        let cac = try #require(model.cardGroups.flatMap(\.cards).first { $0.kpi == "cac" })
        #expect(cac.judgement == .above)
        #expect(cac.tone == .bad)
        #expect(cac.bandText == "≤ ¥500,000")
        #expect(cac.detailText == "¥2,400,000 / 4")
    }

    @Test("the bottleneck is the step furthest below its band: valid conversations → appointments")
    func bottleneck() throws {
        let funnel = DashboardModel(DashboardFixture.input()).funnel
        #expect(funnel.stages.map(\.countText) == ["1,234", "312", "158", "22", "17", "4"])
        // 312/1234 = 25.3% (within 20–30), 158/312 = 50.6% (within 50–70), 22/158 = 13.9% (−7.2% of 15%),
        // 17/22 = 77.3% (≥ 50), 4/17 = 23.5% (−5.9% of 25%).
        #expect(funnel.steps.map(\.rateText) == ["25.3%", "50.6%", "13.9%", "77.3%", "23.5%"])
        #expect(funnel.steps.filter(\.isBottleneck).count == 1)
        let b = try #require(funnel.bottleneck)
        #expect(b.benchmarkKPI == "appointment_rate")
        #expect(b.advice == "トークスクリプトとヒアリング項目の見直しを")
        #expect(abs(b.shortfall! - (0.15 - 22.0 / 158) / 0.15) < 1e-12)
        #expect(funnel.steps[4].judgement == .below && !funnel.steps[4].isBottleneck)
    }

    @Test("no bottleneck when every step is within its band; a zero stage makes the next rate undefined")
    func noBottleneck() {
        let healthy: [String: KPIValue] = [
            "calls": .total(100), "connects": .total(25), "valid_conversations": .total(15), "appointments": .total(3),
            "meetings": .total(2), "wins": .total(1),
        ]
        let f = Funnel(values: healthy, language: .en)
        #expect(f.bottleneck == nil)
        #expect(f.steps[0].advice == "Review list quality and calling hours")
        let empty = Funnel(values: ["calls": .total(0), "connects": .total(0)], language: .ja)
        #expect(empty.steps[0].rate == nil && empty.steps[0].rateText == "—")
        #expect(empty.bottleneck == nil)
    }

    @Test("rep rows: counts and rates side by side, achievement against the rep's own target")
    func repRows() throws {
        let model = DashboardModel(DashboardFixture.input())
        #expect(model.repAchievementKPI == "appointments")
        let sato = try #require(model.repRows.first { $0.repId == "r1" })
        #expect(sato.name == "佐藤")
        #expect(sato.connectRate == 37.0 / 125)
        #expect(sato.connectJudgement == .within)
        #expect(sato.achievement == 0.5)  // 4 ÷ 8
        let suzuki = try #require(model.repRows.first { $0.repId == "r2" })
        #expect(suzuki.achievement == 1.2)  // 6 ÷ 5
        #expect(suzuki.validOpportunityJudgement == .below)  // 1/3
        let none = try #require(model.repRows.first { $0.repId == "r3" })
        #expect(none.achievement == nil && none.connectRate == nil)
    }

    @Test("rep table sorts by the query's key and direction; missing figures last either way")
    func sorting() {
        let rows = [
            RepRow(
                repId: "a", name: "A", calls: 100, achievement: nil, connects: nil, connectRate: 0.2, appointments: 1, validOpportunities: nil,
                validOpportunityRate: nil, wonAmount: 5),
            RepRow(
                repId: "b", name: "B", calls: nil, achievement: 0.9, connects: nil, connectRate: nil, appointments: 2, validOpportunities: nil,
                validOpportunityRate: nil, wonAmount: nil),
            RepRow(
                repId: "c", name: "C", calls: 300, achievement: 1.1, connects: nil, connectRate: 0.3, appointments: 0, validOpportunities: nil,
                validOpportunityRate: nil, wonAmount: 9),
            RepRow(
                repId: "d", name: "D", calls: 100, achievement: nil, connects: nil, connectRate: 0.1, appointments: 3, validOpportunities: nil,
                validOpportunityRate: nil, wonAmount: 1),
        ]
        #expect(RepRow.sorted(rows, by: RepSort(sort: "calls", dir: "desc")).map(\.repId) == ["c", "a", "d", "b"])
        #expect(RepRow.sorted(rows, by: RepSort(sort: "calls", dir: "asc")).map(\.repId) == ["a", "d", "c", "b"])
        #expect(RepRow.sorted(rows, by: RepSort(sort: "achievement", dir: "desc")).map(\.repId) == ["c", "b", "a", "d"])
        #expect(RepRow.sorted(rows, by: RepSort(sort: "connect_rate", dir: "asc")).map(\.repId) == ["d", "a", "c", "b"])
        #expect(RepRow.sorted(rows, by: RepSort(sort: "won_amount", dir: "desc")).map(\.repId) == ["c", "a", "d", "b"])
        #expect(RepRow.sorted(rows, by: RepSort(sort: "name", dir: "desc")).map(\.repId) == ["d", "c", "b", "a"])
        #expect(RepSort(sort: "bogus", dir: nil) == RepSort(key: .calls, direction: .desc))
        #expect(RepSort(sort: "name", dir: nil) == RepSort(key: .name, direction: .asc))
        let model = DashboardModel(DashboardFixture.input(sort: RepSort(key: .appointments, direction: .asc)))
        #expect(model.repRows.map(\.repId) == ["r3", "r1", "r2"])
    }

    @Test("trend: cumulative actual and the target pace spread over the days given")
    func trend() throws {
        let model = DashboardModel(DashboardFixture.input(elapsed: 3))
        let calls = try #require(model.trends.first { $0.kpi == "calls" })
        #expect(calls.cumulative == [100, 220, 310])
        // 2100 × 3 ÷ 22 = 286.36 at the last day, spread evenly
        let pace = try #require(calls.pace)
        #expect(abs(pace[2] - 2100.0 * 3 / 22) < 1e-9)
        #expect(abs(pace[0] - 2100.0 * 3 / 22 / 3) < 1e-9)
        let appointments = try #require(model.trends.first { $0.kpi == "appointments" })
        #expect(appointments.cumulative == [2, 3, 3])
    }
}

@Suite("Dashboard card: today's need")
struct TodayNeedTests {
    @Test("what each business day left needs: (target − actual) ÷ days left, rounded up for counts; none without target or for rates")
    func need() throws {
        let calls = try #require(KPICatalog.standard["calls"])
        let card = KPICard(definition: calls, value: .total(400), target: 1_000, elapsed: 9, total: 18, language: .ja, daysLeft: 10)
        #expect(card.todayNeed == 60 && card.todayNeedText == "60")
        let odd = KPICard(definition: calls, value: .total(401), target: 1_000, elapsed: 9, total: 18, language: .ja, daysLeft: 10)
        #expect(odd.todayNeed == 60)  // 59.9 → 60
        let done = KPICard(definition: calls, value: .total(1_200), target: 1_000, elapsed: 9, total: 18, language: .ja, daysLeft: 10)
        #expect(done.todayNeed == 0)
        #expect(KPICard(definition: calls, value: .total(400), target: nil, elapsed: 9, total: 18, language: .ja, daysLeft: 10).todayNeed == nil)
        #expect(KPICard(definition: calls, value: .total(400), target: 1_000, elapsed: 18, total: 18, language: .ja, daysLeft: 0).todayNeed == nil)
        let rate = try #require(KPICatalog.standard["connect_rate"])
        #expect(KPICard(definition: rate, value: .ratio(1, 4), target: 0.3, elapsed: 9, total: 18, language: .ja, daysLeft: 10).todayNeed == nil)
    }
}
