import Foundation
import MierukaCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The embedded store: one SQLite file in WAL mode, through SQLKit (the bulk upsert binds SQLite values directly).
public final class SQLiteStore: Store, @unchecked Sendable {
    // One writing connection: SQLite serialises writers anyway, and a single connection makes BEGIN/COMMIT unambiguous.
    let connection: SQLiteConnection
    /// Reads outside a transaction go to a second connection: in WAL mode they see the last committed state and never
    /// wait for a long import's transaction (the dashboard stays up while a file is imported).
    let reader: SQLiteConnection
    let sql: any SQLDatabase
    public let path: String
    public var location: String { path }
    /// Entities with a staging table in the current import (touched by one import task at a time).
    var stagedEntities: Set<Entity> = []
    /// Keeps other tasks' statements out of an open transaction (concurrent web requests share this one connection).
    let gate = ConnectionGate()

    private init(connection: SQLiteConnection, reader: SQLiteConnection, path: String) {
        self.connection = connection
        self.reader = reader
        self.sql = connection.sql()
        self.path = path
    }

    /// Opens (creating if needed) the database file and applies pending migrations.
    public static func open(path: String) async throws -> SQLiteStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        // An in-memory database exists only on its one connection: reads share it.
        var reader = connection
        let store: SQLiteStore
        do {
            try await connection.query("PRAGMA journal_mode = WAL") { _ in }
            if path != ":memory:" { reader = try await SQLiteConnection.open(storage: .file(path: path)) }
            store = SQLiteStore(connection: connection, reader: reader, path: path)
        } catch {
            try? await connection.close()
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        do {
            try await store.exec("PRAGMA synchronous = NORMAL")
            try await store.exec("PRAGMA busy_timeout = 10000")
            try await store.exec("PRAGMA cache_size = -65536")
            try await store.reader.query("PRAGMA busy_timeout = 10000") { _ in }
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        if reader !== connection { try await reader.close() }
        try await connection.close()
    }

    // MARK: - Plumbing

    func exec(_ query: String, _ binds: [SQLiteData] = []) async throws {
        try await gate.run { try await connection.query(query, binds) { _ in } }
    }

    /// Runs a query and maps each row by column position: inside this task's transaction on the writing connection (to
    /// see its own writes), otherwise on the reading connection.
    func rows<T: Sendable>(_ query: String, _ binds: [SQLiteData] = [], _ map: @escaping @Sendable ([SQLiteData]) -> T?) async throws -> [T] {
        let box = RowBox<T>()
        let collect: @Sendable (SQLiteRow) -> Void = { row in
            if let value = map(row.columns.map(\.data)) { box.append(value) }
        }
        if ConnectionGate.holding || reader === connection {
            try await gate.run { try await connection.query(query, binds, collect) }
        } else {
            try await reader.query(query, binds, collect)
        }
        return box.take()
    }

    // MARK: - Migrations

    public func migrate() async throws {
        try await exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at BIGINT NOT NULL)")
        let applied = Set(try await rows("SELECT name FROM schema_migrations") { $0[0].string })
        for migration in Migration.all where !applied.contains(migration.name) {
            try await transaction {
                for statement in migration.statements(for: .sqlite) { try await self.exec(statement) }
                try await self.exec(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    [.text(migration.name), .integer(Int(Date().timeIntervalSince1970))])
            }
        }
    }

    // MARK: - Transactions

    public func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        // A transaction inside this task's transaction joins it (as on PostgreSQL).
        if ConnectionGate.holding { return try await body() }
        return try await gate.run {
            try await exec("BEGIN IMMEDIATE")
            do {
                let result = try await body()
                try await exec("COMMIT")
                return result
            } catch {
                try? await exec("ROLLBACK")
                // Temp staging tables outlive a rollback of their contents; drop them so the next import starts clean.
                for entity in stagedEntities { try? await exec("DROP TABLE IF EXISTS temp.\(Self.stagingTable(entity))") }
                stagedEntities.removeAll()
                throw error
            }
        }
    }
}

/// Collects rows delivered on the thread pool.
final class RowBox<T>: @unchecked Sendable {
    private var items: [T] = []
    private let lock = NSLock()
    func append(_ item: T) { lock.withLock { items.append(item) } }
    func take() -> [T] { lock.withLock { items } }
}

extension DBValue {
    var sqlite: SQLiteData {
        switch self {
        case .null: return .null
        case .int(let v): return .integer(Int(v))
        case .double(let v): return .float(v)
        case .text(let s): return .text(s)
        case .blob(let bytes): return .blob(ByteBuffer(bytes: bytes))
        }
    }

    init(_ data: SQLiteData) {
        switch data {
        case .integer(let v): self = .int(Int64(v))
        case .float(let v): self = .double(v)
        case .text(let s): self = .text(s)
        case .blob(let buffer): self = .blob(Array(buffer.readableBytesView))
        case .null: self = .null
        }
    }
}

extension SQLiteStore {
    public var dialect: Migration.Dialect { .sqlite }

    public func execute(_ sql: String, _ binds: [DBValue]) async throws {
        try await exec(sql, binds.map(\.sqlite))
    }

    public func query(_ sql: String, _ binds: [DBValue]) async throws -> [[DBValue]] {
        try await rows(sql, binds.map(\.sqlite)) { $0.map(DBValue.init) }
    }
}

extension SQLiteStore {
    public func stagedRollupUnits(_ entity: Entity) async throws -> [String] {
        guard stagedEntities.contains(entity), let sql = RollupSQL.stagedUnits(entity, staging: "temp." + Self.stagingTable(entity), table: "main." + entity.table)
        else { return [] }
        return try await query(sql, RollupSQL.stagedUnitBinds(entity)).compactMap { $0.first?.text }
    }
}

extension SQLiteStore {
    public func stagedNewKeys(_ entity: Entity) async throws -> [String] {
        guard stagedEntities.contains(entity), entity.keyColumns.count == 1 else { return [] }
        let key = entity.keyColumns[0]
        return try await query(
            "SELECT DISTINCT s.\(key) FROM temp.\(Self.stagingTable(entity)) s WHERE NOT EXISTS (SELECT 1 FROM main.\(entity.table) t WHERE t.\(key) = s.\(key))",
            []
        ).compactMap { $0.first?.text }
    }
}
