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
    /// The scope's own targets for the day.
    public var totalTargets: [String: Double]
    /// One row per rep with activity or a target that day, by rep id.
    public var rows: [Row]

    public init(header: ReportHeader, isBusinessDay: Bool, total: [String: KPIValue], totalTargets: [String: Double], rows: [Row]) {
        self.header = header
        self.isBusinessDay = isBusinessDay
        self.total = total
        self.totalTargets = totalTargets
        self.rows = rows
    }
}
