import Foundation
import MierukaCore
import MierukaStore

/// What one posted batch of events did.
public struct EventIngestResult: Sendable {
    public struct Line: Sendable, Hashable {
        public var eventId: String
        /// "accepted", or "duplicate" for an event_id already received (earlier, or earlier in the same batch).
        public var status: String
        public var activityId: String
    }

    public var received = 0
    public var accepted = 0
    public var duplicates = 0
    /// The merge of the activities the new events touched (an activity several events touch counts once).
    public var activities = MergeCounts()
    public var lines: [Line] = []
}

/// Events from call and MA tools, written all or nothing: the new events go into the event log, and every activity they
/// touch is folded anew from all of its stored events and written through the import path of POST /api/v1/activities,
/// in one transaction. An event_id already received changes nothing.
public struct EventIngest: Sendable {
    public let store: any Store
    /// Events per request, as records per request of the batch API.
    public static let maxEvents = BatchImporter.maxRecords

    public init(store: any Store) {
        self.store = store
    }

    /// Checks every event, then writes. Throws `BatchFailure` (nothing written) naming the event index and field of each
    /// problem, `BatchTooLarge` beyond `maxEvents`. `write` writes the folded activity records (in the caller's access
    /// rules) inside this transaction; its `BatchFailure` is reported against the events of the refused activities.
    public func run(
        _ records: [BatchRecord], receivedBy: String, now: Date = Date(), write: @Sendable @escaping ([BatchRecord]) async throws -> MergeCounts
    ) async throws -> EventIngestResult {
        guard records.count <= Self.maxEvents else { throw BatchTooLarge(count: records.count, limit: Self.maxEvents) }
        var parsed: [InboundEvent] = []
        var issues: [RecordIssue] = []
        for (index, record) in records.enumerated() {
            let (event, found) = InboundEvent.read(record, index: index)
            issues += found
            if let event { parsed.append(event) }
        }
        if !issues.isEmpty { throw Self.failure(issues) }
        let events = parsed
        let store = self.store
        return try await store.transaction {
            // Two requests carrying the same event must not both take it as new (SQLite's writer already holds the database).
            if store.dialect == .postgres { _ = try await store.query("SELECT pg_advisory_xact_lock(?)", [.int(Self.lockKey)]) }
            var result = EventIngestResult()
            result.received = events.count
            let known = try await Self.storedEventIds(events.map(\.eventId), store: store)
            var seen = known
            var fresh: [(index: Int, event: InboundEvent)] = []
            for (index, event) in events.enumerated() {
                let isNew = seen.insert(event.eventId).inserted
                result.lines.append(.init(eventId: event.eventId, status: isNew ? "accepted" : "duplicate", activityId: event.activityId))
                if isNew { fresh.append((index, event)) }
            }
            result.accepted = fresh.count
            result.duplicates = events.count - fresh.count
            guard !fresh.isEmpty else { return result }

            let activityIds = Array(Set(fresh.map(\.event.activityId))).sorted()
            var problems = try await Self.checkReferences(fresh, store: store)
            problems += Self.checkAgreement(fresh, stored: try await Self.storedEvents(of: activityIds, store: store))
            if !problems.isEmpty { throw Self.failure(problems.sorted { ($0.record, $0.field ?? "") < ($1.record, $1.field ?? "") }) }

            try await Self.insert(fresh.map(\.event), receivedBy: receivedBy, at: now, store: store)
            let all = Dictionary(grouping: try await Self.storedEvents(of: activityIds, store: store), by: \.activityId)
            let activities = activityIds.compactMap { all[$0].flatMap(EventActivity.record(of:)) }
            do {
                result.activities = try await write(activities)
            } catch let failure as BatchFailure {
                // The importer numbers the folded activities; name the first new event of each instead.
                let firstEvent = Dictionary(fresh.map { ($0.event.activityId, $0.index) }, uniquingKeysWith: { a, _ in a })
                throw BatchFailure(
                    issues: failure.issues.map { issue in
                        var issue = issue
                        let activity = issue.record < activityIds.count ? activityIds[issue.record] : ""
                        issue.record = firstEvent[activity] ?? issue.record
                        issue.message += " (activity \(activity) folded from its events)"
                        return issue
                    }, totalIssues: failure.totalIssues)
            }
            return result
        }
    }

    /// "MIERUKA" + 2 in ASCII, beside the rollups' key.
    static let lockKey: Int64 = 0x4D49_4552_554B_41_02

    static func failure(_ issues: [RecordIssue]) -> BatchFailure {
        BatchFailure(issues: Array(issues.prefix(ImportFailure.listed)), totalIssues: issues.count)
    }

    /// Every lead and rep an event names must exist (as in the activities import).
    static func checkReferences(_ fresh: [(index: Int, event: InboundEvent)], store: any Store) async throws -> [RecordIssue] {
        let leads = try await store.storedValues(of: "lead_id", in: .leads, forKeys: fresh.map(\.event.leadId))
        let reps = Set(try await store.keys(of: .reps))
        var issues: [RecordIssue] = []
        for (index, event) in fresh {
            if leads[event.leadId] == nil {
                issues.append(RecordIssue(record: index, field: "lead_id", value: event.leadId,
                                          message: "lead \"\(event.leadId)\" does not exist; import or post the lead first (POST /api/v1/leads)"))
            }
            if !reps.contains(event.repId) {
                issues.append(RecordIssue(record: index, field: "rep_id", value: event.repId,
                                          message: "rep \"\(event.repId)\" does not exist; add the rep to reps first"))
            }
        }
        return issues
    }

    /// All events of one call or message must name the same lead, rep and direction: the stored ones and the new ones.
    static func checkAgreement(_ fresh: [(index: Int, event: InboundEvent)], stored: [InboundEvent]) -> [RecordIssue] {
        var first: [String: InboundEvent] = [:]
        for event in stored where first[event.activityId] == nil { first[event.activityId] = event }
        var issues: [RecordIssue] = []
        for (index, event) in fresh {
            guard let earlier = first[event.activityId] else {
                first[event.activityId] = event
                continue
            }
            let source = "\(event.type.sourceField) \"\(event.sourceId)\""
            for (field, mine, theirs) in [("lead_id", event.leadId, earlier.leadId), ("rep_id", event.repId, earlier.repId),
                                          ("direction", event.direction, earlier.direction)] where mine != theirs {
                issues.append(RecordIssue(record: index, field: field, value: mine,
                                          message: "\(source) has \(field) \"\(theirs)\" in event \"\(earlier.eventId)\"; all events of one call or message name the same \(field)"))
            }
        }
        return issues
    }

    // MARK: - The event log

    static let columns = "event_id, activity_id, type, occurred_at, lead_id, rep_id, direction, duration_seconds, connected, decision_maker"

    static func storedEventIds(_ ids: [String], store: any Store) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in Array(Set(ids)).chunks(of: 500) {
            let rows = try await store.query("SELECT event_id FROM inbound_events WHERE event_id IN (\(placeholders(chunk.count)))", chunk.map(DBValue.text))
            for row in rows { if let id = row.first?.text { found.insert(id) } }
        }
        return found
    }

    static func storedEvents(of activityIds: [String], store: any Store) async throws -> [InboundEvent] {
        var events: [InboundEvent] = []
        for chunk in activityIds.chunks(of: 500) {
            let rows = try await store.query(
                "SELECT \(columns) FROM inbound_events WHERE activity_id IN (\(placeholders(chunk.count))) ORDER BY occurred_at, event_id", chunk.map(DBValue.text))
            for row in rows {
                guard let eventId = row[0].text, let activityId = row[1].text, let type = row[2].text.flatMap(InboundEventType.init(rawValue:)),
                    let at = row[3].date, let lead = row[4].text, let rep = row[5].text
                else { continue }
                let sourceId = String(activityId.dropFirst(type.activityType.count + 1))
                events.append(InboundEvent(
                    eventId: eventId, type: type, occurredAt: at, leadId: lead, repId: rep, sourceId: sourceId, direction: row[6].text ?? "outbound",
                    durationSeconds: row[7].int.map { Int($0) }, connected: row[8].bool, decisionMaker: row[9].bool))
            }
        }
        return events
    }

    static func insert(_ events: [InboundEvent], receivedBy: String, at: Date, store: any Store) async throws {
        for chunk in events.chunks(of: 200) {
            let row = "(" + placeholders(12) + ")"
            var binds: [DBValue] = []
            for e in chunk {
                binds += [.text(e.eventId), .text(e.activityId), .text(e.type.rawValue), DBValue(e.occurredAt), .text(e.leadId), .text(e.repId),
                          .text(e.direction), DBValue(e.durationSeconds), DBValue(e.connected), DBValue(e.decisionMaker), DBValue(at), .text(receivedBy)]
            }
            try await store.execute(
                "INSERT INTO inbound_events (\(columns), received_at, received_by) VALUES " + Array(repeating: row, count: chunk.count).joined(separator: ","),
                binds)
        }
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
}

extension Array {
    fileprivate func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
