import Foundation

/// A deal created when an appointment is set (商談). Money is integer yen.
public struct Opportunity: Sendable, Hashable, Codable {
    public var id: String
    public var leadId: String?
    /// The IS rep who set the appointment: every per-rep opportunity KPI credits this rep.
    public var createdBy: String
    public var owner: String?
    public var source: OpportunitySource
    public var createdAt: Date
    public var meetingAt: Date?
    public var handedOffAt: Date?
    public var stage: OpportunityStage
    public var amount: Int64?
    public var expectedCloseOn: LocalDate?
    public var closedAt: Date?
    public var lostReason: String?
    public var budget: Bool?
    public var authority: Bool?
    public var timeline: Bool?
    public var need: Need?
    public var decisionProcess: DecisionProcess?
    public var nextAction: NextAction?
    public var isReactivation: Bool?

    public init(
        id: String, leadId: String? = nil, createdBy: String, owner: String? = nil, source: OpportunitySource = .insideSales,
        createdAt: Date, meetingAt: Date? = nil, handedOffAt: Date? = nil, stage: OpportunityStage = .appointment,
        amount: Int64? = nil, expectedCloseOn: LocalDate? = nil, closedAt: Date? = nil, lostReason: String? = nil,
        budget: Bool? = nil, authority: Bool? = nil, timeline: Bool? = nil, need: Need? = nil,
        decisionProcess: DecisionProcess? = nil, nextAction: NextAction? = nil, isReactivation: Bool? = nil
    ) {
        self.id = id
        self.leadId = leadId
        self.createdBy = createdBy
        self.owner = owner
        self.source = source
        self.createdAt = createdAt
        self.meetingAt = meetingAt
        self.handedOffAt = handedOffAt
        self.stage = stage
        self.amount = amount
        self.expectedCloseOn = expectedCloseOn
        self.closedAt = closedAt
        self.lostReason = lostReason
        self.budget = budget
        self.authority = authority
        self.timeline = timeline
        self.need = need
        self.decisionProcess = decisionProcess
        self.nextAction = nextAction
        self.isReactivation = isReactivation
    }
}

public enum OpportunitySource: String, Sendable, Hashable, Codable, CaseIterable {
    case insideSales = "inside_sales"
    case fieldSales = "field_sales"
    case marketing
    case partner
}

public enum OpportunityStage: String, Sendable, Hashable, Codable, CaseIterable {
    case appointment, meeting, proposal, negotiation, won, lost
}

public enum Need: String, Sendable, Hashable, Codable, CaseIterable {
    case clear, outline, unclear
}

public enum DecisionProcess: String, Sendable, Hashable, Codable, CaseIterable {
    case detailed, outline, unknown
}

public enum NextAction: String, Sendable, Hashable, Codable, CaseIterable {
    case scheduled
    case monthOnly = "month_only"
    case none
}
