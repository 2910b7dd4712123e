import MierukaCore

/// A record of any canonical entity, as the importer hands it to the store.
public enum CanonicalRecord: Sendable, Hashable {
    case rep(Rep)
    case lead(Lead)
    case activity(Activity)
    case opportunity(Opportunity)
    case customer(CustomerMonth)
    case cost(Cost)
    case target(Target)

    public var entity: Entity {
        switch self {
        case .rep: return .reps
        case .lead: return .leads
        case .activity: return .activities
        case .opportunity: return .opportunities
        case .customer: return .customers
        case .cost: return .costs
        case .target: return .targets
        }
    }

    /// The dedupe key as one text (nil for costs, which have none).
    public var key: String? {
        switch self {
        case .rep(let r): return r.id
        case .lead(let l): return l.id
        case .activity(let a): return a.id
        case .opportunity(let o): return o.id
        case .customer(let c): return c.customerId + "|" + c.month.description
        case .cost: return nil
        case .target(let t): return t.key
        }
    }

    /// The row's cells in `entity.columns` order.
    public var cells: [DBValue] {
        switch self {
        case .rep(let r):
            return [.text(r.id), .text(r.name), DBValue(r.team), DBValue(r.role), DBValue(r.startedOn)]
        case .lead(let l):
            return [.text(l.id), DBValue(l.company), .text(l.channel), DBValue(l.createdAt), DBValue(l.assignedTo), DBValue(l.assignedAt),
                    DBValue(l.status), DBValue(l.temperature), DBValue(l.mqlAt), DBValue(l.sqlAt), DBValue(l.lostReason),
                    DBValue(l.nextFollowUpOn), DBValue(l.tags), DBValue(l.industry), DBValue(l.title)]
        case .activity(let a):
            return [.text(a.id), .text(a.leadId), .text(a.repId), DBValue(a.type), DBValue(a.direction), DBValue(a.occurredAt),
                    DBValue(a.durationSeconds), DBValue(a.connected), DBValue(a.decisionMaker), DBValue(a.opened), DBValue(a.clicked),
                    DBValue(a.replied), DBValue(a.bounced)]
        case .opportunity(let o):
            return [.text(o.id), DBValue(o.leadId), .text(o.createdBy), DBValue(o.owner), DBValue(o.source), DBValue(o.createdAt),
                    DBValue(o.meetingAt), DBValue(o.handedOffAt), DBValue(o.stage), DBValue(o.amount), DBValue(o.expectedCloseOn),
                    DBValue(o.closedAt), DBValue(o.lostReason), DBValue(o.budget), DBValue(o.authority), DBValue(o.timeline),
                    DBValue(o.need), DBValue(o.decisionProcess), DBValue(o.nextAction), DBValue(o.isReactivation)]
        case .customer(let c):
            return [.text(c.customerId), .text(c.month.description), .int(c.mrr), DBValue(c.plan), DBValue(c.dormant)]
        case .cost(let c):
            return [.text(c.month.description), DBValue(c.channel), DBValue(c.category), .int(c.amount), DBValue(c.visits)]
        case .target(let t):
            return [.text(t.kpi), DBValue(t.scope), .text(t.scopeId ?? ""), DBValue(t.period), DBValue(t.periodStart), .double(t.value)]
        }
    }
}
