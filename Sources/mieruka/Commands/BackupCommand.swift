import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka backup --out FILE`: a consistent copy of the store while the server may keep running.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the database. データベースのバックアップを書き出す(サーバー稼働中でも可)。",
        discussion: """
            SQLite: VACUUM INTO a temporary file beside FILE, checked (integrity_check) and renamed into place. \
            PostgreSQL: pg_dump --format=custom (needs pg_dump on PATH: apt-get install postgresql-client). \
            Restore with `mieruka restore FILE`.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: ArgumentHelp("The backup file to write.", valueName: "file")) var out: String
    @Flag(name: .long, help: "Overwrite FILE when it exists.") var force = false

    func run() async throws {
        let summary = try await BackupReport.reporting {
            if let url = store.url {
                return try await PostgresBackup.backup(url: url, to: out, force: force)
            }
            return try await SQLiteBackup.backup(database: store.path, to: out, force: force)
        }
        say("バックアップを書き出しました: \(summary.location) (\(BackupReport.size(summary.bytes)))")
        say("Backup written: \(summary.location) (\(BackupReport.size(summary.bytes)))")
        BackupReport.printTables(summary)
    }
}

/// `mieruka restore FILE`: replaces the store with a backup, then applies this binary's migrations.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup. バックアップからデータベースを復元する(先にサーバーを止める)。",
        discussion: """
            Stop `mieruka serve` first. The file is checked before anything changes: an SQLite backup must pass \
            integrity_check and be a Mieruka database no newer than this binary; it is copied beside the database and renamed \
            into place. A PostgreSQL backup is restored with pg_restore --clean --if-exists --no-owner in one transaction. \
            An existing database is replaced only with --force. Migrations then run as on any open.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The backup file (written by `mieruka backup`).") var file: String
    @Flag(name: .long, help: "Replace an existing database.") var force = false

    func run() async throws {
        let summary = try await BackupReport.reporting {
            if let url = store.url {
                return try await PostgresBackup.restore(from: file, url: url, force: force)
            }
            return try await SQLiteBackup.restore(from: file, to: store.path, force: force)
        }
        let size = summary.bytes.map { " (\(BackupReport.size($0)))" } ?? ""
        say("復元しました: \(file) → \(summary.location)" + size)
        say("Restored: \(file) → \(summary.location)" + size)
        BackupReport.printTables(summary)
    }
}

/// The shared wording of backup and restore.
enum BackupReport {
    /// Runs `body`; a problem is printed in both languages and ends the command with status 1.
    static func reporting(_ body: () async throws -> BackupSummary) async throws -> BackupSummary {
        do {
            return try await body()
        } catch let problem as BackupProblem {
            printError("error: " + problem.japanese)
            printError("error: " + problem.english)
            throw ExitCode(1)
        } catch let error as StoreError {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    static func size(_ bytes: Int64?) -> String {
        guard let bytes else { return "—" }
        let megabytes = Double(bytes) / 1_048_576
        return megabytes >= 0.1 ? String(format: "%.1f MB", megabytes) : "\(NumberFormat.grouped(Double(bytes))) bytes"
    }

    /// One line per table: its name and row count in the written copy (件数 / rows).
    static func printTables(_ summary: BackupSummary) {
        let width = summary.tables.map(\.table.count).max() ?? 0
        for table in summary.tables {
            say("  " + table.table.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + NumberFormat.grouped(Double(table.rows)))
        }
    }
}
