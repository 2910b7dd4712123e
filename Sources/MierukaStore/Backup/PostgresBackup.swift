import Foundation
import PostgresNIO

/// Backup and restore of a PostgreSQL database with the server's own tools: `pg_dump --format=custom` and
/// `pg_restore --clean --if-exists --no-owner` in one transaction. The password travels in PGPASSWORD, never in the
/// arguments (which other users can see in the process list).
public enum PostgresBackup {
    /// Dumps the database of `url` to `output`. The row counts come from the same snapshot the dump reads
    /// (`pg_export_snapshot`), so they describe exactly what the file holds.
    public static func backup(url: String, to output: String, force: Bool) async throws -> BackupSummary {
        let parsed = try DatabaseURL(url)
        let manager = FileManager.default
        try BackupFiles.checkTarget(output, force: force)
        let pgDump = try ExternalTool.locate("pg_dump")
        let temporary = BackupFiles.temporaryBeside(output)
        do {
            let tables = try await withConnection(parsed) { connection, logger in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                var snapshot = ""
                for try await (name) in try await connection.query("SELECT pg_export_snapshot()", logger: logger).decode(String.self) {
                    snapshot = name
                }
                let outcome = try await pgDump.run(
                    ["--format=custom", "--no-password", "--snapshot=\(snapshot)", "--file=\(temporary)"] + connectionArguments(parsed),
                    environment: environment(parsed))
                guard outcome.status == 0 else { throw problem("pg_dump", outcome.stderr, parsed) }
                let tables = try await counts(connection, logger)
                try await connection.query("COMMIT", logger: logger)
                return tables
            }
            try SQLiteBackup.replace(output, with: temporary)
            return BackupSummary(location: output, bytes: BackupFiles.size(output), tables: tables)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Restores `file` (written by `backup`) into the database of `url`, all or nothing (`--single-transaction`), then
    /// applies the migrations this binary has and the file lacks.
    public static func restore(from file: String, url: String, force: Bool) async throws -> BackupSummary {
        let parsed = try DatabaseURL(url)
        guard FileManager.default.fileExists(atPath: file) else {
            throw BackupProblem("バックアップファイル \(file) がありません。", "there is no backup file at \(file)")
        }
        let pgRestore = try ExternalTool.locate("pg_restore")
        let listing = try await pgRestore.run(["--list", file], environment: [:])
        guard listing.status == 0 else {
            if listing.stderr.contains("unsupported version") { throw problem("pg_restore", listing.stderr, parsed) }
            throw BackupProblem(
                "\(file) は pg_dump のカスタム形式のファイルではありません。mieruka backup で作ったファイルを指定してください。",
                "\(file) is not a pg_dump custom-format archive (\(firstLine(listing.stderr))): give a file written by `mieruka backup`")
        }
        guard String(decoding: listing.stdout, as: UTF8.self).contains(" schema_migrations ") else {
            throw BackupProblem("\(file) はMierukaのデータベースのバックアップではありません(schema_migrations 表がありません)。",
                                "\(file) is not a backup of a Mieruka database (it has no schema_migrations table)")
        }
        let migrationData = try await pgRestore.run(["--data-only", "--table=schema_migrations", "--file=-", file], environment: [:])
        let known = Set(Migration.all.map(\.name))
        let unknown = copiedFirstColumn(String(decoding: migrationData.stdout, as: UTF8.self)).filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw BackupProblem(
                "\(file) はこのmierukaより新しい版で作られています(未知のマイグレーション: \(unknown.joined(separator: ", ")))。新しい版のmierukaで復元してください。",
                "\(file) was written by a newer mieruka (unknown migrations: \(unknown.joined(separator: ", "))): restore it with that version or newer")
        }
        let existing = try await withConnection(parsed) { connection, logger in try await counts(connection, logger) }
        if !existing.isEmpty && !force {
            throw BackupProblem(
                "\(parsed.redacted) には既に表があります。置き換えるには、サーバー(mieruka serve)を止めてから --force を付けて実行してください。",
                "\(parsed.redacted) already has tables: stop the server (mieruka serve) using it, then run restore again with --force to replace them")
        }
        // Replacing a database a server still uses would pull the data from under it.
        let others = try await withConnection(parsed) { connection, logger -> Int in
            let rows = try await connection.query(
                "SELECT count(*)::bigint FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                logger: logger)
            var n = 0
            for try await c in rows.decode(Int64.self) { n = Int(c) }
            return n
        }
        guard others == 0 else {
            throw BackupProblem(
                "\(parsed.redacted) には他に \(others) 件の接続があります。mieruka serve などを止めてから復元してください。",
                "\(parsed.redacted) has \(others) other connection(s): stop mieruka serve (and anything else using it), then restore")
        }
        // pg_restore --clean drops only what the archive holds: tables of later migrations would stay with their data
        // while the restored schema_migrations says they were never made (the next start would fail to create them).
        // So the restore runs as one SQL script that first drops every table the archive does not have, in one
        // transaction: all or nothing.
        let archived = Set(String(decoding: listing.stdout, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let i = words.firstIndex(of: "TABLE"), words.count > i + 2, !line.hasPrefix(";") else { return nil }
            return String(words[i + 2])
        })
        let extra = existing.map(\.table).filter { !archived.contains($0) }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-restore-\(UUID().uuidString).sql")
        defer { try? FileManager.default.removeItem(at: script) }
        let written = try await pgRestore.run(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=\(script.path)", file], environment: [:])
        guard written.status == 0 else { throw problem("pg_restore", written.stderr, parsed) }
        if !extra.isEmpty {
            let drops = extra.map { "DROP TABLE IF EXISTS \"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\" CASCADE;\n" }.joined()
            let body = try Data(contentsOf: script)
            try (Data(drops.utf8) + body).write(to: script)
        }
        let psql = try ExternalTool.locate("psql")
        let outcome = try await psql.run(
            ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--no-password", "--file=\(script.path)"]
                + connectionArguments(parsed),
            environment: environment(parsed))
        guard outcome.status == 0 else { throw problem("psql (restore)", outcome.stderr, parsed) }
        let store = try await PostgresStore.open(url: url, maximumConnections: 2)
        try await store.close()
        let tables = try await withConnection(parsed) { connection, logger in try await counts(connection, logger) }
        return BackupSummary(location: parsed.redacted, bytes: nil, tables: tables)
    }

    // MARK: - Plumbing

    static func connectionArguments(_ url: DatabaseURL) -> [String] {
        ["--host=\(url.host)", "--port=\(url.port)", "--username=\(url.user)", "--dbname=\(url.database)"]
    }

    static func environment(_ url: DatabaseURL) -> [String: String] {
        var environment = ["PGSSLMODE": url.sslMode, "PGCONNECT_TIMEOUT": "10"]
        if let password = url.password { environment["PGPASSWORD"] = password }
        return environment
    }

    /// The client's complaint as a problem; a version mismatch says which package to install.
    static func problem(_ tool: String, _ stderr: String, _ url: DatabaseURL) -> BackupProblem {
        let detail = stderr.split(separator: "\n").prefix(3).joined(separator: " / ")
        if stderr.contains("version mismatch") || stderr.contains("unsupported version") {
            return BackupProblem(
                "\(tool) とサーバー(またはファイル)のバージョンが合いません。サーバーと同じか新しいメジャーバージョンの postgresql-client を入れてください。",
                "\(tool) and the server (or the file) differ in version (\(detail)): install postgresql-client of the server's major version or newer "
                    + "(e.g. apt-get install postgresql-client-16) and put it first on PATH")
        }
        return BackupProblem("\(tool) が失敗しました(\(url.redacted)): \(detail)", "\(tool) failed on \(url.redacted): \(detail)")
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? "unreadable"
    }

    /// The first column of the rows of a plain-text `COPY … FROM stdin;` block.
    static func copiedFirstColumn(_ script: String) -> [String] {
        var inside = false
        var values: [String] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("COPY ") && line.hasSuffix("FROM stdin;") { inside = true; continue }
            if line == "\\." { inside = false; continue }
            if inside, let first = line.split(separator: "\t", omittingEmptySubsequences: false).first { values.append(String(first)) }
        }
        return values
    }

    static func counts(_ connection: PostgresConnection, _ logger: Logger) async throws -> [BackupSummary.TableCount] {
        var names: [String] = []
        let list = try await connection.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
            logger: logger)
        for try await name in list.decode(String.self) { names.append(name) }
        var tables: [BackupSummary.TableCount] = []
        for name in names {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            var rows: Int64 = 0
            for try await count in try await connection.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(quoted)"), logger: logger).decode(Int64.self) {
                rows = count
            }
            tables.append(BackupSummary.TableCount(table: name, rows: rows))
        }
        return tables
    }

    static func withConnection<T: Sendable>(
        _ url: DatabaseURL, _ body: (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "mieruka.backup")
        logger.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                    tls: try url.connectionTLS),
                id: 1, logger: logger)
        } catch {
            throw StoreError.cannotConnect(url: url.redacted, reason: PostgresStore.describe(error))
        }
        do {
            let result = try await body(connection, logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            if let error = error as? PSQLError { throw StoreError.query(reason: PostgresStore.describe(error)) }
            throw error
        }
    }
}
