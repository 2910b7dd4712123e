import Foundation
import MierukaCore

/// One generation pass: the random stream, the per-lead scratch space and the small monthly tallies that
/// costs, customers and targets are derived from. Never holds more than one lead's records.
struct DemoRun {
    /// A month of one rep's results, for realistic targets.
    struct RepMonth {
        var calls = 0.0
        var connects = 0.0
        var appointments = 0.0
        var wins = 0.0
        var wonAmount = 0.0
    }

    let options: DemoOptions
    let clock: DemoClock
    let roster: DemoRoster
    let channels = DemoChannel.all
    var rng: DemoRandom

    let startMonth: YearMonth
    let monthCount: Int
    let windowStartDay: Int
    /// The last day on which events happen ("today" or the end month's last day).
    let cutoffDay: Int
    /// The end month's last day: plans (meetings, follow-ups, expected closes) may reach it.
    let planDay: Int
    /// Last local second for events and for plans.
    let eventEnd: Int
    let planEnd: Int
    let titleCumulative: [Double]

    var pending: [Activity] = []
    var nextActivity = 1
    var nextOpportunity = 1

    var leadsByMonthChannel: [[Int]]
    var repMonths: [[RepMonth]]
    /// Won amounts by month of closing (nil amount = 0): each win becomes a customer.
    var winsByMonth: [[Int64]]

    init(options: DemoOptions, timeZone: TimeZone) {
        self.options = options
        startMonth = options.startMonth
        monthCount = max(1, options.months)
        windowStartDay = startMonth.firstDay.dayNumber
        cutoffDay = options.dataThrough.dayNumber
        planDay = options.lastDay.dayNumber
        eventEnd = (cutoffDay + 1) * 86_400 - 1
        planEnd = (planDay + 1) * 86_400 - 1
        clock = DemoClock(
            from: LocalDate(dayNumber: windowStartDay - 7), through: LocalDate(dayNumber: planDay + 120), startMonth: startMonth,
            timeZone: timeZone)
        rng = DemoRandom(seed: options.seed)
        roster = DemoRoster(count: options.reps, startMonth: startMonth, endMonth: options.endMonth, rng: &rng)
        titleCumulative = cumulative(DemoVocabulary.titles.map(\.weight))
        leadsByMonthChannel = Array(repeating: Array(repeating: 0, count: DemoChannel.all.count), count: monthCount)
        repMonths = Array(repeating: Array(repeating: RepMonth(), count: monthCount), count: roster.members.count)
        winsByMonth = Array(repeating: [], count: monthCount)
        pending.reserveCapacity(64)
    }

    mutating func run<S: DemoSink>(into sink: inout S) throws {
        for member in roster.members { try sink.rep(member.rep) }
        try leads(into: &sink)
        try customers(into: &sink)
        try costs(into: &sink)
        try targets(into: &sink)
    }

    // MARK: - Lead schedule

    /// Spreads the leads over the business days (growing month by month, events in batches) and simulates them
    /// in creation order, so lead ids follow time.
    private mutating func leads<S: DemoSink>(into sink: inout S) throws {
        let total = max(0, options.leads)
        guard total > 0, cutoffDay >= windowStartDay else { return }
        var days = (windowStartDay...cutoffDay).filter { clock.isBusinessDay($0) }
        if days.isEmpty { days = Array(windowStartDay...cutoffDay) }
        let weights = dayWeights(days)
        let counts = allocate(total, over: weights.map { $0.reduce(0, +) })

        var number = 0
        var packed: [Int] = []
        for (k, day) in days.enumerated() where counts[k] > 0 {
            let assignment = roster.assignmentTable(day: day, channels: channels)
            let cover = roster.coverPool(day: day)
            let channelCumulative = cumulative(weights[k])
            packed.removeAll(keepingCapacity: true)
            for _ in 0..<counts[k] {
                let c = rng.index(cumulative: channelCumulative)
                packed.append(creationMoment(day: day, channel: c) &* 16 &+ c)
            }
            packed.sort()
            for p in packed {
                number += 1
                let c = p & 15
                let (lead, opportunity) = simulateLead(
                    number: number, created: p >> 4, channel: c, assignment: assignment[c], cover: cover)
                try sink.lead(lead)
                for activity in pending { try sink.activity(activity) }
                if let opportunity { try sink.opportunity(opportunity) }
            }
        }
    }

    /// Per day and channel: share × monthly growth × weekday × noise; seminars and trade shows only on event days.
    private mutating func dayWeights(_ days: [Int]) -> [[Double]] {
        let weekday = [1.1, 1.05, 1.0, 1.0, 0.9, 0.4, 0.4]
        var weights = days.map { day -> [Double] in
            let trend = 1 + 0.04 * Double(clock.month(ofDay: day))
            let noise = rng.double(0.85, 1.15) * weekday[LocalDate(dayNumber: day).isoWeekday - 1]
            return channels.map { $0.share * trend * noise }
        }
        var byMonth: [Int: [Int]] = [:]
        for (k, day) in days.enumerated() { byMonth[clock.month(ofDay: day), default: []].append(k) }
        for (c, channel) in channels.enumerated() where channel.eventDriven {
            var eventDays: [Int] = []
            for m in byMonth.keys.sorted() {
                let candidates = byMonth[m]!
                if channel.name == "seminar" {
                    // Two webinars a month.
                    var picked = Set<Int>()
                    while picked.count < min(2, candidates.count) { picked.insert(candidates[rng.below(candidates.count)]) }
                    eventDays += picked.sorted()
                } else if (startMonth.index + m) % 2 == 1 {
                    // A three-day trade show every other month.
                    let first = rng.below(max(1, candidates.count - 2))
                    eventDays += candidates[first..<min(candidates.count, first + 3)]
                }
            }
            guard !eventDays.isEmpty else { continue }
            let sum = weights.reduce(0) { $0 + $1[c] }
            for k in weights.indices { weights[k][c] = 0 }
            for k in eventDays { weights[k][c] = sum / Double(eventDays.count) * rng.double(0.8, 1.2) }
        }
        return weights
    }

    /// Whole numbers proportional to `weights` that add up to `total` (cumulative rounding).
    private func allocate(_ total: Int, over weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var running = 0.0
        var given = 0
        return weights.map { w in
            running += w
            let upTo = Int((running / sum * Double(total)).rounded())
            defer { given = upTo }
            return min(total, upTo) - min(total, given)
        }
    }

    private mutating func creationMoment(day: Int, channel: Int) -> Int {
        switch channels[channel].name {
        case "seminar": return day * 86_400 + rng.int(14 * 3600, 17 * 3600)
        case "trade_show": return day * 86_400 + rng.int(10 * 3600, 17 * 3600 + 1800)
        default: return clock.workingMoment(day: day, rng: &rng)
        }
    }
}
