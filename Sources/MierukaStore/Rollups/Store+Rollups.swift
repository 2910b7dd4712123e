import Foundation
import MierukaCore

/// What a rollup rebuild did, for the command's report.
public struct RollupRebuildSummary: Sendable {
    public var units = 0
    public var cells = 0
    public var seconds = 0.0
}

/// The rollups on either database, through `Store.execute` / `Store.query` (the SQL is in RollupSQL and here, once).
///
/// Cells are kept right by units: a write re-counts the leads it touched (old contribution out, new one in) in the same
/// transaction. When the cells were built under other settings or another rep → team map (the fingerprint), or a write
/// touches too many units to re-count one by one, the rollups are marked stale and rebuilt before the transaction
/// commits; readers never use stale cells (they fall back to counting the records).
extension Store {
    /// Above this many touched units, a write rebuilds every cell instead of re-counting unit by unit.
    static var rollupDeltaLimit: Int { 2_000 }

    /// The version of the cell layout and counting rules: bumped when RollupContribution changes, so old cells are rebuilt.
    static var rollupVersion: String { "1" }

    /// What the cells depend on besides the records: the counting settings and each rep's team.
    public static func rollupFingerprint(settings: OrganisationSettings, reps: [Rep]) -> String {
        var parts = [
            "v" + rollupVersion, settings.timeZone.identifier, "\(settings.fiscalYearStartMonth)", "\(settings.validConversationSeconds)",
            "\(settings.slaMinutes)", settings.slaExcludedChannels.sorted().joined(separator: ","), "\(settings.validOpportunityScore)",
        ]
        parts += reps.sorted { $0.id < $1.id }.map { "\($0.id)=\($0.team ?? "")" }
        return parts.joined(separator: "\u{1F}")
    }

    // MARK: - State

    /// Serialises the transactions that maintain rollups, until they commit: two PostgreSQL writers would otherwise
    /// each apply their change to the cell as they read it, and one change would be lost (or a unit counted twice).
    /// SQLite's writer already holds the database (BEGIN IMMEDIATE).
    func lockRollups() async throws {
        guard dialect == .postgres else { return }
        _ = try await query("SELECT pg_advisory_xact_lock(?)", [.int(Self.rollupLockKey)])
    }

    /// The advisory lock's key ("MIERUKA" + 1 in ASCII, well away from the migrations' key).
    static var rollupLockKey: Int64 { 0x4D49_4552_554B_41_01 }

    func rollupState() async throws -> [String: String] {
        var state: [String: String] = [:]
        for row in try await query("SELECT key, value FROM rollup_state", []) {
            if let key = row[0].text, let value = row[1].text { state[key] = value }
        }
        return state
    }

    /// Whether the stored cells answer for these settings and reps (built with them and not stale).
    public func rollupsUsable(settings: OrganisationSettings, reps: [Rep]) async throws -> Bool {
        let state = try await rollupState()
        return state["stale"] == nil && state["fingerprint"] == Self.rollupFingerprint(settings: settings, reps: reps)
    }

    func setRollupState(_ key: String, _ value: String?) async throws {
        if let value {
            try await execute(
                "INSERT INTO rollup_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(key), .text(value)])
        } else {
            try await execute("DELETE FROM rollup_state WHERE key = ?", [.text(key)])
        }
    }

    /// How many times the cells were counted from scratch (a write that re-counts its units leaves it as it is).
    public func rollupRebuildCount() async throws -> Int { Int(try await rollupState()["rebuilds"] ?? "0") ?? 0 }

    /// Every stored cell and month sum, in key order with each cell's value lists sorted: two rollups of the same records
    /// compare equal however they were reached.
    public func rollupSnapshot() async throws -> [String] {
        var lines: [String] = []
        for row in try await query("SELECT kind, grp, day, tally FROM rollup_cells ORDER BY kind, day, grp", []) {
            guard case .blob(let bytes) = row[3], var tally = RollupTally(bytes: bytes) else { throw StoreError.rollupCorrupt }
            tally.firstResponseMinutes.sort()
            tally.assignmentToContactMinutes.sort()
            tally.recontactDays.sort()
            lines.append("\(row[0].text ?? "") \(row[1].text ?? "") \(row[2].int ?? 0) \(tally.counters) \(tally.worked) \(tally.responded) "
                + "\(tally.dormantWorked) \(tally.firstResponseMinutes) \(tally.assignmentToContactMinutes) \(tally.recontactDays)")
        }
        for row in try await query("SELECT kind, grp, month, pipeline FROM rollup_months WHERE pipeline <> 0 ORDER BY kind, month, grp", []) {
            lines.append("month \(row[0].text ?? "") \(row[1].text ?? "") \(row[2].int ?? 0) \(row[3].double ?? 0)")
        }
        return lines
    }

    // MARK: - Reading

    /// The cells `engine.compute(rollup:)` needs for `period` and `grouping`, with the small tables beside them.
    public func rollupRead(period: Period, grouping: KPIGrouping, settings: OrganisationSettings, reps: [Rep]) async throws -> RollupRead {
        let kind = RollupKind(grouping).rawValue
        let from = period.from.dayNumber
        let to = period.to.dayNumber
        // The open pipeline at the end: whole months before the end's month from rollup_months, that month's days from cells.
        let endMonth = period.to.yearMonth
        let endMonthStart = endMonth.firstDay.dayNumber
        let first = min(from, endMonthStart)
        var cells: [(group: String?, tally: RollupTally)] = []
        var pipeline: [String?: Double] = [:]
        // In key order: the engine adds the cells' fractional sums (minutes, days) in the order read, and PostgreSQL's
        // order without ORDER BY follows its plan, which can change between two requests once autovacuum has analysed
        // the table — the same question then differed in its last digit (the flaky API = CLI test).
        for row in try await query("SELECT grp, day, tally FROM rollup_cells WHERE kind = ? AND day >= ? AND day < ? ORDER BY day, grp",
                                   [.text(kind), .int(Int64(first)), .int(Int64(to))]) {
            guard case .blob(let bytes) = row[2], let tally = RollupTally(bytes: bytes), let day = row[1].int else { throw StoreError.rollupCorrupt }
            let group = Self.group(row[0])
            if day >= from { cells.append((group, tally)) }
            if day >= endMonthStart, tally[.pipelineChange] != 0 { pipeline[group, default: 0] += tally[.pipelineChange] }
        }
        for row in try await query("SELECT grp, SUM(pipeline) FROM rollup_months WHERE kind = ? AND month < ? GROUP BY grp", [.text(kind), .int(Int64(endMonth.index))]) {
            pipeline[Self.group(row[0]), default: 0] += row[1].double ?? 0
        }
        var presence: [RollupCellKey: RollupTally] = [:]
        let kinds = RollupKind.allCases.map(\.rawValue)
        for row in try await query(
            "SELECT kind, grp, tally FROM rollup_cells WHERE kind IN (\(RollupSQL.placeholders(kinds.count))) AND day = ?",
            kinds.map(DBValue.text) + [.int(Int64(RollupCellKey.presenceDay))])
        {
            guard let kind = row[0].text.flatMap(RollupKind.init(rawValue:)), case .blob(let bytes) = row[2], let tally = RollupTally(bytes: bytes)
            else { throw StoreError.rollupCorrupt }
            presence[RollupCellKey(kind: kind, group: Self.group(row[1]), day: RollupCellKey.presenceDay)] = tally
        }
        let costs = try await query("SELECT \(Entity.costs.columns.joined(separator: ",")) FROM costs", []).compactMap(RecordDecoding.cost)
        // Customer KPIs are organisation-wide only (CustomerFigures): other groupings need not read the customers.
        let customers = grouping != .org ? [] : try await query(
            RollupSQL.select(.customers, where: "month >= ? AND month <= ?"), [.text(period.monthBefore.description), .text(period.lastMonth.description)]
        ).compactMap(RecordDecoding.customer)
        var recorded: [String: Double] = [:]
        let snapshots = try await forecasts(kpi: "won_amount", group: "org", from: period.from, to: period.to)
        if let judged = ForecastSnapshot.judged(snapshots, from: period.from, to: period.to, calendar: settings.calendar) {
            recorded["won_amount"] = judged.landing
        }
        return RollupRead(
            reps: reps, costs: costs, customers: customers, recordedForecasts: recorded, cells: cells, presence: presence, pipelineAtEnd: pipeline)
    }

    static func group(_ value: DBValue) -> String? {
        guard let text = value.text, !text.isEmpty else { return nil }
        return text
    }

    // MARK: - Units

    /// The stored records of the units `ids` (lead ids, or prefixed opportunity ids).
    func rollupUnits(_ ids: [String]) async throws -> [RollupUnit] {
        var leads: [Lead] = []
        var activities: [Activity] = []
        var opportunities: [Opportunity] = []
        let leadIds = ids.filter { !$0.hasPrefix(RollupUnit.opportunityPrefix) }
        let orphanIds = ids.filter { $0.hasPrefix(RollupUnit.opportunityPrefix) }.map { String($0.dropFirst(RollupUnit.opportunityPrefix.count)) }
        for chunk in leadIds.chunked(500) {
            let binds = chunk.map(DBValue.text)
            let list = RollupSQL.placeholders(chunk.count)
            leads += try await query(RollupSQL.select(.leads, where: "lead_id IN (\(list))"), binds).compactMap(RecordDecoding.lead)
            activities += try await query(RollupSQL.select(.activities, where: "lead_id IN (\(list))"), binds).compactMap(RecordDecoding.activity)
            opportunities += try await query(RollupSQL.select(.opportunities, where: "lead_id IN (\(list))"), binds).compactMap(RecordDecoding.opportunity)
        }
        for chunk in orphanIds.chunked(500) {
            opportunities += try await query(
                RollupSQL.select(.opportunities, where: "lead_id IS NULL AND opportunity_id IN (\(RollupSQL.placeholders(chunk.count)))"),
                chunk.map(DBValue.text)
            ).compactMap(RecordDecoding.opportunity)
        }
        return RollupUnit.units(leads: leads, activities: activities, opportunities: opportunities)
    }

    // MARK: - Writing

    /// Replaces the stored cells of the keys in `before` ∪ `after` by stored − before + after.
    func applyRollupChange(removing before: RollupCells, adding after: RollupCells) async throws {
        let keys = Array(Set(before.cells.keys).union(after.cells.keys))
        for chunk in keys.chunked(300) {
            var stored: [RollupCellKey: RollupTally] = [:]
            let tuples = RollupSQL.rows(chunk.count, width: 3)
            var binds: [DBValue] = []
            for key in chunk { binds += [.text(key.kind.rawValue), .int(Int64(key.day)), .text(key.group ?? "")] }
            for row in try await query("SELECT kind, day, grp, tally FROM rollup_cells WHERE (kind, day, grp) IN (VALUES \(tuples))", binds) {
                guard let kind = row[0].text.flatMap(RollupKind.init(rawValue:)), let day = row[1].int, case .blob(let bytes) = row[3],
                    let tally = RollupTally(bytes: bytes)
                else { throw StoreError.rollupCorrupt }
                stored[RollupCellKey(kind: kind, group: Self.group(row[2]), day: Int(day))] = tally
            }
            var upserts: [(RollupCellKey, RollupTally)] = []
            var deletes: [RollupCellKey] = []
            var months: [RollupCellKey: Double] = [:]
            for key in chunk {
                var tally = stored[key] ?? RollupTally()
                if let old = before.cells[key] { tally.add(old, sign: -1) }
                if let new = after.cells[key] { tally.add(new) }
                if tally.isEmpty { deletes.append(key) } else { upserts.append((key, tally)) }
                let change = (after.cells[key]?[.pipelineChange] ?? 0) - (before.cells[key]?[.pipelineChange] ?? 0)
                if change != 0, key.day != RollupCellKey.presenceDay {
                    months[key.monthKey, default: 0] += change
                }
            }
            if !deletes.isEmpty {
                var binds: [DBValue] = []
                for key in deletes { binds += [.text(key.kind.rawValue), .int(Int64(key.day)), .text(key.group ?? "")] }
                try await execute(
                    "DELETE FROM rollup_cells WHERE (kind, day, grp) IN (VALUES \(RollupSQL.rows(deletes.count, width: 3)))",
                    binds)
            }
            try await insertCells(upserts, replacing: true)
            try await addMonths(months)
        }
    }

    func insertCells(_ cells: [(RollupCellKey, RollupTally)], replacing: Bool) async throws {
        for chunk in cells.chunked(200) where !chunk.isEmpty {
            var binds: [DBValue] = []
            binds.reserveCapacity(chunk.count * 4)
            for (key, tally) in chunk { binds += [.text(key.kind.rawValue), .text(key.group ?? ""), .int(Int64(key.day)), .blob(tally.bytes)] }
            try await execute(
                "INSERT INTO rollup_cells (kind, grp, day, tally) VALUES \(RollupSQL.rows(chunk.count, width: 4))"
                    + (replacing ? " ON CONFLICT (kind, day, grp) DO UPDATE SET tally = excluded.tally" : ""), binds)
        }
    }

    /// Adds pipeline changes to the month sums (`day` of each key holds a YearMonth index).
    func addMonths(_ months: [RollupCellKey: Double]) async throws {
        for chunk in Array(months).chunked(200) where !chunk.isEmpty {
            var binds: [DBValue] = []
            for (key, change) in chunk { binds += [.text(key.kind.rawValue), .text(key.group ?? ""), .int(Int64(key.day)), .double(change)] }
            try await execute(
                "INSERT INTO rollup_months (kind, grp, month, pipeline) VALUES \(RollupSQL.rows(chunk.count, width: 4))"
                    + " ON CONFLICT (kind, month, grp) DO UPDATE SET pipeline = rollup_months.pipeline + excluded.pipeline", binds)
        }
    }

    /// Recounts every cell from the records. Runs in the caller's transaction (or its own); `progress` gets units done
    /// and units in all.
    public func rebuildRollups(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> RollupRebuildSummary {
        let started = Date()
        return try await transaction {
            try await self.lockRollups()
            let settings = try await self.settings()
            let reps = try await self.reps()
            try await self.execute("DELETE FROM rollup_cells", [])
            try await self.execute("DELETE FROM rollup_months", [])
            // After a bulk load PostgreSQL's statistics still describe the empty tables, and it reads each unit chunk by
            // scanning the whole table instead of the lead index.
            if self.dialect == .postgres { try await self.execute("ANALYZE leads, activities, opportunities", []) }
            let ids = try await self.query(
                "SELECT lead_id FROM leads UNION SELECT lead_id FROM activities UNION SELECT lead_id FROM opportunities WHERE lead_id IS NOT NULL", []
            ).compactMap { $0[0].text }.sorted()
            let orphans = try await self.query("SELECT opportunity_id FROM opportunities WHERE lead_id IS NULL", []).compactMap { $0[0].text }
            let all = ids + orphans.map { RollupUnit.opportunityPrefix + $0 }
            let contribution = RollupContribution(settings: settings, reps: reps)
            var cells = RollupCells()
            var done = 0
            for chunk in all.chunked(5_000) {
                for unit in try await self.rollupUnits(Array(chunk)) { contribution.add(unit, to: &cells) }
                done += chunk.count
                progress?(done, all.count)
            }
            var months: [RollupCellKey: Double] = [:]
            for (key, tally) in cells.cells where key.day != RollupCellKey.presenceDay && tally[.pipelineChange] != 0 {
                months[key.monthKey, default: 0] += tally[.pipelineChange]
            }
            try await self.insertCells(cells.cells.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) }, replacing: false)
            try await self.addMonths(months)
            try await self.setRollupState("fingerprint", Self.rollupFingerprint(settings: settings, reps: reps))
            try await self.setRollupState("stale", nil)
            let rebuilds = Int(try await self.rollupState()["rebuilds"] ?? "0") ?? 0
            try await self.setRollupState("rebuilds", "\(rebuilds + 1)")
            try await self.answersChanged()
            return RollupRebuildSummary(units: all.count, cells: cells.cells.count, seconds: Date().timeIntervalSince(started))
        }
    }

    // MARK: - Writers

    /// `mergeStaged`, keeping the rollups right in the same transaction: the touched units' old cells out, new ones in;
    /// or, for a large write or rollups that are already stale, marked stale for `finishRollups` to rebuild.
    /// New opportunities are announced as appointment.created in the same transaction (the webhook outbox).
    public func mergeStagedKeepingRollups(_ entity: Entity) async throws -> MergeCounts {
        let appointments = try await appointmentsToAnnounce(entity)
        let counts = try await mergeStagedUpdatingRollups(entity)
        try await announceAppointments(appointments)
        return counts
    }

    private func mergeStagedUpdatingRollups(_ entity: Entity) async throws -> MergeCounts {
        try await lockRollups()
        // Reps are not in units: a rep's new team changes the fingerprint, and finishRollups rebuilds.
        guard [.leads, .activities, .opportunities].contains(entity) else { return try await mergeStaged(entity) }
        let settings = try await self.settings()
        let reps = try await self.reps()
        guard try await rollupsUsable(settings: settings, reps: reps) else { return try await mergeStaged(entity) }
        let units = try await stagedRollupUnits(entity)
        guard units.count <= Self.rollupDeltaLimit else {
            try await setRollupState("stale", "1")
            return try await mergeStaged(entity)
        }
        let contribution = RollupContribution(settings: settings, reps: reps)
        let before = contribution.cells(of: try await rollupUnits(units))
        let counts = try await mergeStaged(entity)
        let after = contribution.cells(of: try await rollupUnits(units))
        try await applyRollupChange(removing: before, adding: after)
        return counts
    }

    /// At the end of a writing transaction: rebuilds the rollups when they no longer match the records, the settings or
    /// the reps' teams, and marks the answers changed.
    public func finishRollups(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws {
        try await lockRollups()
        if try await !rollupsUsable(settings: try await settings(), reps: try await reps()) {
            _ = try await rebuildRollups(progress: progress)
        }
        try await answersChanged()
    }

    /// A new answers version: every write that can change a KPI answer (records, settings, reps, recorded forecasts)
    /// calls it in its transaction, so answers cached under the old version are not served again, by any process.
    public func answersChanged() async throws {
        try await setRollupState("answers_version", UUID().uuidString)
    }

    /// The current answers version (see `answersChanged`).
    public func answersVersion() async throws -> String {
        try await query("SELECT value FROM rollup_state WHERE key = ?", [.text("answers_version")]).first?.first?.text ?? ""
    }
}

extension RollupCellKey {
    /// The key of the month sum this day cell's pipeline change adds to (`day` holds the YearMonth index).
    var monthKey: RollupCellKey {
        RollupCellKey(kind: kind, group: group, day: LocalDate(dayNumber: day).yearMonth.index)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
