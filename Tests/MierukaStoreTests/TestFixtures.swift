import Foundation
import MierukaImport
import MierukaStore
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

    /// One database holding the golden data, imported once through the real importer and shared (read-only) by the tests.
    static let goldenStore = Task { () throws -> SQLiteStore in
        let store = try await SQLiteStore.open(path: temporaryDatabasePath())
        let sources = try ImportSource.resolve(paths: [try golden() + "/data"], mappings: [])
        _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
        return store
    }

    static func importedGoldenStore() async throws -> SQLiteStore {
        try await goldenStore.value
    }
}
