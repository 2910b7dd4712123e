import Foundation

/// Why deals and leads were lost (失注理由), counted and shared, most frequent first (004: 失注理由を必ず記録する).
public struct LostReasons: Sendable, Hashable, Codable {
    /// One reason: how many, and their share of the whole.
    public struct Row: Sendable, Hashable, Codable {
        /// The reason as recorded (trimmed); nil when none was recorded.
        public let reason: String?
        public let count: Int
        /// count ÷ the total of the list.
        public let share: Double
    }

    /// Opportunities lost in P (stage lost, closed_at in P), by their lost_reason.
    public let opportunities: [Row]
    public let opportunitiesLost: Int
    /// Disqualified leads among the leads worked in P, by their lost_reason. A lead records no date of its
    /// disqualification, so "in P" is read as "worked in P (an outbound activity in P) and now disqualified".
    public let leads: [Row]
    public let leadsDisqualified: Int

    /// - Parameter reps: whose losses count (a team): opportunities by created_by, leads by the rep of the activity; nil = all.
    public init(facts: KPIFacts, period: Period, reps: Set<String>? = nil) {
        func counts(_ reasons: [String?]) -> [Row] {
            var tally: [String?: Int] = [:]
            for r in reasons { tally[r, default: 0] += 1 }
            let total = Double(reasons.count)
            // Most frequent first; ties by reason, with "not recorded" last.
            return tally.map { Row(reason: $0.key, count: $0.value, share: Double($0.value) / total) }
                .sorted { ($1.count, $0.reason ?? "\u{10FFFF}") < ($0.count, $1.reason ?? "\u{10FFFF}") }
        }
        let lost = facts.opportunities.filter { o in
            o.stage == .lost && period.contains(o.closedAt) && (reps.map { $0.contains(o.createdBy) } ?? true)
        }
        var worked: Set<String> = []
        for a in facts.activities where a.isOutbound && period.contains(a.occurredAt) && (reps.map { $0.contains(a.repId) } ?? true) {
            worked.insert(a.leadId)
        }
        let disqualified = facts.leads.filter { $0.status == .disqualified && worked.contains($0.id) }
        opportunities = counts(lost.map { LostReasons.normalised($0.lostReason) })
        opportunitiesLost = lost.count
        leads = counts(disqualified.map { LostReasons.normalised($0.lostReason) })
        leadsDisqualified = disqualified.count
    }

    /// The reason trimmed; empty counts as not recorded.
    static func normalised(_ reason: String?) -> String? {
        guard let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
