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
        facts.customers = try await all(.customers, decode: RecordDecoding.customer)
        facts.costs = try await all(.costs, decode: RecordDecoding.cost)
        facts.contactHistory = try await contactHistory(periodEnd: end)
        return facts
    }

    /// Per lead: first outbound activity ever, first-ever outbound call (ties by activity_id), next outbound at or after the end.
    func contactHistory(periodEnd end: SQLiteData) async throws -> [String: LeadContactHistory] {
        var history: [String: LeadContactHistory] = [:]
        let firsts = try await rows("SELECT lead_id, MIN(occurred_at) FROM activities WHERE direction = 'outbound' GROUP BY lead_id") { c in
            c[0].string.flatMap { id in c[1].integer.map { (id, $0) } }
        }
        for (lead, at) in firsts { history[lead, default: .init()].firstOutboundAt = Date(timeIntervalSince1970: Double(at)) }
        let calls = try await rows(
            """
            SELECT lead_id, occurred_at, connected, rep_id FROM (
              SELECT lead_id, occurred_at, connected, rep_id,
                     ROW_NUMBER() OVER (PARTITION BY lead_id ORDER BY occurred_at, activity_id) AS n
              FROM activities WHERE type = 'call' AND direction = 'outbound') WHERE n = 1
            """
        ) { c -> (String, LeadContactHistory.FirstCall)? in
            guard let lead = c[0].string, let at = c[1].integer, let rep = c[3].string else { return nil }
            return (lead, .init(at: Date(timeIntervalSince1970: Double(at)), connected: c[2].integer == 1, repId: rep))
        }
        for (lead, call) in calls { history[lead, default: .init()].firstOutboundCall = call }
        let nexts = try await rows(
            "SELECT lead_id, MIN(occurred_at) FROM activities WHERE direction = 'outbound' AND occurred_at >= ? GROUP BY lead_id", [end]
        ) { c in c[0].string.flatMap { id in c[1].integer.map { (id, $0) } } }
        for (lead, at) in nexts { history[lead, default: .init()].nextOutboundAfterEnd = Date(timeIntervalSince1970: Double(at)) }
        return history
    }

    /// Every stored row of an entity, sorted: for checks that an import left the database unchanged, and for exports.
    public func allRows(_ entity: Entity) async throws -> [[DBValue]] {
        let columns = entity.columns.joined(separator: ",")
        return try await rows("SELECT \(columns) FROM main.\(entity.table) ORDER BY \(columns)") { $0.map(DBValue.init) }
    }

    public func targets() async throws -> [Target] {
        try await all(.targets, decode: RecordDecoding.target)
    }
}
