import Foundation

/// Converts between instants and the organisation's local calendar (default Asia/Tokyo).
public struct OrgClock: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public func startOfDay(_ date: LocalDate) -> Date {
        instant(date, hour: 0, minute: 0, second: 0)
    }

    public func instant(_ date: LocalDate, hour: Int, minute: Int, second: Int) -> Date {
        // Fixed-offset zones (Asia/Tokyo has no DST) convert exactly by arithmetic; others go through Calendar.
        let localSeconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if timeZone.nextDaylightSavingTimeTransition == nil {
            let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds))))
            return Date(timeIntervalSince1970: Double(localSeconds - offset))
        }
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(localSeconds))
    }

    public func localDate(of instant: Date) -> LocalDate {
        let offset = timeZone.secondsFromGMT(for: instant)
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        return LocalDate(dayNumber: Int(floorDiv(local, 86_400)))
    }

    /// Seconds since local midnight.
    public func secondOfDay(of instant: Date) -> Int {
        let offset = timeZone.secondsFromGMT(for: instant)
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        return Int(local - floorDiv(local, 86_400) * 86_400)
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
