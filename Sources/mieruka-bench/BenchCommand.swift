import ArgumentParser
import Foundation
import MierukaCore
import MierukaDemo

/// `mieruka-bench`: demo data at a chosen size, then import, the dashboard's KPI path and the JSON endpoint, each
/// against a reference measured in the same run (sqlite3 `.import`, DuckDB), with a table of figures at the end.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mieruka-bench",
        abstract: "Measure import, the dashboard's KPI path and the JSON API against sqlite3 and DuckDB (release build).",
        discussion: """
            Run it as `swift run -c release mieruka-bench`. The full size (1,000,000 leads, about 10,000,000 activities) is \
            for measuring; --quick (about 100,000 activities) checks in about a minute that the benchmark works.
            """
    )

    @Option(help: "Number of leads (default: enough for --activities).") var leads: Int?
    @Option(help: "Approximate number of activities (default 10,000,000; 100,000 with --quick).") var activities: Int?
    @Option(help: "Number of reps (default: one per 3,300 leads, at least 12).") var reps: Int?
    @Flag(help: "About 100,000 activities, 5 s of HTTP load: a smoke test of the benchmark.") var quick = false
    @Option(help: "Also run against PostgreSQL (postgres://user:pass@host:port/db).") var databaseURL: String?
    @Flag(help: "Only the PostgreSQL pass (with --database-url).") var postgresOnly = false
    @Option(help: "Working folder for the CSV files and databases (default: a temporary folder, removed afterwards).") var work: String?
    @Option(help: "Seconds of HTTP load (default 20; 5 with --quick).") var seconds: Int?
    @Option(name: .customLong("repeat"), help: "Dashboard-path repetitions.") var repetitions: Int = 50

    /// The generator's fixed "today": the same options give the same data and the same figures on any day.
    static let today = LocalDate(year: 2026, month: 5, day: 20)
    /// The benchmark's month: the last complete month of the six generated.
    static let month = YearMonth(year: 2026, month: 4)

    func validate() throws {
        if postgresOnly && databaseURL == nil { throw ValidationError("--postgres-only needs --database-url") }
    }

    func run() async throws {
        let size = try BenchSize(leads: leads, activities: activities, reps: reps, quick: quick, today: Self.today)
        let directory = work ?? FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let started = DispatchTime.now()
        var table = BenchTable()
        table.note("size: \(size.description); month \(Self.month) by rep; work folder \(directory)")
        let mieruka = try Tool.mieruka()
        let csv = (directory as NSString).appendingPathComponent("csv")
        let sqlite = (directory as NSString).appendingPathComponent("mieruka.sqlite")
        var failed = false
        do {
            // 1. The demo organisation as canonical CSV, written by the same code as `mieruka demo --csv`.
            say("[1/5] generating \(size.description) as canonical CSV (mieruka demo --csv-only) …")
            let demo = try mieruka.check(size.demoArguments(csv: csv), what: "mieruka demo")
            say("      " + (demo.stderr.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).last.map(String.init) ?? ""))
            table.row("generate CSV", String(format: "%.1f s", demo.seconds))

            // 2–5 on the embedded SQLite file.
            let months = (from: Self.month.firstDay, to: Self.month.adding(months: 1).firstDay)
            if !postgresOnly,
                try await !pass(BenchDatabase.fresh(.sqlite(path: sqlite)), mieruka: mieruka, csv: csv, directory: directory, months: months, table: &table)
            {
                failed = true
            }
            // 6. The same on PostgreSQL, in a fresh database on the server given.
            if let databaseURL {
                say("[6] the same on PostgreSQL (\(Self.redacted(databaseURL))) …")
                let postgres = try BenchDatabase.fresh(.postgres(url: databaseURL))
                if try await !pass(postgres, mieruka: mieruka, csv: csv, directory: directory, months: months, table: &table) { failed = true }
            }
        } catch {
            say("error: \(error)")
            failed = true
        }

        table.note(String(format: "total %.1f s", elapsed(since: started)))
        say("")
        say(table.render())
        if work == nil { try? FileManager.default.removeItem(atPath: directory) }
        if failed { throw ExitCode(1) }
    }

    /// Import, the dashboard path against DuckDB, and the JSON endpoint on one database; false when the answers differ.
    func pass(_ database: BenchDatabase, mieruka: Tool, csv: String, directory: String, months: (from: LocalDate, to: LocalDate),
              table: inout BenchTable) async throws -> Bool {
        _ = try ImportBench(mieruka: mieruka, csv: csv, database: database, directory: directory).run(into: &table)
        let dashboard = DashboardBench(database: database, csv: csv, from: months.from, to: months.to, repeat: repetitions, quick: quick)
        let same = try await dashboard.run(into: &table)
        let http = HTTPBench(mieruka: mieruka, database: database, directory: directory, from: months.from, to: months.to,
                             seconds: seconds ?? (quick ? 5 : 20))
        try await http.run(into: &table)
        return same
    }

    /// The URL without its password, for printing.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "…" }
        if parts.password != nil { parts.password = "***" }
        return parts.string ?? "…"
    }
}
