/// The records whose counts depend only on each other: one lead with its activities and opportunities (all time), or
/// one opportunity without a lead. Every rollup cell is a sum of units' contributions, so a write re-counts just the
/// units it touched: take their old contribution away, add the new one.
public struct RollupUnit: Sendable {
    /// The lead id, or `RollupUnit.opportunityPrefix` + the opportunity id for an opportunity without a lead.
    public var id: String
    /// nil when activities or opportunities name a lead that is not stored.
    public var lead: Lead?
    public var activities: [Activity]
    public var opportunities: [Opportunity]

    public static let opportunityPrefix = "\u{1}opportunity:"

    public init(id: String, lead: Lead? = nil, activities: [Activity] = [], opportunities: [Opportunity] = []) {
        self.id = id
        self.lead = lead
        self.activities = activities
        self.opportunities = opportunities
    }

    /// The unit an opportunity belongs to.
    public static func id(of opportunity: Opportunity) -> String { opportunity.leadId ?? opportunityPrefix + opportunity.id }

    /// Groups records into units (tests and in-memory rebuilds; the store reads units by id).
    public static func units(leads: [Lead], activities: [Activity], opportunities: [Opportunity]) -> [RollupUnit] {
        var units: [String: RollupUnit] = [:]
        for lead in leads { units[lead.id, default: RollupUnit(id: lead.id)].lead = lead }
        for a in activities { units[a.leadId, default: RollupUnit(id: a.leadId)].activities.append(a) }
        for o in opportunities {
            let id = id(of: o)
            units[id, default: RollupUnit(id: id)].opportunities.append(o)
        }
        return units.keys.sorted().map { units[$0]! }
    }
}
