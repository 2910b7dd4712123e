import Foundation

/// Converts between instants and the organisation's local calendar (default Asia/Tokyo).
public struct OrgClock: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar
    /// The offset of a zone without daylight saving (Asia/Tokyo): conversions are then plain arithmetic.
    private let fixedOffset: Int?

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.fixedOffset = timeZone.nextDaylightSavingTimeTransition == nil ? timeZone.secondsFromGMT() : nil
    }

    /// Seconds east of UTC at `instant`.
    public func offset(at instant: Date) -> Int {
        fixedOffset ?? timeZone.secondsFromGMT(for: instant)
    }

    public func startOfDay(_ date: LocalDate) -> Date {
        instant(date, hour: 0, minute: 0, second: 0)
    }

    public func instant(_ date: LocalDate, hour: Int, minute: Int, second: Int) -> Date {
        // Fixed-offset zones (Asia/Tokyo has no DST) convert exactly by arithmetic; others go through Calendar.
        let localSeconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if let fixedOffset {
            return Date(timeIntervalSince1970: Double(localSeconds - Int64(fixedOffset)))
        }
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(localSeconds))
    }

    public func localDate(of instant: Date) -> LocalDate {
        let offset = self.offset(at: instant)
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        return LocalDate(dayNumber: Int(floorDiv(local, 86_400)))
    }

    /// Seconds since local midnight.
    public func secondOfDay(of instant: Date) -> Int {
        let offset = self.offset(at: instant)
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        return Int(local - floorDiv(local, 86_400) * 86_400)
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
