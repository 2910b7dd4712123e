import Foundation
import MierukaStore

/// What the crash tests need beside `CLI`: a `mieruka` child process that can be killed mid-work, a seeded random
/// source (so a failing kill point can be replayed), and a fingerprint of a database's content.
enum CrashHarness {
    /// A running `mieruka` process; its output goes to a log file (a pipe nobody reads could block it).
    final class Child: @unchecked Sendable {
        let process = Process()
        let log: URL

        init(_ arguments: [String], in directory: URL, log: URL, environment: [String: String] = [:], input: FileHandle = .nullDevice) throws {
            self.log = log
            process.executableURL = URL(fileURLWithPath: try CLI.binary())
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "MIERUKA_DB")
            env.removeValue(forKey: "MIERUKA_DATABASE_URL")
            for (k, v) in environment { env[k] = v }
            process.environment = env
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = input
            try process.run()
        }

        /// SIGKILL: no handler runs, no buffer is flushed, no transaction is finished: the power cut of a process.
        /// Returns true when the process was still running (so the kill interrupted it).
        @discardableResult
        func kill() -> Bool {
            let running = process.isRunning
            if running { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return running && process.terminationReason == .uncaughtSignal
        }

        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    /// SplitMix64: a tiny deterministic generator, so the printed seed reproduces the kill points.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Tables whose content carries clock readings or random ids (when an import ran, the answer cache's version):
    /// only their row counts are compared.
    static let volatileTables: Set<String> = ["import_log", "rollup_state", "sessions", "login_failures", "schema_migrations"]

    /// Row count per table, and for every non-volatile table an order-independent checksum of its rows (the wrapping
    /// sum of each row's FNV-1a hash), so two databases with the same content give the same fingerprint.
    struct Fingerprint: Equatable, CustomStringConvertible {
        var counts: [String: Int] = [:]
        var checksums: [String: UInt64] = [:]

        var description: String {
            counts.keys.sorted().filter { counts[$0] != 0 }.map { "\($0)=\(counts[$0]!)" }.joined(separator: " ")
        }
    }

    static func fingerprint(_ store: any Store) async throws -> Fingerprint {
        let tables: [String]
        switch store.dialect {
        case .sqlite:
            tables = try await store.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", []).compactMap { $0.first?.text }
        case .postgres:
            tables = try await store.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", []
            ).compactMap { $0.first?.text }
        }
        var print = Fingerprint()
        for table in tables {
            if volatileTables.contains(table) {
                let count = try await store.query("SELECT count(*) FROM \(table)", [])
                print.counts[table] = Int(count.first?.first?.int ?? -1)
                continue
            }
            // PostgreSQL: the row as its text form (every column type has one); SQLite: the row's cells.
            let sql = store.dialect == .postgres ? "SELECT r::text FROM \(table) r" : "SELECT * FROM \(table)"
            let rows = try await store.query(sql, [])
            var sum: UInt64 = 0
            for row in rows { sum &+= fnv1a(String(describing: row)) }
            print.counts[table] = rows.count
            print.checksums[table] = sum
        }
        return print
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SQLite's own full check of the file: b-trees, indexes, free list.
    static func integrityCheck(_ store: any Store) async throws -> String {
        try await store.query("PRAGMA integrity_check", []).map { $0.first?.text ?? "?" }.joined(separator: "; ")
    }

    /// Copies a SQLite database file (and its WAL, when one is left) so each kill starts from the same state.
    static func copySQLite(_ from: URL, to: URL) throws {
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] {
            let target = URL(fileURLWithPath: to.path + suffix)
            try? fm.removeItem(at: target)
            let source = URL(fileURLWithPath: from.path + suffix)
            if fm.fileExists(atPath: source.path) { try fm.copyItem(at: source, to: target) }
        }
    }

    /// Runs the binary to its end with `input` on standard input (`mieruka user add` reads the password there).
    static func run(_ arguments: [String], in directory: URL, input: String) throws -> CLI.Result {
        let log = directory.appendingPathComponent("run-\(UUID().uuidString).log")
        let inputFile = directory.appendingPathComponent("input-\(UUID().uuidString).txt")
        try Data(input.utf8).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile); try? FileManager.default.removeItem(at: log) }
        let child = try Child(arguments, in: directory, log: log, input: try FileHandle(forReadingFrom: inputFile))
        let status = child.wait()
        return CLI.Result(status: status, stdout: child.output, stderr: child.output)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
