import Foundation
import MierukaStore
import PostgresNIO

/// The databases the store-level tests run on: SQLite always, PostgreSQL when MIERUKA_TEST_DATABASE_URL names a server.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }
}

/// Why a PostgreSQL test cannot run: a developer's machine without a server (skip, saying so), or CI without one (fail).
public struct NoTestDatabase: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

/// Opens throw-away stores for tests: a new SQLite file, or a new database on the PostgreSQL server of
/// MIERUKA_TEST_DATABASE_URL (dropped again when the store is closed through `withStore`).
public enum TestDatabase {
    public static let urlVariable = "MIERUKA_TEST_DATABASE_URL"

    /// The server to test against; nil on a developer's machine without one. Throws in CI (env CI set), where a PostgreSQL
    /// test must not pass by skipping.
    public static func postgresURL() throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[urlVariable], !url.isEmpty { return url }
        if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci.lowercased() != "false" {
            throw NoTestDatabase(description: "\(urlVariable) is not set but CI is: PostgreSQL tests must run in CI (scripts/postgres.sh starts a server)")
        }
        _ = announceSkip
        return nil
    }

    /// Said once per test run: Swift Testing reports a cancelled test case without its comment.
    private static let announceSkip: Void = {
        FileHandle.standardError.write(Data(("warning: " + skipMessage + "\n").utf8))
    }()

    /// The message a skipped PostgreSQL test gives.
    public static let skipMessage = "PostgreSQL test skipped: \(urlVariable) is not set (source scripts/postgres.sh to start a throw-away server)"

    /// The backend a whole suite runs on (web and CLI suites): MIERUKA_TEST_BACKEND=postgres|sqlite, SQLite by default.
    /// scripts/test.sh runs those suites once per backend.
    public static var suiteBackend: TestBackend {
        TestBackend(rawValue: ProcessInfo.processInfo.environment["MIERUKA_TEST_BACKEND"]?.lowercased() ?? "") ?? .sqlite
    }

    /// Opens a new, empty store; nil when the backend is PostgreSQL and there is no server on this developer machine.
    public static func open(_ backend: TestBackend) async throws -> (any Store)? {
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return try await SQLiteStore.open(path: dir.appendingPathComponent("test.sqlite").path)
        case .postgres:
            guard let base = try postgresURL() else { return nil }
            let name = "mieruka_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            try await admin(base, "CREATE DATABASE \(name)")
            return try await PostgresStore.open(url: try url(base, database: String(name)), maximumConnections: 4)
        }
    }

    /// A new, empty PostgreSQL database for a test that runs the binary: its URL (with the password, which a store's
    /// `location` leaves out); nil on a developer's machine without a server. Drop it with `drop(url:)`.
    public static func freshPostgresURL() async throws -> String? {
        guard let base = try postgresURL() else { return nil }
        let name = "mieruka_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await admin(base, "CREATE DATABASE \(name)")
        return try url(base, database: String(name))
    }

    public static func drop(url: String) async throws {
        guard let base = try postgresURL(), let name = URLComponents(string: url)?.path.dropFirst(), name.hasPrefix("mieruka_t_") else { return }
        try await admin(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `body` on a new store and closes it afterwards (dropping a PostgreSQL test database); nil when skipped.
    public static func withStore<T>(_ backend: TestBackend, _ body: (any Store) async throws -> T) async throws -> T? {
        guard let store = try await open(backend) else { return nil }
        do {
            let result = try await body(store)
            try await close(store)
            return result
        } catch {
            try? await close(store)
            throw error
        }
    }

    public static func close(_ store: any Store) async throws {
        try await store.close()
        if let postgres = store as? PostgresStore, let base = try postgresURL(),
            let name = URLComponents(string: postgres.location)?.path.dropFirst(), name.hasPrefix("mieruka_t_")
        {
            try? await admin(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    static func url(_ base: String, database: String) throws -> String {
        guard var components = URLComponents(string: base) else { throw NoTestDatabase(description: "\(urlVariable) is not a URL") }
        components.path = "/" + database
        guard let url = components.string else { throw NoTestDatabase(description: "\(urlVariable) is not a URL") }
        return url
    }

    /// One statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in the test database itself).
    static func admin(_ base: String, _ sql: String) async throws {
        guard let components = URLComponents(string: base) else { throw NoTestDatabase(description: "\(urlVariable) is not a URL") }
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: "postgres", tls: .disable)
        var logger = Logger(label: "mieruka.tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
