import Foundation
import MierukaCore
import PostgresNIO

/// The server store: PostgreSQL through a small PostgresNIO connection pool, with the same meaning as `SQLiteStore`.
///
/// A transaction leases one connection for its whole life and binds it to the task (`PostgresTransaction.current`): every
/// statement of that task (and of the tasks it starts) runs on it, while other tasks (concurrent web requests) lease other
/// connections and see only committed data. No gate is needed: PostgreSQL isolates transactions by connection.
public final class PostgresStore: Store, Sendable {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger
    /// The database URL without its password, for messages.
    public let location: String

    private init(client: PostgresClient, runner: Task<Void, Never>, logger: Logger, location: String) {
        self.client = client
        self.runner = runner
        self.logger = logger
        self.location = location
    }

    /// Connects to the database at `url` (postgres://user:password@host:port/database) and applies pending migrations.
    public static func open(url: String, maximumConnections: Int = 8) async throws -> PostgresStore {
        let parsed = try DatabaseURL(url)
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.user, password: parsed.password, database: parsed.database,
            tls: parsed.tls)
        configuration.options.maximumConnections = max(2, maximumConnections)
        configuration.options.connectTimeout = .seconds(10)
        var logger = Logger(label: "mieruka.postgres")
        logger.logLevel = .critical
        // One direct connection first: the pool hides why a connection failed (refused, wrong password, no such database).
        do {
            let probe = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: parsed.host, port: parsed.port, username: parsed.user, password: parsed.password, database: parsed.database,
                    tls: try parsed.connectionTLS),
                id: 0, logger: logger)
            try await probe.close()
        } catch {
            throw StoreError.cannotConnect(url: parsed.redacted, reason: PostgresStore.describe(error))
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        let store = PostgresStore(client: client, runner: runner, logger: logger, location: parsed.redacted)
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }

    /// A server error's own message (PSQLError's description hides it on purpose, to keep data out of logs).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    // MARK: - Plumbing

    /// Runs `body` on this task's transaction connection, or on a connection leased for the call.
    func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        if let transaction = PostgresTransaction.current, transaction.store === self {
            return try await body(transaction.connection)
        }
        return try await client.withConnection { connection in try await body(connection) }
    }

    func exec(_ sql: String, _ binds: [DBValue] = []) async throws {
        let logger = self.logger
        do {
            _ = try await withConnection { connection in
                try await connection.query(PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds)), logger: logger)
            }
        } catch let error as PSQLError {
            throw StoreError.query(reason: Self.describe(error))
        }
    }

    /// Runs a query and maps each row (cells by column position).
    func rows<T: Sendable>(_ sql: String, _ binds: [DBValue] = [], _ map: @escaping @Sendable ([DBValue]) -> T?) async throws -> [T] {
        let logger = self.logger
        do {
            return try await withConnection { connection in
                var result: [T] = []
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds)), logger: logger) {
                    if let value = map(row.map(DBValue.init)) { result.append(value) }
                }
                return result
            }
        } catch let error as PSQLError {
            throw StoreError.query(reason: Self.describe(error))
        }
    }

    func scalar(_ sql: String, _ binds: [DBValue] = []) async throws -> Int64 {
        try await rows(sql, binds) { $0.first?.int }.first ?? 0
    }

    static func bindings(_ values: [DBValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .int(let v): bindings.append(v)
            case .double(let v): bindings.append(v)
            case .text(let s): bindings.append(s)
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return bindings
    }

    // MARK: - Migrations

    /// Applies the pending migrations in one transaction, under an advisory lock: two processes starting at once (a server
    /// and an import) neither apply a migration twice nor see a half-made schema.
    public func migrate() async throws {
        try await transaction {
            try await self.exec("SELECT pg_advisory_xact_lock(7305114615)")
            try await self.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at BIGINT NOT NULL)")
            let applied = Set(try await self.rows("SELECT name FROM schema_migrations") { $0[0].text })
            for migration in Migration.all where !applied.contains(migration.name) {
                for statement in migration.statements(for: .postgres) { try await self.exec(statement) }
                try await self.exec(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)",
                    [.text(migration.name), .int(Int64(Date().timeIntervalSince1970))])
            }
        }
    }

    // MARK: - Transactions

    public func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        // A transaction inside this task's transaction joins it (SQLite's gate lets the same task through in the same way).
        if let current = PostgresTransaction.current, current.store === self { return try await body() }
        let logger = self.logger
        return try await client.withConnection { connection in
            let transaction = PostgresTransaction(store: self, connection: connection)
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await PostgresTransaction.$current.withValue(transaction) { try await body() }
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                // Staging tables are created inside the transaction: the rollback removes them too.
                _ = try? await connection.query("ROLLBACK", logger: logger)
                if let error = error as? PSQLError { throw StoreError.query(reason: Self.describe(error)) }
                throw error
            }
        }
    }
}

/// The transaction a task is running: its connection and the staging tables it has made.
final class PostgresTransaction: @unchecked Sendable {
    @TaskLocal static var current: PostgresTransaction?

    let store: PostgresStore
    let connection: PostgresConnection
    private var staged: Set<Entity> = []
    private let lock = NSLock()

    init(store: PostgresStore, connection: PostgresConnection) {
        self.store = store
        self.connection = connection
    }

    func hasStaged(_ entity: Entity) -> Bool { lock.withLock { staged.contains(entity) } }
    func markStaged(_ entity: Entity) { lock.withLock { _ = staged.insert(entity) } }
    func clearStaged(_ entity: Entity) { lock.withLock { _ = staged.remove(entity) } }
}

extension DBValue {
    init(_ cell: PostgresCell) {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8:
            self = (try? cell.decode(Int64.self)).map(DBValue.int) ?? .null
        case .float4, .float8:
            self = (try? cell.decode(Double.self)).map(DBValue.double) ?? .null
        case .bool:
            self = (try? cell.decode(Bool.self)).map { .int($0 ? 1 : 0) } ?? .null
        case .bytea:
            self = cell.bytes.map { .blob(Array($0.readableBytesView)) } ?? .null
        default:
            self = (try? cell.decode(String.self)).map(DBValue.text) ?? .null
        }
    }
}

extension PostgresStore {
    public var dialect: Migration.Dialect { .postgres }

    public func execute(_ sql: String, _ binds: [DBValue]) async throws {
        try await exec(Self.numbered(sql), binds)
    }

    public func query(_ sql: String, _ binds: [DBValue]) async throws -> [[DBValue]] {
        try await rows(Self.numbered(sql), binds) { $0 }
    }

    /// `?` placeholders as PostgreSQL's `$1, $2, …` (outside quoted text).
    static func numbered(_ sql: String) -> String {
        var out = ""
        var n = 0
        var quoted = false
        for c in sql {
            if c == "'" { quoted.toggle() }
            if c == "?", !quoted {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension PostgresStore {
    public func stagedRollupUnits(_ entity: Entity) async throws -> [String] {
        guard let transaction = PostgresTransaction.current, transaction.store === self, transaction.hasStaged(entity),
            let sql = RollupSQL.stagedUnits(entity, staging: "pg_temp." + Self.stagingTable(entity), table: entity.table)
        else { return [] }
        return try await query(sql, RollupSQL.stagedUnitBinds(entity)).compactMap { $0.first?.text }
    }
}

extension PostgresStore {
    public func stagedNewKeys(_ entity: Entity) async throws -> [String] {
        guard let transaction = PostgresTransaction.current, transaction.store === self, transaction.hasStaged(entity), entity.keyColumns.count == 1
        else { return [] }
        let key = entity.keyColumns[0]
        return try await query(
            "SELECT DISTINCT s.\(key) FROM pg_temp.\(Self.stagingTable(entity)) s WHERE NOT EXISTS (SELECT 1 FROM \(entity.table) t WHERE t.\(key) = s.\(key))",
            []
        ).compactMap { $0.first?.text }
    }
}
