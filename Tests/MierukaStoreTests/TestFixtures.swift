import Foundation
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// Locates the shared fixtures and builds throw-away databases for tests.
enum TestFixtures {
    struct NotFound: Error, CustomStringConvertible {
        let description: String
    }

    /// ../shared/fixtures/golden, found by walking up from this file (CI clones the repository beside shared/).
    static func golden() throws -> String {
        if let env = ProcessInfo.processInfo.environment["MIERUKA_GOLDEN"] { return env }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = url.appendingPathComponent("shared/fixtures/golden").path
            if FileManager.default.fileExists(atPath: candidate + "/data/leads.csv") { return candidate }
            url.deleteLastPathComponent()
        }
        throw NotFound(description: "shared/fixtures/golden not found above \(#filePath); set MIERUKA_GOLDEN")
    }

    static func temporaryDatabasePath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("test.sqlite").path
    }

    /// Runs `body` on a new, empty database and closes it afterwards (SQLiteNIO insists on an explicit close).
    static func withFreshStore<T>(_ body: (SQLiteStore) async throws -> T) async throws -> T {
        let store = try await SQLiteStore.open(path: temporaryDatabasePath())
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// One database per backend holding the golden data, imported once through the real importer and shared (read-only)
    /// by the tests.
    static let goldenStores: [TestBackend: Task<(any Store)?, any Error>] = Dictionary(uniqueKeysWithValues: TestBackend.allCases.map { backend in
        (backend, Task { () throws -> (any Store)? in
            guard let store = try await TestDatabase.open(backend) else { return nil }
            let sources = try ImportSource.resolve(paths: [try golden() + "/data"], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            return store
        })
    })

    static func importedGoldenStore() async throws -> SQLiteStore {
        try #require(try await goldenStores[.sqlite]!.value as? SQLiteStore)
    }

    /// The golden store on `backend`; cancels the test (a skip that says why) when PostgreSQL is not configured on a
    /// developer's machine, and fails it in CI.
    static func importedGoldenStore(_ backend: TestBackend) async throws -> any Store {
        guard let store = try await goldenStores[backend]!.value else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        return store
    }

    /// Runs `body` on a new, empty store of `backend` (skipping the test without a PostgreSQL server, as above).
    static func withFreshStore<T>(_ backend: TestBackend, _ body: (any Store) async throws -> T) async throws -> T {
        guard let result = try await TestDatabase.withStore(backend, body) else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        return result
    }
}
