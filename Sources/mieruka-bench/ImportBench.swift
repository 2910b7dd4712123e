import Foundation

/// Step 2: `mieruka import` into a fresh SQLite database against sqlite3's `.import` of the same activities file
/// into a bare table (no key, no index, no validation): the physical reference for the embedded store.
struct ImportBench {
    let mieruka: Tool
    let csv: String
    let database: String
    let directory: String

    /// Returns the number of activity rows imported.
    func run(into table: inout BenchTable) throws -> Int {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let file = { (name: String) in (self.csv as NSString).appendingPathComponent(name) }

        // Everything but the activities first (they refer to leads), so the activities' rate is measured on its own.
        say("[2/5] importing with mieruka import (first reps, leads, opportunities, customers, costs, targets; then activities) …")
        let others = ["reps.csv", "leads.csv", "opportunities.csv", "customers.csv", "costs.csv", "targets.csv"].map(file)
        let first = try mieruka.check(["import", "--db", database] + others, what: "mieruka import (reps, leads, …)")
        let otherRows = Self.importedRows(first.stdout)
        say(String(format: "      %@ rows in %.1f s", grouped(otherRows), first.seconds))

        let activitiesFile = file("activities.csv")
        let second = try mieruka.check(["import", "--db", database, activitiesFile], what: "mieruka import activities.csv")
        let activityRows = Self.importedRows(second.stdout)
        let ours = Double(activityRows) / second.seconds
        say(String(format: "      %@ activities in %.1f s: %@ rows/s (wall clock of the process)", grouped(activityRows), second.seconds,
                   grouped(Int(ours))))

        // The reference: sqlite3 .import of the very same file into a bare table.
        let sqlite3 = try Tool.required("sqlite3", debianPackage: "sqlite3")
        let bare = (directory as NSString).appendingPathComponent("bare.sqlite")
        try? FileManager.default.removeItem(atPath: bare)
        say("      reference: sqlite3 .import of activities.csv into a bare table …")
        let reference = try sqlite3.check([bare], input: ".mode csv\n.import '\(activitiesFile)' activities\n", what: "sqlite3 .import")
        let count = try sqlite3.check([bare, "SELECT count(*) FROM activities"], what: "sqlite3 count").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(count) == activityRows else {
            throw BenchError("sqlite3 loaded \(count) activity rows but mieruka imported \(activityRows): the two runs did not read the same file")
        }
        let theirs = Double(activityRows) / reference.seconds
        say(String(format: "      sqlite3: %.1f s, %@ rows/s; mieruka ÷ sqlite3 = %.2f", reference.seconds, grouped(Int(theirs)), ours / theirs))

        let total = Double(otherRows + activityRows) / (first.seconds + second.seconds)
        table.row("import activities (rows/s)", grouped(Int(ours)), reference: "\(grouped(Int(theirs))) sqlite3 .import",
                  ratio: String(format: "%.2f×", ours / theirs), target: "≥ 0.5×")
        table.row("import all files (rows/s)", grouped(Int(total)), reference: "", ratio: "", target: "")
        return activityRows
    }

    /// The row count from `mieruka import`'s last line: "imported 1,234 rows in 0.5 s (…)".
    static func importedRows(_ output: String) -> Int {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("imported ") }) else { return 0 }
        let number = line.dropFirst("imported ".count).prefix { $0.isNumber || $0 == "," }
        return Int(number.filter(\.isNumber)) ?? 0
    }
}
