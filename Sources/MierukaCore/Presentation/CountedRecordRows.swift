import Foundation

/// Turns counted records back into canonical rows (data-model.md columns), so a drill-down shows and exports the
/// records exactly as they were imported and anyone can re-count a figure by hand.
public struct CountedRecordRows: Sendable {
    private let row: CanonicalRow
    private let leads: [String: Lead]
    private let activities: [String: Activity]
    private let opportunities: [String: Opportunity]
    private let costs: [String: Cost]
    private let customers: [String: CustomerMonth]

    public init(facts: KPIFacts, timeZone: TimeZone) {
        row = CanonicalRow(timeZone: timeZone)
        leads = Dictionary(facts.leads.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        activities = Dictionary(facts.activities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        opportunities = Dictionary(facts.opportunities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        costs = Dictionary(facts.costs.map { (CountedRecord.costId($0), $0) }, uniquingKeysWith: { a, _ in a })
        customers = Dictionary(facts.customers.map { (CountedRecord.customerId($0), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The record's cells in `record.entity.columns` order; nil when the facts do not hold it.
    public func cells(_ record: CountedRecord) -> [String]? {
        switch record.entity {
        case .leads: return leads[record.id].map(row.cells)
        case .activities: return activities[record.id].map(row.cells)
        case .opportunities: return opportunities[record.id].map(row.cells)
        case .costs: return costs[record.id].map(row.cells)
        case .customers: return customers[record.id].map(row.cells)
        case .reps, .targets: return nil
        }
    }

    /// The rep a record belongs to (for access checks): the activity's rep, the lead's assignee, the opportunity's creator.
    public func rep(of record: CountedRecord) -> String? {
        switch record.entity {
        case .leads: return leads[record.id]?.assignedTo
        case .activities: return activities[record.id]?.repId
        case .opportunities: return opportunities[record.id]?.createdBy
        default: return nil
        }
    }
}
