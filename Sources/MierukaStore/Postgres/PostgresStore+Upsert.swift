import Foundation
import MierukaCore
import NIOCore
import PostgresNIO

/// Imports go through a staging table as on SQLite: rows are appended to a TEMP table of the transaction's connection
/// (numbered as they come, so the last row of a key wins), then one set-based statement moves them into place and
/// PostgreSQL counts inserted / updated exactly. The staging table is dropped at the merge, at commit, or by a rollback.
extension PostgresStore {
    static func stagingTable(_ entity: Entity) -> String { "staging_\(entity.table)" }

    /// PostgreSQL takes at most 65,535 parameters a statement.
    static let maximumBinds = 30_000

    private func currentTransaction(_ operation: String) throws -> PostgresTransaction {
        guard let transaction = PostgresTransaction.current, transaction.store === self else {
            throw StoreError.notInTransaction(operation)
        }
        return transaction
    }

    public func stage(_ entity: Entity, rows: [[DBValue]]) async throws {
        guard !rows.isEmpty else { return }
        let transaction = try currentTransaction("stage")
        let staging = Self.stagingTable(entity)
        let columns = entity.columns
        if !transaction.hasStaged(entity) {
            try await exec("DROP TABLE IF EXISTS pg_temp.\(staging)")
            try await exec(
                "CREATE TEMP TABLE \(staging) ON COMMIT DROP AS SELECT \(columns.joined(separator: ",")) FROM \(entity.table) WITH NO DATA")
            try await exec("ALTER TABLE pg_temp.\(staging) ADD COLUMN staging_seq BIGSERIAL")
            transaction.markStaged(entity)
        }
        // COPY … FROM STDIN in text format: one round trip per batch, no statement to parse (a multi-row INSERT with
        // binds ran at a fraction of the speed).
        var text = ""
        text.reserveCapacity(rows.count * columns.count * 12)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { text += "\t" }
                Self.appendCopyText(cell, to: &text)
            }
            text += "\n"
        }
        let logger = self.logger
        let buffer = ByteBuffer(string: text)
        do {
            try await transaction.connection.copyFrom(table: staging, columns: columns, logger: logger) { writer in
                try await writer.write(buffer)
            }
        } catch let error as PSQLError {
            throw StoreError.query(reason: Self.describe(error))
        }
    }

    /// One cell in COPY's text format: \N for NULL; backslash, tab, newline and carriage return escaped.
    static func appendCopyText(_ cell: DBValue, to text: inout String) {
        switch cell {
        case .null: text += "\\N"
        case .int(let v): text += String(v)
        case .double(let v): text += "\(v)"
        case .blob(let bytes): text += "\\\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        case .text(let s):
            guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                text += s
                return
            }
            for c in s.unicodeScalars {
                switch c {
                case "\\": text += "\\\\"
                case "\t": text += "\\t"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(c)
                }
            }
        }
    }

    public func mergeStaged(_ entity: Entity) async throws -> MergeCounts {
        var counts = MergeCounts()
        let transaction = try currentTransaction("mergeStaged")
        guard transaction.hasStaged(entity) else { return counts }
        let staging = "pg_temp." + Self.stagingTable(entity)
        let table = entity.table
        let columns = entity.columns.joined(separator: ",")
        counts.staged = Int(try await scalar("SELECT COUNT(*) FROM \(staging)"))
        let keys = entity.keyColumns
        if keys.isEmpty {
            // Costs: the months in the file replace the stored months.
            counts.replaced = Int(
                try await scalar("WITH d AS (DELETE FROM \(table) WHERE month IN (SELECT DISTINCT month FROM \(staging)) RETURNING 1) SELECT COUNT(*) FROM d"))
            try await exec("INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(staging) ORDER BY staging_seq")
            counts.inserted = counts.staged
        } else {
            let keyList = keys.joined(separator: ",")
            let distinct = Int(try await scalar("SELECT COUNT(*) FROM (SELECT 1 FROM \(staging) GROUP BY \(keyList)) k"))
            counts.duplicates = counts.staged - distinct
            let others = entity.columns.filter { !keys.contains($0) }
            // xmax = 0 marks a row this statement inserted; an updated row carries this transaction's id. Rows whose stored
            // values equal the staged ones are not touched (the WHERE of DO UPDATE) and come back from neither.
            let changed = try await rows(
                """
                WITH latest AS (SELECT DISTINCT ON (\(keyList)) \(columns) FROM \(staging) ORDER BY \(keyList), staging_seq DESC),
                written AS (
                  INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM latest
                  ON CONFLICT (\(keyList)) DO UPDATE SET \(others.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ","))
                  WHERE \(others.map { "\(table).\($0) IS DISTINCT FROM EXCLUDED.\($0)" }.joined(separator: " OR "))
                  RETURNING (xmax = 0) AS inserted)
                SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted) FROM written
                """
            ) { c in (c[0].int ?? 0, c[1].int ?? 0) }.first ?? (0, 0)
            counts.inserted = Int(changed.0)
            counts.updated = Int(changed.1)
            counts.unchanged = distinct - counts.inserted - counts.updated
        }
        try await exec("DROP TABLE \(staging)")
        transaction.clearStaged(entity)
        return counts
    }

    public func count(_ entity: Entity) async throws -> Int64 {
        try await scalar("SELECT COUNT(*) FROM \(entity.table)")
    }

    public func keys(of entity: Entity) async throws -> [String] {
        guard entity.keyColumns.count == 1 else { return [] }
        return try await rows("SELECT \(entity.keyColumns[0]) FROM \(entity.table)") { $0[0].text }
    }

    public func storedValues(of column: String, in entity: Entity, forKeys keys: [String]) async throws -> [String: String?] {
        // The column is spliced into the SQL: only the entity's own column names may come here.
        precondition(entity.columns.contains(column) && entity.keyColumns.count == 1, "\(column) is not a column of \(entity.rawValue)")
        let key = entity.keyColumns[0]
        var values: [String: String?] = [:]
        let unique = Array(Set(keys))
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + 1000, unique.count)])
            let placeholders = (1...chunk.count).map { "$\($0)" }.joined(separator: ",")
            let found = try await rows("SELECT \(key), \(column) FROM \(entity.table) WHERE \(key) IN (\(placeholders))", chunk.map { .text($0) }) {
                row -> (String, String?)? in row[0].text.map { ($0, row[1].text) }
            }
            for (k, v) in found { values[k] = .some(v) }
            start += 1000
        }
        return values
    }

    public func teams() async throws -> [String] {
        try await rows("SELECT DISTINCT team FROM reps WHERE team IS NOT NULL") { $0[0].text }
    }

    public func logImport(startedAt: Date, files: [String], summary: String) async throws {
        try await exec(
            "INSERT INTO import_log (started_at, finished_at, files, summary) VALUES ($1, $2, $3, $4)",
            [.int(Int64(startedAt.timeIntervalSince1970)), .int(Int64(Date().timeIntervalSince1970)), .text(files.joined(separator: "\n")),
             .text(summary)])
    }
}
