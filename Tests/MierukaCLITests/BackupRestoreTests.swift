import Foundation
import MierukaCore
import MierukaStore
import MierukaTestSupport
import Testing

@Suite("mieruka backup and restore")
struct BackupRestoreTests {
    static let kpiArguments = ["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--by", "rep", "--format", "json"]

    /// One more May call in a folder of its own: a write that changes the May answers.
    static func extraActivities(in dir: URL) throws -> String {
        let folder = dir.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = """
            activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced
            A-BACKUP-1,L0000001,R003,call,outbound,2026-05-11T10:00:00+09:00,300,true,true,,,,
            A-BACKUP-2,L0000001,R003,call,outbound,2026-05-12T10:00:00+09:00,0,false,false,,,,

            """
        let file = folder.appendingPathComponent("activities.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs the binary on a thread of its own: `CLI.run` blocks while it waits, and the writing task needs the
    /// concurrency pool's few threads meanwhile.
    static func runOffThePool(_ arguments: [String], in directory: URL) async throws -> CLI.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try CLI.run(arguments, in: directory) }) }
        }
    }

    @Test("SQLite: backup, change the data, restore: the KPI answers are the ones before; without --force nothing is replaced")
    func sqliteRoundTrip() throws {
        // setup
        let dir = CLI.temporaryDirectory()
        let imported = try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        let before = try CLI.run(Self.kpiArguments, in: dir)
        #expect(before.status == 0 && before.stdout.split(separator: "\n").count == 500)

        // MUT: backup
        let backup = try CLI.run(["backup", "--out", "backup.sqlite"], in: dir)
        #expect(backup.status == 0, "\(backup.stderr)")
        let lines = backup.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("バックアップを書き出しました: backup.sqlite") == true, "\(backup.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("Backup written: backup.sqlite") == true)
        #expect(lines.contains { $0.hasPrefix("  activities") && $0.hasSuffix(" 6,364") }, "\(backup.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("backup.sqlite").path))
        let again = try CLI.run(["backup", "--out", "backup.sqlite"], in: dir)
        #expect(again.status != 0 && again.stderr.contains("--force"), "an existing backup is not overwritten without --force")
        #expect(try CLI.run(["backup", "--out", "backup.sqlite", "--force"], in: dir).status == 0)

        // change the data
        #expect(try CLI.run(["import", try Self.extraActivities(in: dir)], in: dir).status == 0)
        let changed = try CLI.run(Self.kpiArguments, in: dir)
        #expect(changed.stdout != before.stdout, "the extra calls change the May answers")

        // MUT: restore over the changed database
        let refused = try CLI.run(["restore", "backup.sqlite"], in: dir)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--force") && refused.stderr.contains("mieruka serve"), "\(refused.stderr)")
        #expect(try CLI.run(Self.kpiArguments, in: dir).stdout == changed.stdout, "a refused restore changes nothing")
        let restored = try CLI.run(["restore", "backup.sqlite", "--force"], in: dir)
        #expect(restored.status == 0, "\(restored.stderr)")
        let restoredLines = restored.stdout.split(separator: "\n")
        #expect(restoredLines.first?.hasPrefix("復元しました: backup.sqlite → mieruka.sqlite (") == true, "\(restored.stdout)")
        #expect(restoredLines.dropFirst().first?.hasPrefix("Restored: backup.sqlite → mieruka.sqlite (") == true)

        // validate
        #expect(try CLI.run(Self.kpiArguments, in: dir).stdout == before.stdout)

        // and after losing the file altogether
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent("mieruka.sqlite" + suffix)) }
        let fresh = try CLI.run(["restore", "backup.sqlite"], in: dir)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try CLI.run(Self.kpiArguments, in: dir).stdout == before.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test("SQLite: a backup taken while another process writes passes integrity_check and holds a committed state")
    func backupWhileWriting() async throws {
        // setup: the golden data, then another mieruka process changes a setting again and again (each change writes the
        // setting, its history row and the recounted rollups in one transaction) while this test backs up.
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)
        let written = Counter()
        let stop = Counter()
        Thread.detachNewThread {
            var n = 0
            while stop.value == 0 && n < 500 {
                n += 1
                let arguments = ["settings", "set", "--by", "writer", "valid_conversation_seconds", "\(60 + n % 100)"]
                if (try? CLI.run(arguments, in: dir))?.status == 0 { written.add() }
            }
            stop.add()
        }
        while written.value == 0 && stop.value == 0 { try await Task.sleep(for: .milliseconds(20)) }

        // MUT: three backups while the writes go on
        var outputs: [String] = []
        for n in 0..<3 {
            let result = try? await Self.runOffThePool(["backup", "--out", "while-\(n).sqlite"], in: dir)
            #expect(result?.status == 0, "\(result?.stderr ?? "the binary did not run")")
            outputs.append(dir.appendingPathComponent("while-\(n).sqlite").path)
        }
        let duringBackups = written.value
        stop.add()
        while stop.value < 2 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(duringBackups > 0, "the writer committed while the backups ran")

        // validate: each copy is sound, and the setting and its newest history row agree (one transaction, whole)
        for output in outputs {
            let copy = try await SQLiteStore.open(path: output)
            let integrity = try? await copy.query("PRAGMA integrity_check", [])
            let value = try? await copy.query("SELECT value FROM settings WHERE key = 'valid_conversation_seconds'", [])
            let newest = try? await copy.query(
                "SELECT new_value FROM settings_history WHERE key = 'valid_conversation_seconds' ORDER BY rowid DESC LIMIT 1", [])
            let copied = try? await copy.count(.activities)
            try await copy.close()
            #expect(integrity?.first?.first?.text == "ok")
            #expect(value?.first?.first?.text == newest?.first?.first?.text, "a backup holds only committed transactions")
            #expect(copied == 6364)
        }
    }

    @Test("restore refuses a file that is not a Mieruka database, or is newer, and leaves the database untouched")
    func restoreRefusesBadFiles() async throws {
        // setup
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)
        let before = try CLI.run(Self.kpiArguments, in: dir).stdout
        let target = dir.appendingPathComponent("mieruka.sqlite")
        let bytesBefore = try Data(contentsOf: target)
        let text = dir.appendingPathComponent("notes.sqlite")
        try String(repeating: "これはデータベースではありません,not a database\n", count: 200).write(to: text, atomically: true, encoding: .utf8)

        // MUT + validate: a text file
        let refused = try CLI.run(["restore", "notes.sqlite", "--force"], in: dir)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("notes.sqlite はSQLiteデータベースではありません"), "\(refused.stderr)")
        #expect(refused.stderr.contains("notes.sqlite is not an SQLite database"))
        #expect(refused.stderr.contains("mieruka backup"))

        // an SQLite database that is not Mieruka's
        let foreign = try await SQLiteStore.open(path: dir.appendingPathComponent("foreign.sqlite").path)
        try await foreign.execute("DROP TABLE schema_migrations", [])
        try await foreign.close()
        let notOurs = try CLI.run(["restore", "foreign.sqlite", "--force"], in: dir)
        #expect(notOurs.status != 0 && notOurs.stderr.contains("schema_migrations"), "\(notOurs.stderr)")

        // a backup from a newer mieruka
        #expect(try CLI.run(["backup", "--out", "newer.sqlite"], in: dir).status == 0)
        let newer = try await SQLiteStore.open(path: dir.appendingPathComponent("newer.sqlite").path)
        try await newer.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 0)", [])
        try await newer.close()
        let future = try CLI.run(["restore", "newer.sqlite", "--force"], in: dir)
        #expect(future.status != 0 && future.stderr.contains("9999_from_the_future") && future.stderr.contains("newer mieruka"), "\(future.stderr)")

        // a sound backup, while the database is open elsewhere (as a running server keeps it)
        #expect(try CLI.run(["backup", "--out", "good.sqlite"], in: dir).status == 0)
        let server = try await SQLiteStore.open(path: target.path)
        _ = try await server.count(.reps)
        let inUse = try? CLI.run(["restore", "good.sqlite", "--force"], in: dir)
        try await server.close()
        #expect(inUse?.status != 0 && inUse?.stderr.contains("is in use") == true && inUse?.stderr.contains("mieruka serve") == true, "\(inUse?.stderr ?? "")")

        #expect(try Data(contentsOf: target) == bytesBefore, "the database file is untouched")
        #expect(try CLI.run(Self.kpiArguments, in: dir).stdout == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test("PostgreSQL without pg_dump / pg_restore on PATH: the error says which package to install, and nothing is written")
    func clientMissing() throws {
        let dir = CLI.temporaryDirectory()
        try "x".write(to: dir.appendingPathComponent("some.dump"), atomically: true, encoding: .utf8)
        let url = "postgres://mieruka:secret@127.0.0.1:1/mieruka"
        let backup = try CLI.run(["backup", "--database-url", url, "--out", "pg.dump"], in: dir, environment: ["PATH": "/nonexistent"])
        #expect(backup.status != 0)
        #expect(backup.stderr.contains("pg_dump が見つかりません") && backup.stderr.contains("apt-get install postgresql-client"), "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pg.dump").path))
        let restore = try CLI.run(["restore", "--database-url", url, "some.dump"], in: dir, environment: ["PATH": "/nonexistent"])
        #expect(restore.status != 0 && restore.stderr.contains("pg_restore was not found"), "\(restore.stderr)")
        #expect(!backup.stderr.contains("secret") && !restore.stderr.contains("secret"))
    }

    @Test("PostgreSQL: pg_dump backup, change the data, pg_restore: the KPI answers are the ones before")
    func postgresRoundTrip() async throws {
        guard let url = try await TestDatabase.freshPostgresURL() else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        guard let empty = try await TestDatabase.freshPostgresURL() else { return }
        defer {
            Task {
                try? await TestDatabase.drop(url: url)
                try? await TestDatabase.drop(url: empty)
            }
        }
        // setup
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", "--database-url", url, try CLIEndToEndTests.golden()], in: dir).status == 0)
        let kpi = Self.kpiArguments + ["--database-url", url]
        let before = try CLI.run(kpi, in: dir)
        #expect(before.status == 0 && before.stdout.split(separator: "\n").count == 500, "\(before.stderr)")

        // MUT: backup
        let backup = try CLI.run(["backup", "--database-url", url, "--out", "pg.dump"], in: dir)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.hasPrefix("バックアップを書き出しました: pg.dump"), "\(backup.stdout)")
        #expect(backup.stdout.contains("\nBackup written: pg.dump"))
        #expect(backup.stdout.split(separator: "\n").contains { $0.hasPrefix("  activities") && $0.hasSuffix(" 6,364") }, "\(backup.stdout)")
        let password = URLComponents(string: url)?.password ?? ""
        if !password.isEmpty { #expect(!backup.stdout.contains(password) && !backup.stderr.contains(password)) }

        // change the data
        #expect(try CLI.run(["import", "--database-url", url, try Self.extraActivities(in: dir)], in: dir).status == 0)
        #expect(try CLI.run(kpi, in: dir).stdout != before.stdout)

        // A table of a later migration (not in the archive) must not survive the restore.
        let later = try await PostgresStore.open(url: url, maximumConnections: 1)
        try await later.execute("CREATE TABLE later_migration_table (x BIGINT)", [])
        try await later.close()

        // MUT: restore
        let refused = try CLI.run(["restore", "--database-url", url, "pg.dump"], in: dir)
        #expect(refused.status != 0 && refused.stderr.contains("--force"), "\(refused.stderr)")
        let restored = try CLI.run(["restore", "--database-url", url, "pg.dump", "--force"], in: dir)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.hasPrefix("復元しました: pg.dump → postgres://"), "\(restored.stdout)")

        // validate
        #expect(try CLI.run(kpi, in: dir).stdout == before.stdout)
        let check = try await PostgresStore.open(url: url, maximumConnections: 1)
        let leftover = try await check.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'later_migration_table'", [])
        try await check.close()
        #expect(leftover.first?.first == .int(0), "\(leftover)")

        // into an empty database, no --force needed
        let fresh = try CLI.run(["restore", "--database-url", empty, "pg.dump"], in: dir)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let restoredAnswers = try CLI.run(Self.kpiArguments + ["--database-url", empty], in: dir)
        let firstDifference = zip(restoredAnswers.stdout.split(separator: "\n"), before.stdout.split(separator: "\n")).first { $0 != $1 }
        #expect(restoredAnswers.stdout == before.stdout,
                "status \(restoredAnswers.status), stderr \(restoredAnswers.stderr.prefix(500)), first difference \(String(describing: firstDifference))")

        // a file that is not a dump
        try "not a dump\n".write(to: dir.appendingPathComponent("junk.dump"), atomically: true, encoding: .utf8)
        let junk = try CLI.run(["restore", "--database-url", url, "junk.dump", "--force"], in: dir)
        #expect(junk.status != 0 && junk.stderr.contains("not a pg_dump custom-format archive"), "\(junk.stderr)")
        #expect(try CLI.run(kpi, in: dir).stdout == before.stdout)
    }
}

/// A count shared between the writing task and the test.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
