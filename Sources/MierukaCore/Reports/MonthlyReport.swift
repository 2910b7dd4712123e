/// A month's results against target, the landing forecast (ForecastService's lines) and the phase (seed 000: 月次 = 成果;
/// seed 002: 月間KGI・KPIの達成状況分析).
public struct MonthlyReport: Sendable, Hashable {
    public var header: ReportHeader
    public var month: YearMonth { header.from.yearMonth }
    public var businessDaysElapsed: Int
    public var businessDaysTotal: Int
    /// KPI id → the engine's value for the month so far.
    public var values: [String: KPIValue]
    /// The forecast lines of the reported KPIs, in report order.
    public var lines: [ForecastLine]
    public var phase: Phase
    public var phaseReasonJa: String
    public var phaseReasonEn: String

    /// KPIs always shown; every KPI with a month target is shown as well.
    public static let standardKPIs = [
        "calls", "connects", "valid_conversations", "appointments", "meetings", "valid_opportunities", "wins", "won_amount",
        "connect_rate", "appointment_rate", "valid_opportunity_rate", "win_rate",
    ]

    public init(header: ReportHeader, businessDaysElapsed: Int, businessDaysTotal: Int, values: [String: KPIValue], lines: [ForecastLine],
                phase: Phase, phaseReasonJa: String, phaseReasonEn: String) {
        self.header = header
        self.businessDaysElapsed = businessDaysElapsed
        self.businessDaysTotal = businessDaysTotal
        self.values = values
        self.lines = lines
        self.phase = phase
        self.phaseReasonJa = phaseReasonJa
        self.phaseReasonEn = phaseReasonEn
    }

    public var isClosed: Bool { businessDaysElapsed >= businessDaysTotal }

    public func phaseReason(_ language: Language) -> String { language == .ja ? phaseReasonJa : phaseReasonEn }
}
