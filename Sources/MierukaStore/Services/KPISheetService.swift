import MierukaCore

/// The KPI management sheet (seed 003) for one scope and period: actuals from the same answers as every other page,
/// targets whose period is exactly the sheet's period (a month's target for a month, a week's for a week).
public struct KPISheetService: Sendable {
    public enum Scope: Sendable, Hashable {
        case org
        case team(String)
        case rep(String)
    }

    let store: any Store

    public init(store: any Store) { self.store = store }

    public func sheet(from: LocalDate, to: LocalDate, scope: Scope, language: Language) async throws -> KPIManagementSheet {
        let targets = try await store.targets().filter { t in
            guard t.periodStart == from, t.period.grain.next(after: from) == to else { return false }
            switch (scope, t.scope) {
            case (.org, .org): return true
            case (.team(let team), .team): return t.scopeId == team
            case (.rep(let rep), .rep): return t.scopeId == rep
            default: return false
            }
        }
        let targetValues = Dictionary(targets.map { ($0.kpi, $0.value) }, uniquingKeysWith: { a, _ in a })
        let grouping: KPIGrouping
        let group: String
        switch scope {
        case .org: (grouping, group) = (.org, "org")
        case .team(let team): (grouping, group) = (.team, team)
        case .rep(let rep): (grouping, group) = (.rep, rep)
        }
        // Only KPIs computed for this grouping (the catalog's groupings), so a rep's sheet does not ask for cost.
        let wanted = KPIManagementSheet.kpis(targets: targetValues).filter { KPICatalog.standard[$0]?.groupings.contains(grouping) ?? false }
        let results = try await KPIService(store: store).compute(from: from, to: to, by: KPIBreakdown(rawValue: grouping.rawValue)!, only: wanted)
        let actuals = Dictionary(results.filter { $0.group == group }.map { ($0.kpi, $0.value) }, uniquingKeysWith: { a, _ in a })
        return KPIManagementSheet(actuals: actuals, targets: targetValues, language: language)
    }
}
