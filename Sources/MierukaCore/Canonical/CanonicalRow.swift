import Foundation

/// Writes records as canonical CSV cells (data-model.md): ISO 8601 date-times with the organisation's offset,
/// `true`/`false`, integer yen, empty cell for unknown.
public struct CanonicalRow: Sendable {
    public let clock: OrgClock

    public init(timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!) {
        self.clock = OrgClock(timeZone: timeZone)
    }

    /// `2026-04-01T09:30:00+09:00`. Built digit by digit: exports write millions of these, and String(format:) is slow.
    public func datetime(_ d: Date?) -> String {
        guard let d else { return "" }
        let date = clock.localDate(of: d)
        let s = clock.secondOfDay(of: d)
        let offset = clock.offset(at: d)
        let o = abs(offset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        Self.digits(date.year, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.digits(date.month, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.digits(date.day, 2, &bytes)
        bytes.append(UInt8(ascii: "T"))
        Self.digits(s / 3600, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(s / 60 % 60, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(s % 60, 2, &bytes)
        bytes.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        Self.digits(o / 3600, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(o / 60 % 60, 2, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func digits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var v = max(0, value)
        var buffer = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var i = width - 1
        while i >= 0 {
            buffer[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        out.append(contentsOf: buffer)
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
