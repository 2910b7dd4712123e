/// What the organisation has already done for a target's KPI and scope: the plain values "Achievable" compares with.
public struct TargetHistory: Sendable, Hashable {
    /// The best complete month of the history window for the KPI and scope (the lowest when lower is better);
    /// nil when no month had a figure.
    public var bestMonth: BestMonth?
    /// How many complete months were looked at.
    public var monthsLookedAt: Int
    /// Inside-sales reps (SDR, BDR, ISR) of the scope: 1 for a rep target.
    public var headCount: Int
    /// Business days in the target's period.
    public var businessDays: Int
    /// The most any one rep did of the KPI in one ISO week of the window; nil when not looked up (not a volume KPI).
    public var bestRepWeek: BestRepWeek?

    public init(bestMonth: BestMonth?, monthsLookedAt: Int, headCount: Int, businessDays: Int, bestRepWeek: BestRepWeek? = nil) {
        self.bestMonth = bestMonth
        self.monthsLookedAt = monthsLookedAt
        self.headCount = headCount
        self.businessDays = businessDays
        self.bestRepWeek = bestRepWeek
    }

    public struct BestMonth: Sendable, Hashable {
        public var month: YearMonth
        public var value: Double
        /// Business days of that month: a target for a shorter or longer period is compared per business day.
        public var businessDays: Int

        public init(month: YearMonth, value: Double, businessDays: Int) {
            self.month = month
            self.value = value
            self.businessDays = businessDays
        }
    }

    public struct BestRepWeek: Sendable, Hashable {
        public var repId: String
        /// The Monday the week starts on.
        public var weekStart: LocalDate
        public var value: Double

        public init(repId: String, weekStart: LocalDate, value: Double) {
            self.repId = repId
            self.weekStart = weekStart
            self.value = value
        }
    }
}
