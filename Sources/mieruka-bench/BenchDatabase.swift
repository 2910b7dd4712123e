import Foundation
import MierukaStore

/// The database one pass of the benchmark runs on: the embedded SQLite file, or a fresh database on a PostgreSQL server.
enum BenchDatabase {
    case sqlite(path: String)
    case postgres(url: String)

    /// The `mieruka` options that select it.
    var arguments: [String] {
        switch self {
        case .sqlite(let path): return ["--db", path]
        case .postgres(let url): return ["--database-url", url]
        }
    }

    var label: String {
        switch self {
        case .sqlite: return "SQLite"
        case .postgres: return "PostgreSQL"
        }
    }

    /// Figure names of this pass: plain for SQLite, marked for PostgreSQL.
    func name(_ figure: String) -> String {
        switch self {
        case .sqlite: return figure
        case .postgres: return "PG " + figure
        }
    }

    func open() async throws -> any Store {
        switch self {
        case .sqlite(let path): return try await StoreOpening.open(databaseURL: nil, path: path)
        case .postgres(let url): return try await StoreOpening.open(databaseURL: url, path: "")
        }
    }

    /// Starts empty: removes the SQLite file, or (re)creates the database `mieruka_bench` on the server of `url` with
    /// psql (Debian's postgresql-client) and returns a URL naming it.
    static func fresh(_ database: BenchDatabase) throws -> BenchDatabase {
        switch database {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return database
        case .postgres(let url):
            let psql = try Tool.required("psql", debianPackage: "postgresql-client")
            let name = "mieruka_bench"
            _ = try psql.check([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "-c", "CREATE DATABASE \(name)"],
                               what: "psql: create the benchmark database")
            guard var parts = URLComponents(string: url) else { throw BenchError("\(BenchCommand.redacted(url)) is not a URL") }
            parts.path = "/" + name
            guard let fresh = parts.string else { throw BenchError("cannot name the database \(name) on \(BenchCommand.redacted(url))") }
            return .postgres(url: fresh)
        }
    }
}
