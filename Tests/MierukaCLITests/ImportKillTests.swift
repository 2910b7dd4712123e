import Foundation
import MierukaStore
import MierukaTestSupport
import Testing

/// SIGKILL `mieruka import` at 20 seeded random points of a large import (about 100,000 activity rows by default) and
/// check after each kill that the database opens, passes PRAGMA integrity_check and holds none or all of the import.
/// Its own suite (it runs for a few minutes): `swift test --skip-build --filter ImportKillTests`.
/// MIERUKA_CRASH_LEADS sets the size (about 10 activities per lead), MIERUKA_CRASH_SEED the kill points.
/// The SQLite test runs in the SQLite pass of the CLI suite, the PostgreSQL one in the PostgreSQL pass
/// (MIERUKA_TEST_BACKEND=postgres with MIERUKA_TEST_DATABASE_URL; scripts/test.sh runs both).
@Suite("Crash safety: mieruka import killed with SIGKILL", .serialized)
struct ImportKillTests {
    static var leads: Int { Int(ProcessInfo.processInfo.environment["MIERUKA_CRASH_LEADS"] ?? "") ?? 10_000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["MIERUKA_CRASH_SEED"] ?? "") ?? 20_261_124 }

    /// The demo organisation's CSV: base/ (reps, leads: the database before) and import/ (activities: the import killed).
    static func demoFiles(in dir: URL) throws -> (base: URL, batch: URL, rows: Int) {
        let demo = dir.appendingPathComponent("demo")
        let made = try CLI.run(["demo", "--csv-only", "--csv", demo.path, "--leads", String(leads), "--seed", "7", "--today", "2026-05-31"], in: dir)
        guard made.status == 0 else { throw CLI.BinaryMissing(description: "demo --csv-only failed: \(made.stderr)") }
        let fm = FileManager.default
        let base = dir.appendingPathComponent("base")
        let batch = dir.appendingPathComponent("import")
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        try fm.createDirectory(at: batch, withIntermediateDirectories: true)
        for name in ["reps.csv", "leads.csv"] { try fm.moveItem(at: demo.appendingPathComponent(name), to: base.appendingPathComponent(name)) }
        try fm.moveItem(at: demo.appendingPathComponent("activities.csv"), to: batch.appendingPathComponent("activities.csv"))
        let rows = try String(contentsOf: batch.appendingPathComponent("activities.csv"), encoding: .utf8).split(separator: "\n").count - 1
        return (base, batch, rows)
    }

    /// `count` kill times, uniform over [0.03, 1.0] × the uninterrupted import's duration, sorted for reading.
    static func killPoints(_ count: Int, duration: Double, seed: UInt64) -> [Double] {
        var random = CrashHarness.SeededRandom(seed: seed)
        return (0..<count).map { _ in Double.random(in: 0.03...1.0, using: &random) * duration }.sorted()
    }

    enum Outcome: String { case none, all }

    @Test("SQLite: 20 kills of a large import; each leaves an intact database with none or all of the import")
    func sqliteKills() async throws {
        // scripts/test.sh runs the CLI suite once per backend: this SQLite test in the SQLite pass only.
        guard TestDatabase.suiteBackend == .sqlite else { return }
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (base, batch, rows) = try Self.demoFiles(in: dir)

        // The state before: reps and leads imported.
        let before = dir.appendingPathComponent("before.sqlite")
        let prepared = try CLI.run(["import", "--db", before.path, base.path], in: dir)
        try #require(prepared.status == 0, "\(prepared.stderr)")
        let beforePrint = try await Self.sqliteFingerprint(before, copyTo: dir.appendingPathComponent("probe.sqlite")).print

        // The state after an uninterrupted import, and how long it takes (the kill points spread over it).
        let full = dir.appendingPathComponent("full.sqlite")
        try CrashHarness.copySQLite(before, to: full)
        let started = Date()
        let complete = try CLI.run(["import", "--db", full.path, batch.path], in: dir)
        let duration = Date().timeIntervalSince(started)
        try #require(complete.status == 0, "\(complete.stderr)")
        let (allPrint, fullIntegrity) = try await Self.sqliteFingerprint(full, copyTo: nil)
        #expect(fullIntegrity == "ok")
        try #require(allPrint != beforePrint)
        #expect(allPrint.counts["activities"] == rows)

        let points = Self.killPoints(20, duration: duration, seed: Self.seed)
        print("import of \(rows) activity rows took \(CrashHarness.seconds(duration)); seed \(Self.seed); kill points: "
            + points.map { String(format: "%.2f", $0) }.joined(separator: ", ") + " s")

        var outcomes: [Outcome] = []
        var interrupted = 0
        for (index, point) in points.enumerated() {
            let trial = dir.appendingPathComponent("trial.sqlite")
            try CrashHarness.copySQLite(before, to: trial)
            let child = try CrashHarness.Child(["import", "--db", trial.path, batch.path], in: dir, log: dir.appendingPathComponent("trial.log"))
            try await Task.sleep(for: .seconds(point))
            let killed = child.kill()
            if killed { interrupted += 1 } else { #expect(child.process.terminationStatus == 0, "the import failed on its own: \(child.output)") }

            // Opened as the application opens it (recovering the WAL the kill left), then checked.
            let (print_, integrity) = try await Self.sqliteFingerprint(trial, copyTo: nil)
            #expect(integrity == "ok", "kill \(index + 1) at \(CrashHarness.seconds(point)): integrity_check says \(integrity)")
            let outcome: Outcome? = print_ == beforePrint ? Outcome.none : print_ == allPrint ? .all : nil
            #expect(outcome != nil, "kill \(index + 1) at \(CrashHarness.seconds(point)) left part of the import: \(print_)")
            outcomes.append(outcome ?? .none)
            print("kill \(index + 1) at \(CrashHarness.seconds(point)): \(killed ? "killed mid-run" : "had finished"), "
                + "integrity \(integrity), holds \(outcome?.rawValue ?? "PART") of the import")
        }
        print("SQLite: \(interrupted) of 20 kills interrupted the import; none: \(outcomes.filter { $0 == .none }.count), all: \(outcomes.filter { $0 == .all }.count)")
        // Kills that all land after the end would test nothing.
        #expect(interrupted >= 10, "only \(interrupted) kills landed while the import ran")
    }

    /// Opens the database through the store (as the application would), fingerprints it and runs integrity_check.
    /// With `copyTo`, a copy is opened so the original stays byte-for-byte as it was.
    static func sqliteFingerprint(_ path: URL, copyTo: URL?) async throws -> (print: CrashHarness.Fingerprint, integrity: String) {
        var target = path
        if let copyTo {
            try CrashHarness.copySQLite(path, to: copyTo)
            target = copyTo
        }
        let store = try await SQLiteStore.open(path: target.path)
        do {
            let integrity = try await CrashHarness.integrityCheck(store)
            let print = try await CrashHarness.fingerprint(store)
            try await store.close()
            return (print, integrity)
        } catch {
            try? await store.close()
            throw error
        }
    }

    @Test("PostgreSQL: killing the importing client rolls the server's transaction back: none or all")
    func postgresKills() async throws {
        // Run in the PostgreSQL pass of the CLI suite (MIERUKA_TEST_BACKEND=postgres), or when asked for by name.
        guard TestDatabase.suiteBackend == .postgres || ProcessInfo.processInfo.environment["MIERUKA_CRASH_PG"] == "1" else { return }
        guard let control = try await TestDatabase.freshPostgresURL() else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        let dir = CLI.temporaryDirectory()
        var made: [String] = []
        let admin = try await PostgresStore.open(url: control, maximumConnections: 1)
        defer {
            let urls = made + [control]
            Task {
                try? await admin.close()
                for url in urls { try? await TestDatabase.drop(url: url) }
            }
            try? FileManager.default.removeItem(at: dir)
        }
        let (base, batch, rows) = try Self.demoFiles(in: dir)
        let kills = Int(ProcessInfo.processInfo.environment["MIERUKA_CRASH_PG_KILLS"] ?? "") ?? 8

        // The template: reps and leads imported. Each trial is a copy of it (CREATE DATABASE … TEMPLATE).
        let template = try await TestDatabase.freshPostgresURL()!
        made.append(template)
        let prepared = try CLI.run(["import", "--database-url", template, base.path], in: dir)
        try #require(prepared.status == 0, "\(prepared.stderr)")

        func copy() async throws -> String {
            let name = "mieruka_t_crash_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            try await admin.execute("CREATE DATABASE \(name) TEMPLATE \(Self.databaseName(template))", [])
            let url = Self.url(template, database: String(name))
            made.append(url)
            return url
        }

        let beforePrint = try await Self.postgresFingerprint(try await copy())
        let full = try await copy()
        let started = Date()
        let complete = try CLI.run(["import", "--database-url", full, batch.path], in: dir)
        let duration = Date().timeIntervalSince(started)
        try #require(complete.status == 0, "\(complete.stderr)")
        let allPrint = try await Self.postgresFingerprint(full)
        #expect(allPrint.counts["activities"] == rows)
        try #require(allPrint != beforePrint)

        let points = Self.killPoints(kills, duration: duration, seed: Self.seed)
        print("PostgreSQL import of \(rows) activity rows took \(CrashHarness.seconds(duration)); seed \(Self.seed); kill points: "
            + points.map { String(format: "%.2f", $0) }.joined(separator: ", ") + " s")
        var interrupted = 0
        for (index, point) in points.enumerated() {
            let trial = try await copy()
            let child = try CrashHarness.Child(["import", "--database-url", trial, batch.path], in: dir, log: dir.appendingPathComponent("pg.log"))
            try await Task.sleep(for: .seconds(point))
            let killed = child.kill()
            if killed { interrupted += 1 } else { #expect(child.process.terminationStatus == 0, "the import failed on its own: \(child.output)") }
            // The server notices the closed connection and rolls back (or commits, when COMMIT had been sent): wait for it.
            try await Self.waitForNoSessions(on: Self.databaseName(trial), admin: admin)
            let print_ = try await Self.postgresFingerprint(trial)
            let outcome: Outcome? = print_ == beforePrint ? Outcome.none : print_ == allPrint ? .all : nil
            #expect(outcome != nil, "kill \(index + 1) at \(CrashHarness.seconds(point)) left part of the import: \(print_)")
            print("PostgreSQL kill \(index + 1) at \(CrashHarness.seconds(point)): \(killed ? "killed mid-run" : "had finished"), "
                + "holds \(outcome?.rawValue ?? "PART") of the import")
            try? await TestDatabase.drop(url: trial)
        }
        #expect(interrupted >= kills / 2, "only \(interrupted) kills landed while the import ran")
    }

    static func postgresFingerprint(_ url: String) async throws -> CrashHarness.Fingerprint {
        let store = try await PostgresStore.open(url: url, maximumConnections: 1)
        do {
            let print = try await CrashHarness.fingerprint(store)
            try await store.close()
            return print
        } catch {
            try? await store.close()
            throw error
        }
    }

    static func waitForNoSessions(on database: String, admin: PostgresStore) async throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let left = try await admin.query("SELECT count(*) FROM pg_stat_activity WHERE datname = ?", [.text(database)])
            if left.first?.first?.int == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server still has a session on \(database) 60 s after its client was killed")
    }

    static func databaseName(_ url: String) -> String { String(URLComponents(string: url)?.path.dropFirst() ?? "") }

    static func url(_ base: String, database: String) -> String {
        var components = URLComponents(string: base)!
        components.path = "/" + database
        return components.string!
    }
}
