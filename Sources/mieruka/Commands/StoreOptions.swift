import ArgumentParser
import Foundation
import MierukaStore

/// `--db PATH` or `--database-url URL` on every command: flag > environment (MIERUKA_DATABASE_URL, MIERUKA_DB) > ./mieruka.sqlite.
/// A database URL (from the flag or the environment) chooses PostgreSQL; otherwise the SQLite file is used.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: $MIERUKA_DB or ./mieruka.sqlite).")
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "PostgreSQL database, postgres://user:password@host:port/database (default: $MIERUKA_DATABASE_URL; without one, SQLite).",
        valueName: "url"))
    var databaseURL: String?

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    var path: String { db ?? Self.environment("MIERUKA_DB") ?? "mieruka.sqlite" }

    /// The PostgreSQL URL in force: --db on the command line means SQLite even when the environment names a server.
    var url: String? { databaseURL ?? (db == nil ? Self.environment("MIERUKA_DATABASE_URL") : nil) }

    func validate() throws {
        if db != nil && databaseURL != nil { throw ValidationError("give either --db (SQLite) or --database-url (PostgreSQL), not both") }
    }

    func open() async throws -> any Store {
        try await StoreOpening.open(databaseURL: url, path: path)
    }
}

/// Prints a line to standard output at once (print() is block-buffered when output is a pipe, and a server never exits to flush it).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
