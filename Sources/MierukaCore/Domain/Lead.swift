import Foundation

/// A prospect company or person that sales works (リード).
public struct Lead: Sendable, Hashable, Codable {
    public var id: String
    public var company: String?
    public var channel: String
    /// When the lead's own action happened: the clock of 初動スピード starts here.
    public var createdAt: Date
    public var assignedTo: String?
    public var assignedAt: Date?
    public var status: LeadStatus
    public var temperature: LeadTemperature?
    public var mqlAt: Date?
    public var sqlAt: Date?
    public var lostReason: String?
    public var nextFollowUpOn: LocalDate?
    public var tags: String?
    public var industry: String?
    public var title: String?

    public init(
        id: String, company: String? = nil, channel: String, createdAt: Date, assignedTo: String? = nil,
        assignedAt: Date? = nil, status: LeadStatus = .new, temperature: LeadTemperature? = nil, mqlAt: Date? = nil,
        sqlAt: Date? = nil, lostReason: String? = nil, nextFollowUpOn: LocalDate? = nil, tags: String? = nil,
        industry: String? = nil, title: String? = nil
    ) {
        self.id = id
        self.company = company
        self.channel = channel
        self.createdAt = createdAt
        self.assignedTo = assignedTo
        self.assignedAt = assignedAt
        self.status = status
        self.temperature = temperature
        self.mqlAt = mqlAt
        self.sqlAt = sqlAt
        self.lostReason = lostReason
        self.nextFollowUpOn = nextFollowUpOn
        self.tags = tags
        self.industry = industry
        self.title = title
    }
}

public enum LeadStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new, working, nurturing, mql, sql, disqualified, dormant, converted
}

/// 今すぐ / 情報収集 / 将来検討.
public enum LeadTemperature: String, Sendable, Hashable, Codable, CaseIterable {
    case now, researching, future
}

/// The lead sources the catalog names; other values are allowed and kept as text.
public enum KnownChannel: String, Sendable, CaseIterable {
    case documentRequest = "document_request"
    case tradeShow = "trade_show"
    case seminar
    case webInquiry = "web_inquiry"
    case outboundList = "outbound_list"
    case referral
    case dormant
    case existingCustomer = "existing_customer"
}
