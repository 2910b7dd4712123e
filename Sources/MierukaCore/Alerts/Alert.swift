import Foundation

/// Something the morning meeting should act on today (method.md §5–§6), for one scope, with the records behind it.
public struct Alert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A KPI with a target is behind its pace by more than the margin.
        case behindPace = "behind_pace"
        /// Inbound leads past the first-response SLA and still not contacted.
        case slaBreach = "sla_breach"
        /// valid_opportunity_rate below 50 % (seed 000: the appointments are not real opportunities).
        case lowValidOpportunityRate = "low_valid_opportunity_rate"
        /// Leads whose next_follow_up_on has passed without an outbound activity since.
        case followUpOverdue = "follow_up_overdue"
        /// A rep without any activity today by noon (business days only).
        case noActivityByNoon = "no_activity_by_noon"
    }

    public enum Severity: String, Sendable, Hashable, Codable {
        case warning, critical
    }

    public enum Scope: String, Sendable, Hashable, Codable {
        case org, team, rep
    }

    public var kind: Kind
    public var severity: Severity
    public var scope: Scope
    /// The team name or rep id (nil for the organisation, or for leads without a rep).
    public var group: String?
    public var kpi: String?
    /// The figure (pace, rate) or the number of records.
    public var value: Double?
    public var target: Double?
    /// The lead ids behind a lead alert (all of them; pages show the first few).
    public var leadIds: [String]

    public init(kind: Kind, severity: Severity, scope: Scope, group: String?, kpi: String? = nil, value: Double? = nil, target: Double? = nil,
                leadIds: [String] = []) {
        self.kind = kind
        self.severity = severity
        self.scope = scope
        self.group = group
        self.kpi = kpi
        self.value = value
        self.target = target
        self.leadIds = leadIds
    }
}
