import Foundation

/// Writes records as canonical CSV cells (data-model.md): ISO 8601 date-times with the organisation's offset,
/// `true`/`false`, integer yen, empty cell for unknown.
public struct CanonicalRow: Sendable {
    public let clock: OrgClock

    public init(timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!) {
        self.clock = OrgClock(timeZone: timeZone)
    }

    public func datetime(_ d: Date?) -> String {
        guard let d else { return "" }
        let date = clock.localDate(of: d)
        let s = clock.secondOfDay(of: d)
        let offset = clock.timeZone.secondsFromGMT(for: d)
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset)
        return String(format: "%@T%02d:%02d:%02d%@%02d:%02d", date.description, s / 3600, s / 60 % 60, s % 60, sign, o / 3600, o / 60 % 60)
    }

    private func b(_ v: Bool?) -> String { v.map { $0 ? "true" : "false" } ?? "" }
    private func t(_ v: String?) -> String { v ?? "" }
    private func n<T: BinaryInteger>(_ v: T?) -> String { v.map { String($0) } ?? "" }

    public func cells(_ r: Rep) -> [String] { [r.id, r.name, t(r.team), r.role.rawValue, t(r.startedOn?.description)] }

    public func cells(_ l: Lead) -> [String] {
        [l.id, t(l.company), l.channel, datetime(l.createdAt), t(l.assignedTo), datetime(l.assignedAt), l.status.rawValue,
         t(l.temperature?.rawValue), datetime(l.mqlAt), datetime(l.sqlAt), t(l.lostReason), t(l.nextFollowUpOn?.description),
         t(l.tags), t(l.industry), t(l.title)]
    }

    public func cells(_ a: Activity) -> [String] {
        [a.id, a.leadId, a.repId, a.type.rawValue, a.direction.rawValue, datetime(a.occurredAt), n(a.durationSeconds),
         b(a.connected), b(a.decisionMaker), b(a.opened), b(a.clicked), b(a.replied), b(a.bounced)]
    }

    public func cells(_ o: Opportunity) -> [String] {
        [o.id, t(o.leadId), o.createdBy, t(o.owner), o.source.rawValue, datetime(o.createdAt), datetime(o.meetingAt),
         datetime(o.handedOffAt), o.stage.rawValue, n(o.amount), t(o.expectedCloseOn?.description), datetime(o.closedAt),
         t(o.lostReason), b(o.budget), b(o.authority), b(o.timeline), t(o.need?.rawValue), t(o.decisionProcess?.rawValue),
         t(o.nextAction?.rawValue), b(o.isReactivation)]
    }

    public func cells(_ c: CustomerMonth) -> [String] { [c.customerId, c.month.description, String(c.mrr), t(c.plan), b(c.dormant)] }

    public func cells(_ c: Cost) -> [String] { [c.month.description, t(c.channel), c.category.rawValue, String(c.amount), n(c.visits)] }

    public func cells(_ x: Target) -> [String] {
        [x.kpi, x.scope.rawValue, t(x.scopeId), x.period.rawValue, x.periodStart.description, Self.number(x.value)]
    }

    /// A number without a trailing ".0" when it is whole.
    public static func number(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
