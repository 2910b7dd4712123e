import Foundation
import MierukaCore
import Testing

@Suite("Periods and the calendar")
struct PeriodTests {
    @Test("ISO weeks start on Monday; quarters and fiscal years follow the April start")
    func grains() {
        let d = Fixture.d
        #expect(PeriodGrain.week.start(of: d("2026-05-03"), fiscalYearStartMonth: 4) == d("2026-04-27"))  // Sunday → Monday before
        #expect(PeriodGrain.week.start(of: d("2026-05-04"), fiscalYearStartMonth: 4) == d("2026-05-04"))
        #expect(PeriodGrain.quarter.start(of: d("2026-06-30"), fiscalYearStartMonth: 4) == d("2026-04-01"))
        #expect(PeriodGrain.quarter.start(of: d("2027-03-31"), fiscalYearStartMonth: 4) == d("2027-01-01"))
        #expect(PeriodGrain.fiscalYear.start(of: d("2027-03-31"), fiscalYearStartMonth: 4) == d("2026-04-01"))
        #expect(PeriodGrain.fiscalYear.start(of: d("2026-04-01"), fiscalYearStartMonth: 4) == d("2026-04-01"))
        #expect(PeriodGrain.fiscalYear.start(of: d("2026-03-31"), fiscalYearStartMonth: 1) == d("2026-01-01"))
    }

    @Test("splitting a range clips the first and last periods")
    func split() {
        let parts = PeriodGrain.month.split(from: Fixture.d("2026-04-15"), to: Fixture.d("2026-06-10"), fiscalYearStartMonth: 4)
        #expect(parts.map { "\($0.from)/\($0.to)" } == ["2026-04-15/2026-05-01", "2026-05-01/2026-06-01", "2026-06-01/2026-06-10"])
    }

    @Test("day numbers round-trip and leap years are right")
    func dates() {
        for n in stride(from: -800_000, to: 800_000, by: 997) { #expect(LocalDate(dayNumber: n).dayNumber == n) }
        #expect(LocalDate("2028-02-29") != nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("2026-05-04")!.isoWeekday == 1)
    }

    @Test("a period's months, the month before and the last month")
    func months() {
        let p = Period(from: Fixture.d("2026-04-01"), to: Fixture.d("2026-07-01"), timeZone: Fixture.tokyo)
        #expect(p.months.map(\.description) == ["2026-04", "2026-05", "2026-06"])
        #expect(p.monthBefore.description == "2026-03")
        #expect(p.lastMonth.description == "2026-06")
        #expect(p.start == Fixture.t("2026-04-01 00:00"))
    }
}
