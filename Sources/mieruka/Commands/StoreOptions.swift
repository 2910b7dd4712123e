import ArgumentParser
import Foundation
import MierukaStore

/// `--db PATH` on every command: flag > MIERUKA_DB > ./mieruka.sqlite.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: $MIERUKA_DB or ./mieruka.sqlite).")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["MIERUKA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "mieruka.sqlite" }

    func open() async throws -> SQLiteStore {
        try await SQLiteStore.open(path: path)
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
