import Foundation
import MierukaCore
import SQLiteNIO

extension SQLiteStore {
    public func upsert(_ entity: Entity, rows: [[DBValue]]) async throws {
        guard !rows.isEmpty else { return }
        let columns = entity.columns
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        var statement = "INSERT INTO \(entity.table) (\(columns.joined(separator: ","))) VALUES "
        statement += Array(repeating: placeholders, count: rows.count).joined(separator: ",")
        let keys = entity.keyColumns
        if !keys.isEmpty {
            let others = columns.filter { !keys.contains($0) }
            // Only a row that differs is rewritten, so total_changes() tells updated from unchanged.
            statement += " ON CONFLICT (\(keys.joined(separator: ","))) DO UPDATE SET "
            statement += others.map { "\($0) = excluded.\($0)" }.joined(separator: ",")
            statement += " WHERE " + others.map { "\(entity.table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        }
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * columns.count)
        for row in rows { for cell in row { binds.append(cell.sqlite) } }
        try await exec(statement, binds)
    }

    public func totalChanges() async throws -> Int64 {
        try await rows("SELECT total_changes()") { $0[0].integer.map(Int64.init) }.first ?? 0
    }

    public func count(_ entity: Entity) async throws -> Int64 {
        try await rows("SELECT COUNT(*) FROM \(entity.table)") { $0[0].integer.map(Int64.init) }.first ?? 0
    }

    public func keys(of entity: Entity) async throws -> [String] {
        guard entity.keyColumns.count == 1 else { return [] }
        return try await rows("SELECT \(entity.keyColumns[0]) FROM \(entity.table)") { $0[0].string }
    }

    public func teams() async throws -> [String] {
        try await rows("SELECT DISTINCT team FROM reps WHERE team IS NOT NULL") { $0[0].string }
    }

    public func deleteCosts(months: [YearMonth]) async throws {
        for month in months { try await exec("DELETE FROM costs WHERE month = ?", [.text(month.description)]) }
    }

    public func logImport(startedAt: Date, files: [String], summary: String) async throws {
        try await exec(
            "INSERT INTO import_log (started_at, finished_at, files, summary) VALUES (?, ?, ?, ?)",
            [.integer(Int(startedAt.timeIntervalSince1970)), .integer(Int(Date().timeIntervalSince1970)),
             .text(files.joined(separator: "\n")), .text(summary)])
    }
}
