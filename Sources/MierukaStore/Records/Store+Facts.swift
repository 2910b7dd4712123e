import Foundation
import MierukaCore

/// The engine's facts and the record reads every caller shares, written once for both databases over
/// `Store.query` / `Store.execute` (`?` placeholders; the few dialect words come from `dialect`).
extension Store {
    func records<T>(_ entity: Entity, where clause: String = "", _ binds: [DBValue] = [], decode: ([DBValue]) -> T?) async throws -> [T] {
        try await query("SELECT \(entity.columns.joined(separator: ",")) FROM \(entity.table) \(clause)", binds).compactMap(decode)
    }

    public func facts(for period: Period) async throws -> KPIFacts {
        let start = DBValue.int(Int64(period.start.timeIntervalSince1970))
        let end = DBValue.int(Int64(period.end.timeIntervalSince1970))
        var facts = KPIFacts()
        facts.reps = try await records(.reps, decode: RecordDecoding.rep)
        facts.leads = try await records(.leads, decode: RecordDecoding.lead)
        facts.activities = try await records(.activities, where: "WHERE occurred_at >= ? AND occurred_at < ?", [start, end], decode: RecordDecoding.activity)
        facts.opportunities = try await records(.opportunities, decode: RecordDecoding.opportunity)
        // Customer KPIs look at the month before P through P's last month.
        facts.customers = try await records(
            .customers, where: "WHERE month >= ? AND month <= ?", [.text(period.monthBefore.description), .text(period.lastMonth.description)],
            decode: RecordDecoding.customer)
        facts.costs = try await records(.costs, decode: RecordDecoding.cost)
        facts.contactHistory = try await contactHistory(start: start, end: end)
        // forecast_accuracy: the won-amount forecast recorded while the period ran (the mid-period one).
        let snapshots = try await forecasts(kpi: "won_amount", group: "org", from: period.from, to: period.to)
        if let judged = ForecastSnapshot.judged(snapshots, from: period.from, to: period.to, calendar: try await settings().calendar) {
            facts.recordedForecasts["won_amount"] = judged.landing
        }
        return facts
    }

    /// Per lead the engine may ask about (created or assigned in P, or worked in P): the first outbound activity ever,
    /// the first-ever outbound call (ties by activity_id), and the next outbound activity at or after the end.
    func contactHistory(start: DBValue, end: DBValue) async throws -> [String: LeadContactHistory] {
        // A common table expression rather than a temp table: concurrent readers of one connection share no state.
        let relevant = """
            WITH kpi_leads AS MATERIALIZED (
              SELECT lead_id FROM activities WHERE occurred_at >= ? AND occurred_at < ? AND direction = 'outbound'
              UNION
              SELECT lead_id FROM leads WHERE (created_at >= ? AND created_at < ?) OR (assigned_at >= ? AND assigned_at < ?))
            """
        let relevantBinds = [start, end, start, end, start, end]
        var history: [String: LeadContactHistory] = [:]
        let firsts = try await query(
            relevant + """
            SELECT k.lead_id, (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound'),
                   (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound' AND a.occurred_at >= ?)
            FROM kpi_leads k
            """, relevantBinds + [end])
        for c in firsts {
            guard let lead = c[0].text else { continue }
            var h = LeadContactHistory()
            h.firstOutboundAt = c[1].date
            h.nextOutboundAfterEnd = c[2].date
            history[lead] = h
        }
        // Ties by activity_id in byte order, as SQLite's BINARY collation compares them, whatever PostgreSQL's collation.
        let byteOrder = dialect == .postgres ? " COLLATE \"C\"" : ""
        let calls = try await query(
            relevant + """
            SELECT a.lead_id, a.occurred_at, a.connected, a.rep_id FROM kpi_leads k
            JOIN activities a ON a.activity_id = (
              SELECT b.activity_id FROM activities b
              WHERE b.lead_id = k.lead_id AND b.direction = 'outbound' AND b.type = 'call'
              ORDER BY b.occurred_at, b.activity_id\(byteOrder) LIMIT 1)
            """, relevantBinds)
        for c in calls {
            guard let lead = c[0].text, let at = c[1].date, let rep = c[3].text else { continue }
            history[lead, default: .init()].firstOutboundCall = .init(at: at, connected: c[2].int == 1, repId: rep)
        }
        return history
    }

    public func lastOutboundActivities(before end: Date) async throws -> [String: Date] {
        let rows = try await query(
            "SELECT lead_id, MAX(occurred_at) FROM activities WHERE direction = 'outbound' AND occurred_at < ? GROUP BY lead_id",
            [.int(Int64(end.timeIntervalSince1970))])
        var last: [String: Date] = [:]
        for c in rows {
            guard let lead = c[0].text, let at = c[1].date else { continue }
            last[lead] = max(last[lead] ?? at, at)
        }
        return last
    }

    /// Every stored row of an entity, sorted: for checks that an import left the database unchanged, and for exports.
    public func allRows(_ entity: Entity) async throws -> [[DBValue]] {
        let columns = entity.columns.joined(separator: ",")
        return try await query("SELECT \(columns) FROM \(entity.table) ORDER BY \(columns)", [])
    }

    public func deleteTargets(_ targets: [Target]) async throws -> Int {
        var removed = 0
        for t in targets {
            let binds: [DBValue] = [.text(t.kpi), .text(t.scope.rawValue), .text(t.scopeId ?? ""), .text(t.period.rawValue), .text(t.periodStart.description)]
            let clause = "WHERE kpi = ? AND scope = ? AND scope_id = ? AND period = ? AND period_start = ?"
            removed += Int(try await query("SELECT COUNT(*) FROM targets \(clause)", binds).first?.first?.int ?? 0)
            try await execute("DELETE FROM targets \(clause)", binds)
        }
        return removed
    }

    public func reps() async throws -> [Rep] {
        try await records(.reps, decode: RecordDecoding.rep)
    }

    public func targets() async throws -> [Target] {
        try await records(.targets, decode: RecordDecoding.target)
    }
}
