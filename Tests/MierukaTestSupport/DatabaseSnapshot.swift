import Foundation
import MierukaStore

/// The content of every table of a database, as a row count and a checksum per table (rows sorted, so the order the
/// database returns them in does not matter). Two snapshots are equal exactly when no table's rows changed.
public struct DatabaseSnapshot: Equatable, Sendable, CustomStringConvertible {
    public let tables: [String: Table]

    public struct Table: Equatable, Sendable {
        public let rows: Int
        public let checksum: UInt64
    }

    /// Takes the snapshot; `excluding` names tables a test's own actions change (e.g. web sessions).
    public static func take(_ store: any Store, excluding: Set<String> = []) async throws -> DatabaseSnapshot {
        let names: [[DBValue]]
        switch store.dialect {
        case .sqlite:
            names = try await store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", [])
        case .postgres:
            names = try await store.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
                [])
        }
        var tables: [String: Table] = [:]
        for row in names {
            guard case .text(let name) = row.first, !excluding.contains(name) else { continue }
            // PostgreSQL: each row as its composite text, so every column type (timestamptz, jsonb, bool, …) reads alike.
            let rows = try await store.query(
                store.dialect == .postgres ? "SELECT t::text FROM \"\(name)\" t" : "SELECT * FROM \"\(name)\"", [])
            let lines = rows.map { $0.map(Self.text).joined(separator: "\u{1F}") }.sorted()
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for line in lines {
                for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                hash = (hash ^ 0x1E) &* 0x100_0000_01b3
            }
            tables[name] = Table(rows: rows.count, checksum: hash)
        }
        return DatabaseSnapshot(tables: tables)
    }

    private static func text(_ value: DBValue) -> String {
        switch value {
        case .null: return "∅"
        case .int(let i): return "i\(i)"
        case .double(let d): return "d\(d)"
        case .text(let s): return "t" + s
        case .blob(let b): return "b" + b.map { String($0, radix: 16) }.joined(separator: ".")
        }
    }

    /// The tables that differ from `other`, for a failure message.
    public func changes(since other: DatabaseSnapshot) -> [String] {
        Set(tables.keys).union(other.tables.keys).sorted().compactMap { name in
            let a = other.tables[name], b = tables[name]
            guard a != b else { return nil }
            return "\(name): \(a.map { "\($0.rows) rows" } ?? "absent") → \(b.map { "\($0.rows) rows" } ?? "absent")"
        }
    }

    public var description: String { tables.keys.sorted().map { "\($0)=\(tables[$0]!.rows)" }.joined(separator: ", ") }
}
