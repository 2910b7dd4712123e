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

    static let official: [Int: [String]] = [
        2024: ["01-01", "01-08", "02-11", "02-12", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06", "07-15", "08-11", "08-12",
               "09-16", "09-22", "09-23", "10-14", "11-03", "11-04", "11-23"],
        2025: ["01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06", "07-21", "08-11", "09-15",
               "09-23", "10-13", "11-03", "11-23", "11-24"],
        2027: ["01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03", "05-04", "05-05", "07-19", "08-11", "09-20", "09-23",
               "10-11", "11-03", "11-23"],
    ]

    @Test("2024, 2025 and 2027 national holidays match the official lists", arguments: [2024, 2025, 2027])
    func otherYears(_ year: Int) {
        let yearEnd = ["01-02", "01-03", "12-29", "12-30", "12-31"]
        let expected = Set((Self.official[year]! + yearEnd).map { "\(year)-\($0)" })
        let computed = Set(JapaneseHolidays.closedDays(year: year).map { LocalDate(dayNumber: $0).description })
        #expect(computed == expected, "missing \(expected.subtracting(computed).sorted()), extra \(computed.subtracting(expected).sorted())")
    }

    @Test("business days in May 2026: 21 weekdays less Golden Week's 4, 5 and 6 May")
    func may2026() {
        let calendar = BusinessCalendar()
        #expect(calendar.businessDays(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!) == 18)
        #expect(!calendar.isBusinessDay(LocalDate("2026-05-06")!))
        #expect(calendar.isBusinessDay(LocalDate("2026-05-07")!))
    }

    @Test("the organisation's closed days: the year-end closure by default, お盆 and single dates by setting")
    func closedDays() throws {
        let obon = try #require(ClosedDays("12-29..01-03, 08-13..08-15, 2026-10-01"))
        let calendar = BusinessCalendar(closed: obon)
        // August 2026: 21 weekdays, less 山の日 (Tue 11th) and お盆 Thu 13th, Fri 14th (the 15th is a Saturday).
        #expect(calendar.businessDays(from: LocalDate("2026-08-01")!, to: LocalDate("2026-09-01")!) == 18)
        #expect(!calendar.isBusinessDay(LocalDate("2026-10-01")!))
        #expect(BusinessCalendar().isBusinessDay(LocalDate("2026-10-01")!))
        // No closure at all: 2026-12-29 (Tue) and 2027-01-04 (Mon) are working days; 01-01 stays a holiday.
        let open = BusinessCalendar(closed: .none)
        #expect(open.isBusinessDay(LocalDate("2026-12-29")!))
        #expect(!open.isBusinessDay(LocalDate("2027-01-01")!))
        #expect(!BusinessCalendar().isBusinessDay(LocalDate("2026-12-29")!))
        #expect(BusinessCalendar().isBusinessDay(LocalDate("2027-01-04")!))
        for bad in ["13-01", "12-29..", "2026-02-30", "a,b", "12-29..01-03..02-01"] { #expect(ClosedDays(bad) == nil, "\(bad)") }
        // Read from the stored settings.
        let settings = OrganisationSettings(values: ["closed_days": "08-13..08-15"])
        #expect(!settings.calendar.isBusinessDay(LocalDate("2026-08-13")!))
        #expect(settings.calendar.isBusinessDay(LocalDate("2026-12-29")!))
    }
}
