import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// Writes files into a temporary folder and imports them into a real SQLite database.
struct ImportHarness {
    let dir: URL

    init() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-import-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8, bom: Bool = false) -> String {
        var data = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(text.data(using: encoding)!)
        return write(name, data: data)
    }

    @discardableResult
    func write(_ name: String, data: Data) -> String {
        let url = dir.appendingPathComponent(name)
        try? data.write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    static let reps = "rep_id,name,team,role,started_on\nR1,佐藤 翔太,IS1,sdr,2026-01-05\nR2,鈴木 葵,IS1,bdr,\n"
    static let leads = """
        lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title
        L1,株式会社ABC,web_inquiry,2026-05-01T09:00:00+09:00,R1,2026-05-01T09:05:00+09:00,working,now,,,,,,,
        L2,"西日本運輸, 株式会社",outbound_list,2026-05-02 10:00,R2,,new,,,,,2026-06-01,a;b,物流,部長

        """

    /// Runs an import of the given files (names inside the folder) into `store`.
    func run(_ store: any Store, _ names: [String], mappings: [String] = []) async throws -> ImportSummary {
        let maps = try mappings.map { try MappingLoader.load(path: path($0)) }
        let sources = try ImportSource.resolve(paths: names.map(path), mappings: maps)
        return try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
    }

    /// The whole content of the database, for "nothing was written" checks.
    static func content(_ store: any Store) async throws -> [[[DBValue]]] {
        var all: [[[DBValue]]] = []
        for entity in Entity.allCases { all.append(try await store.allRows(entity)) }
        return all
    }

    /// Runs `body` on a new, empty store of `backend`; without a PostgreSQL server the test is skipped on a developer's
    /// machine (saying so) and fails in CI.
    static func withStore<T>(_ backend: TestBackend, _ body: (any Store) async throws -> T) async throws -> T {
        guard let result = try await TestDatabase.withStore(backend, body) else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        return result
    }

    static func withStore<T>(_ body: (SQLiteStore) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-\(UUID().uuidString).sqlite").path
        let store = try await SQLiteStore.open(path: path)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
