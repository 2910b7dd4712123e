/// A day's activity per rep against that day's target (seed 000: 日次 = 行動量). Figures come from the KPI engine
/// unchanged; targets from `DailyTarget`.
public struct DailyReport: Sendable, Hashable {
    /// The KPIs reported, in order.
    public static let kpis = ["calls", "connects", "appointments"]

    public struct Row: Sendable, Hashable {
        public var repId: String
        public var name: String
        /// KPI id → the engine's value for the rep and the day.
        public var values: [String: KPIValue]
        /// KPI id → the rep's target for the day (absent when none is set).
        public var targets: [String: Double]

        public init(repId: String, name: String, values: [String: KPIValue], targets: [String: Double]) {
            self.repId = repId
            self.name = name
            self.values = values
            self.targets = targets
        }
    }

    public var header: ReportHeader
    public var day: LocalDate { header.from }
    public var isBusinessDay: Bool
    /// The scope's own values for the day (org or team).
    public var total: [String: KPIValue]
    /// The scope's targets for the day: its own, else (per KPI) the sum of its reps' day targets — see `summedTargets`.
    public var totalTargets: [String: Double]
    /// The KPIs whose total target is the sum of the reps' targets because the scope has none of its own (a team whose
    /// manager set targets per rep only). Reps without a target add nothing to it.
    public var summedTargets: Set<String>
    /// One row per rep with activity or a target that day, by rep id.
    public var rows: [Row]

    public init(header: ReportHeader, isBusinessDay: Bool, total: [String: KPIValue], totalTargets: [String: Double], summedTargets: Set<String> = [],
                rows: [Row]) {
        self.header = header
        self.isBusinessDay = isBusinessDay
        self.total = total
        self.totalTargets = totalTargets
        self.summedTargets = summedTargets
        self.rows = rows
    }
}
