import Foundation

/// Everything the engine reads for one period. The store fills it with a few queries; tests build it by hand.
public struct KPIFacts: Sendable {
    public var reps: [Rep]
    /// Every lead: lead KPIs filter by their own timestamps, activities and opportunities look up the channel.
    public var leads: [Lead]
    /// Activities that occurred in the period (others are ignored by the engine).
    public var activities: [Activity]
    /// Per lead id: first response, first-ever call and next contact after the period.
    public var contactHistory: [String: LeadContactHistory]
    /// Every opportunity (pipeline needs those created before the period).
    public var opportunities: [Opportunity]
    public var customers: [CustomerMonth]
    public var costs: [Cost]
    /// A recorded forecast for the period and KPI, if any (forecast_accuracy).
    public var recordedForecasts: [String: Double]

    public init(
        reps: [Rep] = [], leads: [Lead] = [], activities: [Activity] = [], contactHistory: [String: LeadContactHistory] = [:],
        opportunities: [Opportunity] = [], customers: [CustomerMonth] = [], costs: [Cost] = [], recordedForecasts: [String: Double] = [:]
    ) {
        self.reps = reps
        self.leads = leads
        self.activities = activities
        self.contactHistory = contactHistory
        self.opportunities = opportunities
        self.customers = customers
        self.costs = costs
        self.recordedForecasts = recordedForecasts
    }

    /// Facts from a complete in-memory dataset: keeps the period's activities and derives the contact histories.
    public static func fromHistory(
        period: Period, reps: [Rep], leads: [Lead], allActivities: [Activity], opportunities: [Opportunity],
        customers: [CustomerMonth] = [], costs: [Cost] = []
    ) -> KPIFacts {
        KPIFacts(
            reps: reps, leads: leads, activities: allActivities.filter { period.contains($0.occurredAt) },
            contactHistory: LeadContactHistory.build(from: allActivities, periodEnd: period.end),
            opportunities: opportunities, customers: customers, costs: costs
        )
    }
}
