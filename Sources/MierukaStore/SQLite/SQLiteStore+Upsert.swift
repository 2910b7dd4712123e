import Foundation
import MierukaCore
import SQLiteNIO

/// Imports go through a staging table: rows are appended as they stream in (no index, cheap), then one set-based
/// statement moves the last row of each key into place. The database then counts inserted / updated / unchanged exactly,
/// and a re-import of the same file changes nothing, duplicates and all.
extension SQLiteStore {
    static func stagingTable(_ entity: Entity) -> String { "staging_\(entity.table)" }

    public func stage(_ entity: Entity, rows: [[DBValue]]) async throws {
        guard !rows.isEmpty else { return }
        let staging = Self.stagingTable(entity)
        let columns = entity.columns
        if !stagedEntities.contains(entity) {
            try await exec("DROP TABLE IF EXISTS temp.\(staging)")
            try await exec("CREATE TEMP TABLE \(staging) AS SELECT \(columns.joined(separator: ",")) FROM main.\(entity.table) WHERE 0")
            stagedEntities.insert(entity)
        }
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let statement = "INSERT INTO temp.\(staging) (\(columns.joined(separator: ","))) VALUES "
            + Array(repeating: placeholders, count: rows.count).joined(separator: ",")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * columns.count)
        for row in rows { for cell in row { binds.append(cell.sqlite) } }
        try await exec(statement, binds)
    }

    public func mergeStaged(_ entity: Entity) async throws -> MergeCounts {
        var counts = MergeCounts()
        guard stagedEntities.contains(entity) else { return counts }
        let staging = "temp." + Self.stagingTable(entity)
        let table = "main." + entity.table
        let columns = entity.columns.joined(separator: ",")
        counts.staged = Int(try await scalar("SELECT COUNT(*) FROM \(staging)"))
        let keys = entity.keyColumns
        if keys.isEmpty {
            // Costs: the months in the file replace the stored months.
            let before = try await scalar("SELECT COUNT(*) FROM \(table)")
            try await exec("DELETE FROM \(table) WHERE month IN (SELECT DISTINCT month FROM \(staging))")
            counts.replaced = Int(before - (try await scalar("SELECT COUNT(*) FROM \(table)")))
            try await exec("INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(staging)")
            counts.inserted = counts.staged
        } else {
            let keyList = keys.joined(separator: ",")
            let latest = "SELECT \(columns) FROM \(staging) WHERE rowid IN (SELECT MAX(rowid) FROM \(staging) GROUP BY \(keyList))"
            let distinct = Int(try await scalar("SELECT COUNT(*) FROM (SELECT 1 FROM \(staging) GROUP BY \(keyList))"))
            counts.duplicates = counts.staged - distinct
            let before = try await scalar("SELECT COUNT(*) FROM \(table)")
            let changesBefore = try await scalar("SELECT total_changes()")
            let others = entity.columns.filter { !keys.contains($0) }
            try await exec(
                "INSERT INTO \(table) (\(columns)) \(latest) ON CONFLICT (\(keyList)) DO UPDATE SET "
                    + others.map { "\($0) = excluded.\($0)" }.joined(separator: ",")
                    + " WHERE " + others.map { "\(entity.table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))
            let changed = Int(try await scalar("SELECT total_changes()") - changesBefore)
            counts.inserted = Int(try await scalar("SELECT COUNT(*) FROM \(table)") - before)
            counts.updated = changed - counts.inserted
            counts.unchanged = distinct - changed
        }
        try await exec("DROP TABLE \(staging)")
        stagedEntities.remove(entity)
        return counts
    }

    func scalar(_ query: String) async throws -> Int64 {
        try await rows(query) { $0[0].integer.map(Int64.init) }.first ?? 0
    }

    public func count(_ entity: Entity) async throws -> Int64 {
        try await scalar("SELECT COUNT(*) FROM main.\(entity.table)")
    }

    public func keys(of entity: Entity) async throws -> [String] {
        guard entity.keyColumns.count == 1 else { return [] }
        return try await rows("SELECT \(entity.keyColumns[0]) FROM main.\(entity.table)") { $0[0].string }
    }

    public func storedValues(of column: String, in entity: Entity, forKeys keys: [String]) async throws -> [String: String?] {
        // The column is spliced into the SQL: only the entity's own column names may come here.
        precondition(entity.columns.contains(column) && entity.keyColumns.count == 1, "\(column) is not a column of \(entity.rawValue)")
        let key = entity.keyColumns[0]
        var values: [String: String?] = [:]
        // A few hundred binds a statement stays far below SQLite's limit on variables.
        var start = 0
        let unique = Array(Set(keys))
        while start < unique.count {
            let chunk = unique[start..<min(start + 500, unique.count)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let found = try await rows("SELECT \(key), \(column) FROM main.\(entity.table) WHERE \(key) IN (\(placeholders))", chunk.map { .text($0) }) {
                row -> (String, String?)? in row[0].string.map { ($0, row[1].string) }
            }
            for (k, v) in found { values[k] = .some(v) }
            start += 500
        }
        return values
    }

    public func teams() async throws -> [String] {
        try await rows("SELECT DISTINCT team FROM main.reps WHERE team IS NOT NULL") { $0[0].string }
    }

    public func logImport(startedAt: Date, files: [String], summary: String) async throws {
        try await exec(
            "INSERT INTO import_log (started_at, finished_at, files, summary) VALUES (?, ?, ?, ?)",
            [.integer(Int(startedAt.timeIntervalSince1970)), .integer(Int(Date().timeIntervalSince1970)),
             .text(files.joined(separator: "\n")), .text(summary)])
    }
}
