/// The connect rate of outbound calls by hour of day and by weekday, in the organisation's time zone, and the slots that
/// connect best (002: 架電の時間帯ごとの接続率, 最適な架電時間帯; 004: 通話時間帯を分析し).
public struct BestTimeToCall: Sendable, Hashable, Codable {
    /// One hour or one weekday: connects ÷ calls.
    public struct Cell: Sendable, Hashable, Codable {
        /// Hour 0–23, or ISO weekday 1 (Monday) – 7 (Sunday).
        public let slot: Int
        public let calls: Int
        public let connects: Int
        /// connects ÷ calls (calls is never 0: slots without calls are left out).
        public let rate: Double
        /// Fewer calls than the minimum: shown, but too few to act on and never named best.
        public let tooFew: Bool
    }

    /// Below this many calls a slot's rate is marked too few: at 20 calls one connect more moves the rate by 5 points.
    public static let defaultMinimumCalls = 20
    /// How many hours are named best.
    public static let bestHourCount = 3

    public let minimumCalls: Int
    /// Every outbound call counted (the scope's connect rate for comparison).
    public let calls: Int
    public let connects: Int
    /// Hours with at least one call, in order.
    public let byHour: [Cell]
    /// Weekdays with at least one call, Monday first.
    public let byWeekday: [Cell]
    /// Up to three hours with enough calls, best first (rate, then more calls, then the earlier hour).
    public let bestHours: [Int]
    /// The weekday with enough calls that connects best, if any.
    public let bestWeekday: Int?

    public var rate: Double? { calls == 0 ? nil : Double(connects) / Double(calls) }

    /// - Parameters:
    ///   - activities: the activities to look at; only outbound calls in `period` count.
    ///   - reps: the reps whose calls count (a team); nil = every rep.
    public init(activities: [Activity], period: Period, clock: OrgClock, reps: Set<String>? = nil, minimumCalls: Int = defaultMinimumCalls) {
        var hours = [(calls: Int, connects: Int)](repeating: (0, 0), count: 24)
        var weekdays = [(calls: Int, connects: Int)](repeating: (0, 0), count: 8)
        var calls = 0, connects = 0
        for a in activities where a.isOutboundCall && period.contains(a.occurredAt) {
            if let reps, !reps.contains(a.repId) { continue }
            let hour = clock.secondOfDay(of: a.occurredAt) / 3600
            let weekday = clock.localDate(of: a.occurredAt).isoWeekday
            let connected = a.connected == true ? 1 : 0
            hours[hour].calls += 1
            hours[hour].connects += connected
            weekdays[weekday].calls += 1
            weekdays[weekday].connects += connected
            calls += 1
            connects += connected
        }
        func cells(_ tallies: [(calls: Int, connects: Int)], _ slots: ClosedRange<Int>) -> [Cell] {
            slots.compactMap { slot in
                let t = tallies[slot]
                guard t.calls > 0 else { return nil }
                return Cell(
                    slot: slot, calls: t.calls, connects: t.connects, rate: Double(t.connects) / Double(t.calls), tooFew: t.calls < minimumCalls)
            }
        }
        self.minimumCalls = minimumCalls
        self.calls = calls
        self.connects = connects
        byHour = cells(hours, 0...23)
        byWeekday = cells(weekdays, 1...7)
        bestHours = BestTimeToCall.best(byHour).prefix(BestTimeToCall.bestHourCount).map(\.slot)
        bestWeekday = BestTimeToCall.best(byWeekday).first?.slot
    }

    /// Cells with enough calls, best first.
    static func best(_ cells: [Cell]) -> [Cell] {
        cells.filter { !$0.tooFew }.sorted { ($1.rate, $1.calls, $0.slot) < ($0.rate, $0.calls, $1.slot) }
    }
}
