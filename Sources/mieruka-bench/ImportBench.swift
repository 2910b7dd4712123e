import Foundation

/// Step 2: `mieruka import` into a fresh database against the database's own bulk load of the same activities file
/// into a bare table (no key, no index, no validation): sqlite3's `.import` for SQLite, psql's `\copy` for PostgreSQL.
struct ImportBench {
    let mieruka: Tool
    let csv: String
    let database: BenchDatabase
    let directory: String

    /// Returns the number of activity rows imported.
    func run(into table: inout BenchTable) throws -> Int {
        let file = { (name: String) in (self.csv as NSString).appendingPathComponent(name) }

        // Everything but the activities first (they refer to leads), so the activities' rate is measured on its own.
        say("[2/5] importing with mieruka import (first reps, leads, opportunities, customers, costs, targets; then activities) …")
        let others = ["reps.csv", "leads.csv", "opportunities.csv", "customers.csv", "costs.csv", "targets.csv"].map(file)
        let first = try mieruka.check(["import"] + database.arguments + others, what: "mieruka import (reps, leads, …)")
        let otherRows = Self.importedRows(first.stdout)
        say(String(format: "      %@ rows in %.1f s", grouped(otherRows), first.seconds))

        let activitiesFile = file("activities.csv")
        let second = try mieruka.check(["import"] + database.arguments + [activitiesFile], what: "mieruka import activities.csv")
        let activityRows = Self.importedRows(second.stdout)
        let ours = Double(activityRows) / second.seconds
        say(String(format: "      %@ activities in %.1f s: %@ rows/s (wall clock of the process)", grouped(activityRows), second.seconds,
                   grouped(Int(ours))))

        // The reference: the database's own bulk load of the very same file into a bare table.
        let (referenceName, referenceSeconds, referenceRows) = try reference(activitiesFile)
        guard referenceRows == activityRows else {
            throw BenchError("\(referenceName) loaded \(referenceRows) activity rows but mieruka imported \(activityRows): the two runs did not read the same file")
        }
        let theirs = Double(activityRows) / referenceSeconds
        say(String(format: "      %@: %.1f s, %@ rows/s; mieruka ÷ %@ = %.2f", referenceName, referenceSeconds, grouped(Int(theirs)), referenceName, ours / theirs))

        let total = Double(otherRows + activityRows) / (first.seconds + second.seconds)
        table.row(database.name("import activities (rows/s)"), grouped(Int(ours)), reference: "\(grouped(Int(theirs))) \(referenceName)",
                  ratio: String(format: "%.2f×", ours / theirs), target: "≥ 0.5×")
        table.row(database.name("import all files (rows/s)"), grouped(Int(total)), reference: "", ratio: "", target: "")
        return activityRows
    }

    /// The bulk load of `file` into a bare table: (what, seconds, rows loaded).
    func reference(_ file: String) throws -> (String, Double, Int) {
        switch database {
        case .sqlite:
            let sqlite3 = try Tool.required("sqlite3", debianPackage: "sqlite3")
            let bare = (directory as NSString).appendingPathComponent("bare.sqlite")
            try? FileManager.default.removeItem(atPath: bare)
            say("      reference: sqlite3 .import of activities.csv into a bare table …")
            let run = try sqlite3.check([bare], input: ".mode csv\n.import '\(file)' activities\n", what: "sqlite3 .import")
            let count = try sqlite3.check([bare, "SELECT count(*) FROM activities"], what: "sqlite3 count").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return ("sqlite3 .import", run.seconds, Int(count) ?? -1)
        case .postgres(let url):
            let psql = try Tool.required("psql", debianPackage: "postgresql-client")
            say("      reference: psql \\copy of activities.csv into a bare table …")
            let columns = ["activity_id", "lead_id", "rep_id", "type", "direction", "occurred_at", "duration_seconds", "connected",
                           "decision_maker", "opened", "clicked", "replied", "bounced"].map { "\($0) TEXT" }.joined(separator: ", ")
            _ = try psql.check([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "DROP TABLE IF EXISTS bare_activities", "-c", "CREATE TABLE bare_activities (\(columns))"],
                               what: "psql: bare table")
            let run = try psql.check([url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "\\copy bare_activities FROM '\(file)' WITH (FORMAT csv, HEADER true)"],
                                     what: "psql \\copy")
            let count = try psql.check([url, "-t", "-A", "-c", "SELECT count(*) FROM bare_activities"], what: "psql count").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try? psql.run([url, "-q", "-c", "DROP TABLE bare_activities"])
            return ("psql \\copy", run.seconds, Int(count) ?? -1)
        }
    }

    /// The row count from `mieruka import`'s last line: "imported 1,234 rows in 0.5 s (…)".
    static func importedRows(_ output: String) -> Int {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("imported ") }) else { return 0 }
        let number = line.dropFirst("imported ".count).prefix { $0.isNumber || $0 == "," }
        return Int(number.filter(\.isNumber)) ?? 0
    }
}
