import MierukaCore

/// One rep's line in the table: counts and rates side by side (000: 件数だけでなく%も見る).
public struct RepRow: Sendable, Hashable {
    public let repId: String
    public let name: String
    public let calls: Double?
    /// Actual ÷ the rep's target for `DashboardModel.repAchievementKPI`; nil without a target.
    public let achievement: Double?
    public let connects: Double?
    public let connectRate: Double?
    public let connectJudgement: BandJudgement?
    public let appointments: Double?
    public let validOpportunities: Double?
    public let validOpportunityRate: Double?
    public let validOpportunityJudgement: BandJudgement?
    public let wonAmount: Double?

    public init(
        repId: String, name: String, calls: Double?, achievement: Double?, connects: Double?, connectRate: Double?,
        appointments: Double?, validOpportunities: Double?, validOpportunityRate: Double?, wonAmount: Double?,
        catalog: KPICatalog = .standard
    ) {
        self.repId = repId
        self.name = name
        self.calls = calls
        self.achievement = achievement
        self.connects = connects
        self.connectRate = connectRate
        self.connectJudgement = connectRate.flatMap { r in catalog["connect_rate"]?.band?.judge(r) }
        self.appointments = appointments
        self.validOpportunities = validOpportunities
        self.validOpportunityRate = validOpportunityRate
        self.validOpportunityJudgement = validOpportunityRate.flatMap { r in catalog["valid_opportunity_rate"]?.band?.judge(r) }
        self.wonAmount = wonAmount
    }

    /// One row per rep found in `byRep`, in first-seen order (sorting comes after).
    static func rows(_ input: DashboardInput, achievementKPI: String?) -> [RepRow] {
        var order: [String] = []
        var values: [String: [String: KPIValue]] = [:]
        for r in input.byRep {
            guard let rep = r.group else { continue }
            if values[rep] == nil {
                order.append(rep)
                values[rep] = [:]
            }
            if values[rep]![r.kpi] == nil { values[rep]![r.kpi] = r.value }
        }
        return order.map { rep in
            let v = values[rep]!
            let achievement = achievementKPI.flatMap { kpi in
                DashboardMath.achievement(actual: v[kpi]?.value, target: input.repTargets[rep]?[kpi])
            }
            return RepRow(
                repId: rep, name: input.repNames[rep] ?? rep, calls: v["calls"]?.value, achievement: achievement,
                connects: v["connects"]?.value, connectRate: v["connect_rate"]?.value, appointments: v["appointments"]?.value,
                validOpportunities: v["valid_opportunities"]?.value, validOpportunityRate: v["valid_opportunity_rate"]?.value,
                wonAmount: v["won_amount"]?.value, catalog: input.catalog)
        }
    }

    /// Sorted by the key; rows without a figure go last in either direction; ties by name, then id.
    public static func sorted(_ rows: [RepRow], by sort: RepSort) -> [RepRow] {
        rows.sorted { a, b in
            if sort.key == .name {
                if a.name != b.name { return sort.direction == .asc ? a.name < b.name : a.name > b.name }
                return a.repId < b.repId
            }
            switch (a.figure(sort.key), b.figure(sort.key)) {
            case (let x?, let y?) where x != y: return sort.direction == .asc ? x < y : x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.name != b.name ? a.name < b.name : a.repId < b.repId
            }
        }
    }

    func figure(_ key: RepSort.Key) -> Double? {
        switch key {
        case .name: return nil
        case .calls: return calls
        case .achievement: return achievement
        case .connectRate: return connectRate
        case .appointments: return appointments
        case .validOpportunityRate: return validOpportunityRate
        case .wonAmount: return wonAmount
        }
    }
}
