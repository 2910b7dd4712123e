/// A goal for one KPI, one scope and one period (目標).
public struct Target: Sendable, Hashable, Codable {
    public var kpi: String
    public var scope: TargetScope
    public var scopeId: String?
    public var period: TargetPeriod
    public var periodStart: LocalDate
    public var value: Double

    public init(kpi: String, scope: TargetScope, scopeId: String? = nil, period: TargetPeriod, periodStart: LocalDate, value: Double) {
        self.kpi = kpi
        self.scope = scope
        self.scopeId = scopeId
        self.period = period
        self.periodStart = periodStart
        self.value = value
    }

    /// Targets have no id of their own: this is the dedupe key.
    public var key: String { [kpi, scope.rawValue, scopeId ?? "", period.rawValue, periodStart.description].joined(separator: "|") }
}

public enum TargetScope: String, Sendable, Hashable, Codable, CaseIterable {
    case org, team, rep
}

public enum TargetPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, month, quarter, year
}
