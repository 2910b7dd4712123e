import Foundation
import SQLiteNIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Backup and restore of the SQLite file. The backup is `VACUUM INTO` on its own connection: in WAL mode it reads one
/// committed snapshot, so a server may keep writing meanwhile. Both write to a temporary name in the destination's folder
/// and rename it into place only when the copy checked out, so a failure leaves the destination as it was.
public enum SQLiteBackup {
    /// Writes a consistent copy of the database at `database` to `output`.
    public static func backup(database: String, to output: String, force: Bool) async throws -> BackupSummary {
        let manager = FileManager.default
        guard manager.fileExists(atPath: database) else {
            throw BackupProblem(
                "データベースファイル \(database) がありません。--db でファイルを指定してください。",
                "there is no database file at \(database): name it with --db PATH")
        }
        guard !sameFile(database, output) else {
            throw BackupProblem("バックアップ先がデータベース自身です。別のファイル名を --out に指定してください。",
                                "the backup file is the database itself: give another name to --out")
        }
        try BackupFiles.checkTarget(output, force: force)

        let temporary = BackupFiles.temporaryBeside(output)
        do {
            let source = try await SQLiteConnection.open(storage: .file(path: database))
            do {
                _ = try await source.query("PRAGMA busy_timeout = 10000", [])
                // VACUUM INTO takes a file name expression; a literal with doubled quotes avoids relying on a bound parameter.
                _ = try await source.query("VACUUM INTO '\(temporary.replacingOccurrences(of: "'", with: "''"))'", [])
                try await source.close()
            } catch {
                try? await source.close()
                throw BackupProblem(
                    "\(database) を読み出せませんでした: \(error)", "could not copy \(database): \(error) (is it a Mieruka SQLite database?)")
            }
            let inspection = try await inspect(temporary)
            guard inspection.integrity == "ok" else {
                throw BackupProblem("書き出したコピーの整合性検査に失敗しました: \(inspection.integrity)",
                                    "the written copy failed its integrity check: \(inspection.integrity); the database may be damaged")
            }
            try replace(output, with: temporary)
            return BackupSummary(location: output, bytes: BackupFiles.size(output), tables: inspection.tables)
        } catch {
            BackupFiles.removeSQLiteFiles(temporary)
            throw error
        }
    }

    /// Replaces (or creates) the database at `target` with the Mieruka SQLite database in `file`, then applies the
    /// migrations this binary has and the file lacks (by opening it as any command does).
    public static func restore(from file: String, to target: String, force: Bool) async throws -> BackupSummary {
        let manager = FileManager.default
        guard manager.fileExists(atPath: file) else {
            throw BackupProblem("バックアップファイル \(file) がありません。", "there is no backup file at \(file)")
        }
        guard !sameFile(file, target) else {
            throw BackupProblem("復元元と復元先が同じファイルです。", "the backup file and the database are the same file: nothing to restore")
        }
        let targetExists = manager.fileExists(atPath: target)
        if targetExists && !force {
            throw BackupProblem(
                "\(target) は既にあります。置き換えるには、サーバー(mieruka serve)を止めてから --force を付けて実行してください。",
                "\(target) already exists: stop the server (mieruka serve) using it, then run restore again with --force to replace it")
        }

        let temporary = BackupFiles.temporaryBeside(target)
        do {
            do {
                try manager.copyItem(atPath: file, toPath: temporary)
            } catch {
                throw BackupProblem("\(file) を \(temporary) へコピーできませんでした: \(error.localizedDescription)",
                                    "could not copy \(file) to \(temporary): \(error.localizedDescription)")
            }
            // The checks run on the copy that will be renamed into place: what was checked is what gets installed.
            let inspection: Inspection
            do {
                inspection = try await inspect(temporary)
            } catch {
                throw BackupProblem("\(file) はSQLiteデータベースではありません(\(error))。mieruka backup で作ったファイルを指定してください。",
                                    "\(file) is not an SQLite database (\(error)): give a file written by `mieruka backup`")
            }
            guard inspection.integrity == "ok" else {
                throw BackupProblem("\(file) の整合性検査に失敗しました: \(inspection.integrity)",
                                    "\(file) failed its integrity check (\(inspection.integrity)): restore from another backup")
            }
            guard let migrations = inspection.migrations else {
                throw BackupProblem("\(file) はMierukaのデータベースではありません(schema_migrations 表がありません)。",
                                    "\(file) is not a Mieruka database (it has no schema_migrations table): give a file written by `mieruka backup`")
            }
            let known = Set(Migration.all.map(\.name))
            let unknown = migrations.filter { !known.contains($0) }.sorted()
            guard unknown.isEmpty else {
                throw BackupProblem(
                    "\(file) はこのmierukaより新しい版で作られています(未知のマイグレーション: \(unknown.joined(separator: ", ")))。新しい版のmierukaで復元してください。",
                    "\(file) was written by a newer mieruka (unknown migrations: \(unknown.joined(separator: ", "))): restore it with that version or newer")
            }
            if targetExists { try await ensureNotInUse(target) }
            // The old database's WAL belongs to the old file: replayed onto the restored one it would corrupt it.
            for suffix in ["-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: target + suffix) }
            try replace(target, with: temporary)
        } catch {
            BackupFiles.removeSQLiteFiles(temporary)
            throw error
        }
        let store = try await SQLiteStore.open(path: target)
        try await store.close()
        let after = try await inspect(target)
        return BackupSummary(location: target, bytes: BackupFiles.size(target), tables: after.tables)
    }

    /// What a file holds: `PRAGMA integrity_check`'s answer, the applied migrations (nil without the table) and row counts.
    struct Inspection {
        var integrity: String
        var migrations: [String]?
        var tables: [BackupSummary.TableCount]
    }

    static func inspect(_ path: String) async throws -> Inspection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            _ = try await connection.query("PRAGMA busy_timeout = 10000", [])
            let integrity = try await connection.query("PRAGMA integrity_check", []).compactMap { $0.columns.first?.data.string }
            let names = try await connection.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", []
            ).compactMap { $0.columns.first?.data.string }
            var tables: [BackupSummary.TableCount] = []
            for name in names {
                let count = try await connection.query("SELECT COUNT(*) FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"", [])
                tables.append(BackupSummary.TableCount(table: name, rows: Int64(count.first?.columns.first?.data.integer ?? 0)))
            }
            var migrations: [String]? = nil
            if names.contains("schema_migrations") {
                migrations = try await connection.query("SELECT name FROM schema_migrations", []).compactMap { $0.columns.first?.data.string }
            }
            try await connection.close()
            return Inspection(integrity: integrity.joined(separator: "; "), migrations: migrations, tables: tables)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Throws when another connection (a running server, an import) has the database open: replacing the file under it
    /// would lose its writes or corrupt the new file. In WAL mode every open connection holds a shared lock, so an
    /// exclusive lock is granted only when nobody else has the file open.
    static func ensureNotInUse(_ path: String) async throws {
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: path)) else { return }
        do {
            // SQLiteNIO's own busy handler retries for ever; a timeout replaces it, so a held lock ends in SQLITE_BUSY.
            _ = try await connection.query("PRAGMA busy_timeout = 1000", [])
            _ = try await connection.query("PRAGMA locking_mode = EXCLUSIVE", [])
            _ = try await connection.query("BEGIN EXCLUSIVE", [])
            _ = try await connection.query("COMMIT", [])
            try await connection.close()
        } catch {
            try? await connection.close()
            let text = "\(error)".lowercased()
            // A damaged or foreign file in the way is no reason to refuse a forced restore; a lock held by someone else is.
            guard text.contains("locked") || text.contains("busy") else { return }
            throw BackupProblem(
                "\(path) は使用中です。先にサーバー(mieruka serve)など、このデータベースを開いているmierukaを止めてから復元してください。",
                "\(path) is in use (\(error)): stop the server (mieruka serve) and any other mieruka command on it, then run restore again")
        }
    }

    /// Renames `temporary` over `path` in one step (POSIX rename replaces an existing file atomically).
    static func replace(_ path: String, with temporary: String) throws {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw BackupProblem("\(path) に置けませんでした: \(reason)", "could not move the copy into place at \(path): \(reason)")
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
