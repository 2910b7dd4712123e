import Foundation

/// One call attempt or one email (活動).
public struct Activity: Sendable, Hashable, Codable {
    public var id: String
    public var leadId: String
    public var repId: String
    public var type: ActivityType
    public var direction: Direction
    public var occurredAt: Date
    public var durationSeconds: Int?
    public var connected: Bool?
    public var decisionMaker: Bool?
    public var opened: Bool?
    public var clicked: Bool?
    public var replied: Bool?
    public var bounced: Bool?

    public init(
        id: String, leadId: String, repId: String, type: ActivityType, direction: Direction, occurredAt: Date,
        durationSeconds: Int? = nil, connected: Bool? = nil, decisionMaker: Bool? = nil, opened: Bool? = nil,
        clicked: Bool? = nil, replied: Bool? = nil, bounced: Bool? = nil
    ) {
        self.id = id
        self.leadId = leadId
        self.repId = repId
        self.type = type
        self.direction = direction
        self.occurredAt = occurredAt
        self.durationSeconds = durationSeconds
        self.connected = connected
        self.decisionMaker = decisionMaker
        self.opened = opened
        self.clicked = clicked
        self.replied = replied
        self.bounced = bounced
    }

    public var isOutbound: Bool { direction == .outbound }
    public var isOutboundCall: Bool { type == .call && direction == .outbound }
    public var isOutboundEmail: Bool { type == .email && direction == .outbound }
    /// The lead answered: a connected call, a replied email, or anything the lead started (rule 2 of the catalog).
    public var isReaction: Bool {
        direction == .inbound || (type == .call && connected == true) || (type == .email && replied == true)
    }
}

public enum ActivityType: String, Sendable, Hashable, Codable, CaseIterable {
    case call, email
}

public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case outbound, inbound
}
