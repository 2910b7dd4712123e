import Foundation

/// Leads to approach again (再アプローチ): dormant leads, leads whose last deal was lost for a reason worth a retry, and
/// leads disqualified for such a reason — each once three months have passed since we last touched it
/// (004: 「3か月後に再架電」; 000: 適度なタイミングで再アプローチ).
public struct ReapproachList: Sendable, Hashable, Codable {
    /// Why a lead is on the list.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// The lead's latest deal was lost for a reason worth a retry.
        case lostOpportunity = "lost_opportunity"
        /// The lead was disqualified for a reason worth a retry.
        case disqualified
        /// The lead's status is dormant (休眠), whatever its reason.
        case dormant
    }

    public struct Entry: Sendable, Hashable, Codable {
        public let leadId: String
        public let company: String?
        public let channel: String
        /// The rep who owns the follow-up: the deal's creator for a lost deal, else the lead's assignee.
        public let repId: String?
        public let basis: Basis
        /// The reason as recorded (the deal's lost_reason for a lost deal, else the lead's).
        public let reason: String?
        public let retryReason: RetryReason?
        /// The lost deal, for a lost deal.
        public let opportunityId: String?
        /// The day of the last outbound activity (any rep), nil when the lead was never contacted.
        public let lastContactOn: LocalDate?
        /// The day the deal was lost, for a lost deal.
        public let lostOn: LocalDate?
        /// Three months after the last touch: the later of the last contact and the loss, or the lead's creation when neither exists.
        public let dueOn: LocalDate
    }

    /// How long after the last touch a lead becomes due.
    public static let waitMonths = 3

    /// The day the list is for: entries due on or before it.
    public let asOf: LocalDate
    /// Most overdue first (then by lead id).
    public internal(set) var entries: [Entry]

    /// - Parameters:
    ///   - lastOutbound: lead id → its last outbound activity before the end of `asOf` (from the whole history).
    ///   - reps: whose follow-ups count (a team); nil = all. An entry without a rep belongs to no team.
    public init(
        leads: [Lead], opportunities: [Opportunity], lastOutbound: [String: Date], asOf: LocalDate, clock: OrgClock, reps: Set<String>? = nil
    ) {
        let cutoff = clock.startOfDay(asOf.adding(days: 1))
        var dealsOfLead: [String: [Opportunity]] = [:]
        for o in opportunities where o.createdAt < cutoff {
            if let lead = o.leadId { dealsOfLead[lead, default: []].append(o) }
        }
        var entries: [Entry] = []
        for lead in leads where lead.createdAt < cutoff {
            let deals = dealsOfLead[lead.id] ?? []
            // A lead in a live deal, or one that became a customer, is sales' to follow, not a re-approach.
            let closed = deals.filter { o in o.closedAt.map { $0 < cutoff } ?? false && (o.stage == .won || o.stage == .lost) }
            guard closed.count == deals.count, !closed.contains(where: { $0.stage == .won }) else { continue }
            let lastContact = lastOutbound[lead.id].flatMap { $0 < cutoff ? $0 : nil }

            let found: (basis: Basis, reason: String?, deal: Opportunity?)
            if let latest = closed.max(by: { ($0.closedAt!, $0.id) < ($1.closedAt!, $1.id) }),
                RetryReason.classify(latest.lostReason) != nil
            {
                found = (.lostOpportunity, latest.lostReason, latest)
            } else if lead.status == .disqualified, RetryReason.classify(lead.lostReason) != nil {
                found = (.disqualified, lead.lostReason, nil)
            } else if lead.status == .dormant {
                found = (.dormant, lead.lostReason, nil)
            } else {
                continue
            }
            let (basis, reason, deal) = found
            let repId = deal?.createdBy ?? lead.assignedTo
            if let reps, !(repId.map(reps.contains) ?? false) { continue }
            let lastTouch = [lastContact, deal?.closedAt].compactMap { $0 }.max() ?? lead.createdAt
            let dueOn = clock.localDate(of: lastTouch).adding(months: ReapproachList.waitMonths)
            guard dueOn <= asOf else { continue }
            entries.append(
                Entry(
                    leadId: lead.id, company: lead.company, channel: lead.channel, repId: repId, basis: basis, reason: reason,
                    retryReason: RetryReason.classify(reason), opportunityId: deal?.id, lastContactOn: lastContact.map(clock.localDate(of:)),
                    lostOn: deal?.closedAt.map(clock.localDate(of:)), dueOn: dueOn))
        }
        self.asOf = asOf
        self.entries = entries.sorted { ($0.dueOn, $0.leadId) < ($1.dueOn, $1.leadId) }
    }
}
