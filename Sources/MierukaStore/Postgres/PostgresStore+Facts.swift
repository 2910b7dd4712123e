import Foundation
import MierukaCore

extension PostgresStore {
    func all<T: Sendable>(_ entity: Entity, where clause: String = "", _ binds: [DBValue] = [], decode: @escaping @Sendable ([DBValue]) -> T?)
        async throws -> [T]
    {
        try await rows("SELECT \(entity.columns.joined(separator: ",")) FROM \(entity.table) \(clause)", binds) { decode($0) }
    }

    public func facts(for period: Period) async throws -> KPIFacts {
        let start = DBValue.int(Int64(period.start.timeIntervalSince1970))
        let end = DBValue.int(Int64(period.end.timeIntervalSince1970))
        var facts = KPIFacts()
        facts.reps = try await all(.reps, decode: RecordDecoding.rep)
        facts.leads = try await all(.leads, decode: RecordDecoding.lead)
        facts.activities = try await all(.activities, where: "WHERE occurred_at >= $1 AND occurred_at < $2", [start, end], decode: RecordDecoding.activity)
        facts.opportunities = try await all(.opportunities, decode: RecordDecoding.opportunity)
        // Customer KPIs look at the month before P through P's last month.
        facts.customers = try await all(
            .customers, where: "WHERE month >= $1 AND month <= $2", [.text(period.monthBefore.description), .text(period.lastMonth.description)],
            decode: RecordDecoding.customer)
        facts.costs = try await all(.costs, decode: RecordDecoding.cost)
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
        let relevant = """
            WITH kpi_leads AS MATERIALIZED (
              SELECT lead_id FROM activities WHERE occurred_at >= $1 AND occurred_at < $2 AND direction = 'outbound'
              UNION
              SELECT lead_id FROM leads WHERE (created_at >= $1 AND created_at < $2) OR (assigned_at >= $1 AND assigned_at < $2))
            """
        var history: [String: LeadContactHistory] = [:]
        let firsts = try await rows(
            relevant + """
            SELECT k.lead_id, (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound'),
                   (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound' AND a.occurred_at >= $2)
            FROM kpi_leads k
            """, [start, end]
        ) { c in c[0].text.map { ($0, c[1].int, c[2].int) } }
        for (lead, first, next) in firsts {
            var h = LeadContactHistory()
            h.firstOutboundAt = first.map { Date(timeIntervalSince1970: Double($0)) }
            h.nextOutboundAfterEnd = next.map { Date(timeIntervalSince1970: Double($0)) }
            history[lead] = h
        }
        // Ties by activity_id in byte order, as SQLite's BINARY collation compares them, whatever the database's collation.
        let calls = try await rows(
            relevant + """
            SELECT a.lead_id, a.occurred_at, a.connected, a.rep_id FROM kpi_leads k
            JOIN activities a ON a.activity_id = (
              SELECT b.activity_id FROM activities b
              WHERE b.lead_id = k.lead_id AND b.direction = 'outbound' AND b.type = 'call'
              ORDER BY b.occurred_at, b.activity_id COLLATE "C" LIMIT 1)
            """, [start, end]
        ) { c -> (String, LeadContactHistory.FirstCall)? in
            guard let lead = c[0].text, let at = c[1].int, let rep = c[3].text else { return nil }
            return (lead, .init(at: Date(timeIntervalSince1970: Double(at)), connected: c[2].int == 1, repId: rep))
        }
        for (lead, call) in calls { history[lead, default: .init()].firstOutboundCall = call }
        return history
    }

    public func lastOutboundActivities(before end: Date) async throws -> [String: Date] {
        let pairs = try await rows(
            "SELECT lead_id, MAX(occurred_at) FROM activities WHERE direction = 'outbound' AND occurred_at < $1 GROUP BY lead_id",
            [.int(Int64(end.timeIntervalSince1970))]
        ) { c -> (String, Date)? in
            guard let lead = c[0].text, let at = c[1].int else { return nil }
            return (lead, Date(timeIntervalSince1970: Double(at)))
        }
        return Dictionary(pairs, uniquingKeysWith: { a, b in max(a, b) })
    }

    /// Every stored row of an entity, sorted: for checks that an import left the database unchanged, and for exports.
    public func allRows(_ entity: Entity) async throws -> [[DBValue]] {
        let columns = entity.columns.joined(separator: ",")
        return try await rows("SELECT \(columns) FROM \(entity.table) ORDER BY \(columns)") { $0 }
    }

    public func deleteTargets(_ targets: [Target]) async throws -> Int {
        var removed = 0
        for t in targets {
            removed += Int(
                try await scalar(
                    """
                    WITH d AS (DELETE FROM targets WHERE kpi = $1 AND scope = $2 AND scope_id = $3 AND period = $4 AND period_start = $5 RETURNING 1)
                    SELECT COUNT(*) FROM d
                    """,
                    [.text(t.kpi), .text(t.scope.rawValue), .text(t.scopeId ?? ""), .text(t.period.rawValue), .text(t.periodStart.description)]))
        }
        return removed
    }

    public func reps() async throws -> [Rep] {
        try await all(.reps, decode: RecordDecoding.rep)
    }

    public func targets() async throws -> [Target] {
        try await all(.targets, decode: RecordDecoding.target)
    }
}
