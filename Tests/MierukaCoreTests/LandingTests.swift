import MierukaCore
import Testing

@Suite("Landing forecast and pace")
struct LandingTests {
    @Test("landing carries the pace so far over the business days left; pace compares with the target's line")
    func arithmetic() {
        #expect(Landing.value(actual: 100, elapsed: 10, total: 20) == 200)
        #expect(Landing.value(actual: 100, elapsed: 20, total: 20) == 100)  // the month is over: the actual
        #expect(Landing.value(actual: 100, elapsed: 0, total: 20) == nil)  // before the first business day
        #expect(Landing.value(actual: nil, elapsed: 5, total: 20) == nil)
        let pace = Landing.pace(actual: 100, target: 300, elapsed: 10, total: 20)!
        #expect(abs(pace - 100.0 / 150) < 1e-12)
        #expect(Landing.pace(actual: 100, target: 0, elapsed: 10, total: 20) == nil)
        #expect(Landing.applies(to: .count) && Landing.applies(to: .sum) && !Landing.applies(to: .rate) && !Landing.applies(to: .median))
    }

    @Test("forecast lines: counts carried forward against their target, rates shown as to date")
    func lines() {
        let from = LocalDate("2026-05-01")!, to = LocalDate("2026-06-01")!
        let results = [KPIResult(kpi: "calls", group: "org", from: from, to: to, value: .total(450)),
                       KPIResult(kpi: "connect_rate", group: "org", from: from, to: to, value: .ratio(90, 450))]
        let lines = ForecastLine.lines(results, targets: ["org": ["calls": 1_000, "connect_rate": 0.25]], elapsed: 9, total: 18)
        #expect(lines[0].landing == 900 && lines[0].landingAchievement == 0.9 && lines[0].pace == 0.9)
        #expect(lines[1].landing == nil && lines[1].pace == nil && lines[1].actual == 0.2 && lines[1].target == 0.25)
    }

    @Test("the forecast judged for accuracy: the one of the period's middle business day, else the latest before, else the first after")
    func judged() {
        // May 2026 has 18 business days; the middle (9th) is Mon 18 May.
        let from = LocalDate("2026-05-01")!, to = LocalDate("2026-06-01")!
        func s(_ day: String, _ landing: Double) -> ForecastSnapshot {
            ForecastSnapshot(kpi: "won_amount", group: "org", periodFrom: from, periodTo: to, madeOn: LocalDate(day)!, actual: 0, landing: landing)
        }
        let calendar = BusinessCalendar()
        #expect(ForecastSnapshot.judged([s("2026-05-07", 1), s("2026-05-15", 2), s("2026-05-20", 3)], from: from, to: to, calendar: calendar)?.landing == 2)
        #expect(ForecastSnapshot.judged([s("2026-05-18", 4), s("2026-05-20", 3)], from: from, to: to, calendar: calendar)?.landing == 4)
        #expect(ForecastSnapshot.judged([s("2026-05-25", 5), s("2026-05-20", 3)], from: from, to: to, calendar: calendar)?.landing == 3)
        #expect(ForecastSnapshot.judged([s("2026-06-02", 5)], from: from, to: to, calendar: calendar) == nil)  // made after the period
        #expect(ForecastSnapshot.judged([], from: from, to: to, calendar: calendar) == nil)
    }
}
