import Foundation
import MierukaCore
import MierukaStore
import MierukaTestSupport
import Testing

/// The malformed-input corpus through `mieruka import` run as a process: a non-zero exit, the expected file:line:column
/// and message on stderr with what to do next, and every table of the database unchanged. The suite's backend
/// (MIERUKA_TEST_BACKEND): a SQLite file, or a fresh PostgreSQL database.
@Suite("The mieruka binary: the malformed-input corpus")
struct MalformedCorpusCLITests {
    @Test("every corpus file: refused with file:line:column on stderr, exit ≠ 0, database unchanged")
    func corpus() async throws {
        let dir = CLI.temporaryDirectory()
        let cases = try MalformedCorpus.committed() + MalformedCorpus.generated(in: dir.appendingPathComponent("generated"))
        var database = ["--db", dir.appendingPathComponent("corpus.sqlite").path]
        var postgresURL: String?
        if TestDatabase.suiteBackend == .postgres {
            guard let url = try await TestDatabase.freshPostgresURL() else { throw NoTestDatabase(description: TestDatabase.skipMessage) }
            postgresURL = url
            database = ["--database-url", url]
        }
        defer { if let url = postgresURL { Task { try? await TestDatabase.drop(url: url) } } }
        let imported = try CLI.run(["import"] + database + [try CLIEndToEndTests.golden()], in: dir)
        try #require(imported.status == 0, "\(imported.stderr)")

        func snapshot() async throws -> DatabaseSnapshot {
            let store: any Store
            if let url = postgresURL {
                store = try await PostgresStore.open(url: url, maximumConnections: 1)
            } else {
                store = try await SQLiteStore.open(path: dir.appendingPathComponent("corpus.sqlite").path)
            }
            let snapshot = try await DatabaseSnapshot.take(store)
            try await store.close()
            return snapshot
        }

        var before = try await snapshot()
        for c in cases {
            let mapping = c.mappingPath.map { ["--mapping", $0] } ?? []
            let result = try CLI.run(["import"] + database + mapping + [c.path], in: dir)
            let after = try await snapshot()
            if c.accepted {
                #expect(result.status == 0, "\(c): refused: \(result.stderr)")
            } else {
                #expect(result.status != 0, "\(c): accepted: \(result.stdout)")
                #expect(result.stderr.contains(c.location + ": "), "\(c): expected \(c.location): in\n\(result.stderr.prefix(2000))")
                #expect(result.stderr.contains(c.fragment), "\(c): expected “\(c.fragment)” in\n\(result.stderr.prefix(2000))")
                #expect(after == before, "\(c): the database changed: \(after.changes(since: before))")
                // What to do next: every refusal says how to go on (the import's closing line, or the mapping's remedy).
                #expect(result.stderr.contains("nothing was written") || c.mappingPath != nil || result.stderr.hasPrefix("error: "), "\(c): \(result.stderr)")
            }
            before = after
        }
    }
}
