/// What makes a target well-formed before it is stored: a catalog KPI computed for its scope, a scope that exists,
/// a period start that is the first day of its period (a Monday, the 1st, a fiscal quarter or year start), a number ≥ 0.
public struct TargetRules: Sendable {
    public let catalog: KPICatalog
    public let teams: Set<String>
    public let reps: Set<String>
    public let fiscalYearStartMonth: Int

    public init(catalog: KPICatalog = .standard, teams: Set<String>, reps: Set<String>, fiscalYearStartMonth: Int) {
        self.catalog = catalog
        self.teams = teams
        self.reps = reps
        self.fiscalYearStartMonth = fiscalYearStartMonth
    }

    /// The target's problems as (field, message); empty when it may be stored.
    public func problems(_ t: Target) -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        if let definition = catalog[t.kpi] {
            let grouping: KPIGrouping = t.scope == .org ? .org : t.scope == .team ? .team : .rep
            if !definition.groupings.contains(grouping) { out.append(("scope", "\(t.kpi) is not computed per \(t.scope.rawValue)")) }
        } else {
            out.append(("kpi", "\(t.kpi) is not a catalog KPI id (mieruka catalog lists them)"))
        }
        switch t.scope {
        case .org:
            if let id = t.scopeId, !id.isEmpty { out.append(("scope_id", "must be empty for an org target")) }
        case .team:
            if !teams.contains(t.scopeId ?? "") { out.append(("scope_id", "no team named \(t.scopeId ?? "") in reps")) }
        case .rep:
            if !reps.contains(t.scopeId ?? "") { out.append(("scope_id", "no rep \(t.scopeId ?? "")")) }
        }
        let start = grain(of: t.period).start(of: t.periodStart, fiscalYearStartMonth: fiscalYearStartMonth)
        if start != t.periodStart { out.append(("period_start", "a \(t.period.rawValue) starts on \(start), not \(t.periodStart)")) }
        if !t.value.isFinite || t.value < 0 { out.append(("value", "must be a number ≥ 0")) }
        return out
    }

    /// Targets' `year` is the fiscal year.
    public func grain(of period: TargetPeriod) -> PeriodGrain { period.grain }
}
