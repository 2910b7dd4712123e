import Foundation

/// What the engine needs to know about a lead's outbound activities outside the period:
/// the first response (any time), the first-ever outbound call, and the next outbound activity after the period.
public struct LeadContactHistory: Sendable, Hashable {
    public var firstOutboundAt: Date?
    public var firstOutboundCall: FirstCall?
    /// The earliest outbound activity at or after the period's end (recontact intervals may end after P).
    public var nextOutboundAfterEnd: Date?

    public struct FirstCall: Sendable, Hashable {
        public var at: Date
        public var connected: Bool
        public var repId: String
        public init(at: Date, connected: Bool, repId: String) {
            self.at = at
            self.connected = connected
            self.repId = repId
        }
    }

    public init(firstOutboundAt: Date? = nil, firstOutboundCall: FirstCall? = nil, nextOutboundAfterEnd: Date? = nil) {
        self.firstOutboundAt = firstOutboundAt
        self.firstOutboundCall = firstOutboundCall
        self.nextOutboundAfterEnd = nextOutboundAfterEnd
    }

    /// Builds the histories from a lead's whole activity record (for in-memory facts; the store computes the same in SQL).
    public static func build(from activities: [Activity], periodEnd: Date) -> [String: LeadContactHistory] {
        var result: [String: LeadContactHistory] = [:]
        // Order by time, ties by activity_id, so "first" is well defined.
        for a in activities.sorted(by: { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }) where a.isOutbound {
            var h = result[a.leadId] ?? LeadContactHistory()
            if h.firstOutboundAt == nil { h.firstOutboundAt = a.occurredAt }
            if a.type == .call, h.firstOutboundCall == nil {
                h.firstOutboundCall = FirstCall(at: a.occurredAt, connected: a.connected == true, repId: a.repId)
            }
            if a.occurredAt >= periodEnd, h.nextOutboundAfterEnd == nil { h.nextOutboundAfterEnd = a.occurredAt }
            result[a.leadId] = h
        }
        return result
    }
}
