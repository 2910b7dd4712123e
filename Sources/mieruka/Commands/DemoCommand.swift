import ArgumentParser
import Foundation
import MierukaCore
import MierukaDemo
import MierukaImport
import MierukaStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with a realistic, deterministic demo organisation. デモデータを作る。",
        discussion: "The data is written as canonical CSV (to --csv DIR, or a temporary folder) and imported like any user file."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Random seed: the same options give the same data.") var seed: UInt64 = 42
    @Option(help: "Number of reps.") var reps: Int = 12
    @Option(help: "Number of leads (about 10 activities each).") var leads: Int = 3_000
    @Option(help: "Months of history, ending with the current month.") var months: Int = 6
    @Option(help: "The generator's today, YYYY-MM-DD (default: today in Asia/Tokyo). Data stops at the end of this day.")
    var today: String?
    @Option(help: "Also keep the data as canonical CSV files in this folder.") var csv: String?
    @Flag(help: "Only write the CSV files (with --csv); do not touch a database.") var csvOnly = false

    func run() async throws {
        guard reps >= 1, leads >= 0, months >= 1 else { throw ValidationError("--reps and --months must be at least 1, --leads at least 0") }
        if csvOnly, csv == nil { throw ValidationError("--csv-only needs --csv DIR") }
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let todayDate: LocalDate
        if let today {
            guard let d = LocalDate(today) else { throw ValidationError("--today must be a date like 2026-05-20") }
            todayDate = d
        } else {
            todayDate = OrgClock(timeZone: tokyo).localDate(of: Date())
        }

        var db: (any Store)?
        if !csvOnly {
            let opened = try await store.open()
            let existing = try await opened.count(.reps) + opened.count(.leads)
            if existing > 0 {
                try await opened.close()
                printError("error: \(opened.location) already holds data; the demo fills an empty database (use another --db)")
                throw ExitCode(1)
            }
            db = opened
        }

        let directory = csv ?? FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-demo-\(UUID().uuidString)").path
        let options = DemoOptions(seed: seed, reps: reps, leads: leads, months: months, today: todayDate)
        try DemoWriter.writeCSV(options: options, directory: directory)
        guard let db else { return }
        do {
            let summary = try await DemoWriter.importCSV(directory: directory, into: db)
            for line in summary.lines { print(line) }
            print("demo organisation written to \(db.location) (\(options.startMonth) – \(todayDate))")
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
        if csv == nil { try? FileManager.default.removeItem(atPath: directory) }
    }
}
