import Foundation
import MierukaCore
import SQLiteNIO

extension SQLiteStore {
    func all<T: Sendable>(_ entity: Entity, where clause: String = "", _ binds: [SQLiteData] = [], decode: @escaping @Sendable ([DBValue]) -> T?)
        async throws -> [T]
    {
        try await rows("SELECT \(entity.columns.joined(separator: ",")) FROM \(entity.table) \(clause)", binds) { cells in
            decode(cells.map(DBValue.init))
        }
    }

    public func facts(for period: Period) async throws -> KPIFacts {
        let start = SQLiteData.integer(Int(period.start.timeIntervalSince1970))
        let end = SQLiteData.integer(Int(period.end.timeIntervalSince1970))
        var facts = KPIFacts()
        facts.reps = try await all(.reps, decode: RecordDecoding.rep)
        facts.leads = try await all(.leads, decode: RecordDecoding.lead)
        facts.activities = try await all(.activities, where: "WHERE occurred_at >= ? AND occurred_at < ?", [start, end], decode: RecordDecoding.activity)
        facts.opportunities = try await all(.opportunities, decode: RecordDecoding.opportunity)
        // Customer KPIs look at the month before P through P's last month.
        facts.customers = try await all(
            .customers, where: "WHERE month >= ? AND month <= ?", [.text(period.monthBefore.description), .text(period.lastMonth.description)],
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
    func contactHistory(start: SQLiteData, end: SQLiteData) async throws -> [String: LeadContactHistory] {
        // A common table expression rather than a temp table: concurrent readers of one connection share no state.
        let relevant = """
            WITH kpi_leads AS MATERIALIZED (
              SELECT lead_id FROM main.activities WHERE occurred_at >= ?1 AND occurred_at < ?2 AND direction = 'outbound'
              UNION
              SELECT lead_id FROM main.leads WHERE (created_at >= ?1 AND created_at < ?2) OR (assigned_at >= ?1 AND assigned_at < ?2))
            """
        var history: [String: LeadContactHistory] = [:]
        let firsts = try await rows(
            relevant + """
            SELECT k.lead_id, (SELECT MIN(a.occurred_at) FROM main.activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound'),
                   (SELECT MIN(a.occurred_at) FROM main.activities a WHERE a.lead_id = k.lead_id AND a.direction = 'outbound' AND a.occurred_at >= ?2)
            FROM kpi_leads k
            """, [start, end]
        ) { c in c[0].string.map { ($0, c[1].integer, c[2].integer) } }
        for (lead, first, next) in firsts {
            var h = LeadContactHistory()
            h.firstOutboundAt = first.map { Date(timeIntervalSince1970: Double($0)) }
            h.nextOutboundAfterEnd = next.map { Date(timeIntervalSince1970: Double($0)) }
            history[lead] = h
        }
        let calls = try await rows(
            relevant + """
            SELECT a.lead_id, a.occurred_at, a.connected, a.rep_id FROM kpi_leads k
            JOIN main.activities a ON a.activity_id = (
              SELECT b.activity_id FROM main.activities b
              WHERE b.lead_id = k.lead_id AND b.direction = 'outbound' AND b.type = 'call'
              ORDER BY b.occurred_at, b.activity_id LIMIT 1)
            """, [start, end]
        ) { c -> (String, LeadContactHistory.FirstCall)? in
            guard let lead = c[0].string, let at = c[1].integer, let rep = c[3].string else { return nil }
            return (lead, .init(at: Date(timeIntervalSince1970: Double(at)), connected: c[2].integer == 1, repId: rep))
        }
        for (lead, call) in calls { history[lead, default: .init()].firstOutboundCall = call }
        return history
    }

    public func lastOutboundActivities(before end: Date) async throws -> [String: Date] {
        let pairs = try await rows(
            "SELECT lead_id, MAX(occurred_at) FROM main.activities WHERE direction = 'outbound' AND occurred_at < ? GROUP BY lead_id",
            [.integer(Int(end.timeIntervalSince1970))]
        ) { c -> (String, Date)? in
            guard let lead = c[0].string, let at = c[1].integer else { return nil }
            return (lead, Date(timeIntervalSince1970: Double(at)))
        }
        return Dictionary(pairs, uniquingKeysWith: { a, b in max(a, b) })
    }

    /// Every stored row of an entity, sorted: for checks that an import left the database unchanged, and for exports.
    public func allRows(_ entity: Entity) async throws -> [[DBValue]] {
        let columns = entity.columns.joined(separator: ",")
        return try await rows("SELECT \(columns) FROM main.\(entity.table) ORDER BY \(columns)") { $0.map(DBValue.init) }
    }

    public func deleteTargets(_ targets: [Target]) async throws -> Int {
        var removed = 0
        for t in targets {
            let binds: [SQLiteData] = [.text(t.kpi), .text(t.scope.rawValue), .text(t.scopeId ?? ""), .text(t.period.rawValue), .text(t.periodStart.description)]
            let clause = "WHERE kpi = ? AND scope = ? AND scope_id = ? AND period = ? AND period_start = ?"
            removed += Int(try await rows("SELECT COUNT(*) FROM main.targets \(clause)", binds) { $0.first?.integer }.first ?? 0)
            try await exec("DELETE FROM main.targets \(clause)", binds)
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
