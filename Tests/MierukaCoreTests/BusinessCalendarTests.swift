import MierukaCore
import Testing

@Suite("Business calendar")
struct BusinessCalendarTests {
    @Test("2026 national holidays match the official list (substitute and citizens' holidays included)")
    func holidays2026() {
        let official = ["2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04",
                        "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12",
                        "2026-11-03", "2026-11-23"]
        let yearEnd = ["2026-01-02", "2026-01-03", "2026-12-29", "2026-12-30", "2026-12-31"]
        let computed = JapaneseHolidays.closedDays(year: 2026).map { LocalDate(dayNumber: $0).description }.sorted()
        #expect(computed == (official + yearEnd).sorted())
    }

    @Test("business days in May 2026: 21 weekdays less Golden Week's 4, 5 and 6 May")
    func may2026() {
        let calendar = BusinessCalendar()
        #expect(calendar.businessDays(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!) == 18)
        #expect(!calendar.isBusinessDay(LocalDate("2026-05-06")!))
        #expect(calendar.isBusinessDay(LocalDate("2026-05-07")!))
    }
}
