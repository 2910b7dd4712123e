/// A plan worked back from a KGI: the chain of steps down to calls (or new leads), per month, per business day and per
/// rep, each with the rate it used.
public struct KGIPlan: Sendable, Codable {
    public struct Step: Sendable, Codable {
        public var kpi: String
        /// What the month needs: whole numbers (rounded up) for counts, yen for revenue.
        public var monthly: Double
        public var perBusinessDay: Double?
        /// Per full-time rep per business day (a rep in their first month carries 70 %).
        public var perRepPerDay: Double?
        /// The rate this step was divided by from the step above (nil for the KGI itself).
        public var rate: PlanRate?
    }

    public struct RepShare: Sendable, Codable {
        public var repId: String
        public var name: String
        /// 1, or 0.7 in the rep's first month (ramp-up).
        public var weight: Double
        /// Step KPI → what this rep's month needs (rounded up).
        public var monthly: [String: Double]
        public var perBusinessDay: [String: Double]
    }

    public var kgi: KGI
    public var month: YearMonth
    /// "org" or a team name.
    public var scope: String
    public var businessDays: Int
    /// Σ weights of the scope's active reps.
    public var headCount: Double
    public var steps: [Step]
    public var reps: [RepShare]
    /// Where the chain stopped: a rate neither history, benchmark nor the manager gave.
    public var missingRate: String?
}
