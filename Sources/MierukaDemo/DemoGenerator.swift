import Foundation
import MierukaCore

/// Generates a realistic, deterministic demo inside-sales organisation and streams it record by record,
/// so a million leads (about ten million activities) need only one lead's worth of memory.
public struct DemoGenerator: Sendable {
    public let options: DemoOptions
    public let timeZone: TimeZone

    public init(options: DemoOptions, timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!) {
        self.options = options
        self.timeZone = timeZone
    }

    /// Emits in this order: all reps; then lead by lead: the lead, its activities in time order, its opportunity if
    /// any; then customers, costs, targets.
    public func generate<S: DemoSink>(into sink: inout S) throws {
        var run = DemoRun(options: options, timeZone: timeZone)
        try run.run(into: &sink)
    }

    /// Expected sizes for progress bars.
    public var estimatedLeads: Int { max(0, options.leads) }

    /// An estimate of the activities `generate` will emit: about ten per lead over six months, fewer over shorter
    /// windows because recent leads are still early in their cadence (within about 6 % from two weeks of data on).
    public var estimatedActivities: Int {
        // A lead r business days before the cut-off has had about 12.3 − 12.0 × e^(−r/23) activities (calibrated);
        // leads arrive evenly over the window's D business days, so the mean is 12.3 − 12.0 × 23/D × (1 − e^(−D/23)).
        let first = options.startMonth.firstDay.dayNumber
        let last = options.dataThrough.dayNumber
        let weekdays = last >= first ? (first...last).filter { LocalDate(dayNumber: $0).isoWeekday <= 5 }.count : 0
        guard weekdays > 0 else { return 0 }
        let d = Double(weekdays) * 0.96  // national holidays
        let perLead = 12.3 - 12.0 * 23 / d * (1 - exp(-d / 23))
        return Int((Double(estimatedLeads) * perLead).rounded())
    }
}
