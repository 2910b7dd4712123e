import MierukaCore
import Testing

@Suite("Report schedule and daily targets")
struct ReportScheduleTests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }
    let calendar = BusinessCalendar()

    @Test("08:30 on Monday 2026-06-01 (first business day of June): daily for Fri 5/29, weekly 5/25–5/31, monthly and executive for May")
    func firstMonday() {
        let schedule = ReportSchedule()
        #expect(schedule.due(on: Self.d("2026-06-01"), minute: 8 * 60 + 29, calendar: calendar).isEmpty)
        let due = schedule.due(on: Self.d("2026-06-01"), minute: 8 * 60 + 30, calendar: calendar)
        #expect(due == [
            .init(kind: .daily, from: Self.d("2026-05-29"), to: Self.d("2026-05-30")),
            .init(kind: .weekly, from: Self.d("2026-05-25"), to: Self.d("2026-06-01")),
            .init(kind: .monthly, from: Self.d("2026-05-01"), to: Self.d("2026-06-01")),
            .init(kind: .executive, from: Self.d("2026-05-01"), to: Self.d("2026-06-01")),
        ])
    }

    @Test("Holidays: nothing daily on Saturday; after Golden Week the daily report is of the last business day; May's first business day is the 1st")
    func holidays() {
        let schedule = ReportSchedule(minuteOfDay: 9 * 60)
        #expect(schedule.due(on: Self.d("2026-06-06"), minute: 600, calendar: calendar).isEmpty)
        // 2026-05-06 (Wed) is a substitute holiday; Thursday 5/7 reports Friday 5/1.
        #expect(schedule.due(on: Self.d("2026-05-07"), minute: 600, calendar: calendar) == [.init(kind: .daily, from: Self.d("2026-05-01"), to: Self.d("2026-05-02"))])
        #expect(ReportSchedule.firstBusinessDay(of: YearMonth(year: 2026, month: 5), calendar: calendar) == Self.d("2026-05-01"))
        #expect(ReportSchedule.firstBusinessDay(of: YearMonth(year: 2027, month: 1), calendar: calendar) == Self.d("2027-01-04"))
    }

    @Test("Times parse as HH:MM only")
    func times() {
        #expect(ReportSchedule(time: "08:30")?.minuteOfDay == 510)
        #expect(ReportSchedule(time: "7:05")?.timeText == "07:05")
        for bad in ["24:00", "08:60", "0830", "８:30", "", "08:30:00"] { #expect(ReportSchedule(time: bad) == nil, "\(bad)") }
    }

    @Test("A day's target: the day's own, else the week's ÷ its business days, else the month's ÷ its business days; none on a holiday")
    func dailyTarget() {
        let month = Target(kpi: "calls", scope: .org, period: .month, periodStart: Self.d("2026-06-01"), value: 1400)
        let week = Target(kpi: "calls", scope: .org, period: .week, periodStart: Self.d("2026-06-08"), value: 400)
        let day = Target(kpi: "calls", scope: .org, period: .day, periodStart: Self.d("2026-06-10"), value: 90)
        // June 2026 has 22 business days.
        #expect(DailyTarget.of(kpi: "calls", day: Self.d("2026-06-02"), targets: [month, week, day], calendar: calendar) == DailyTarget(value: 1400.0 / 22, source: .month))
        #expect(DailyTarget.of(kpi: "calls", day: Self.d("2026-06-09"), targets: [month, week, day], calendar: calendar) == DailyTarget(value: 80, source: .week))
        #expect(DailyTarget.of(kpi: "calls", day: Self.d("2026-06-10"), targets: [month, week, day], calendar: calendar) == DailyTarget(value: 90, source: .day))
        #expect(DailyTarget.of(kpi: "calls", day: Self.d("2026-06-13"), targets: [month], calendar: calendar) == nil)
        #expect(DailyTarget.of(kpi: "connects", day: Self.d("2026-06-02"), targets: [month], calendar: calendar) == nil)
    }
}
