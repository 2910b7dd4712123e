import Foundation
import MierukaCore
import MierukaStore

/// Step 3: every catalog KPI for one month by rep through the path the dashboard and the API take (KPIService on the
/// imported database, in process), against DuckDB computing a representative subset from the CSV files; both must
/// give the same numbers for that subset.
struct DashboardBench {
    let database: BenchDatabase
    let csv: String
    let from: LocalDate
    let to: LocalDate
    let `repeat`: Int
    let quick: Bool

    /// The KPIs the DuckDB reference computes (benchmarks/duckdb/kpis_by_rep.sql).
    static let subset = ["calls", "connects", "connect_rate", "valid_conversations", "appointments", "wins"]

    /// Returns false when the two answers differ.
    func run(into table: inout BenchTable) async throws -> Bool {
        say("[3/5] \(database.label): all catalog KPIs for \(from) – \(to.adding(days: -1)) by rep through KPIService, \(self.repeat) times …")
        let store = try await database.open()
        let settings = try await store.settings()
        let service = KPIService(store: store)
        var results = try await service.compute(from: from, to: to, by: .rep)  // warm-up, not counted
        var times: [Double] = []
        for _ in 0..<max(1, self.repeat) {
            let started = DispatchTime.now()
            results = try await service.compute(from: from, to: to, by: .rep)
            times.append(elapsed(since: started))
        }
        try await store.close()
        times.sort()
        let p50 = Self.percentile(times, 0.50), p99 = Self.percentile(times, 0.99)
        let kpiCount = Set(results.map(\.kpi)).count
        say(String(format: "      %d KPIs × %d groups: p50 %.1f ms, p99 %.1f ms", kpiCount, Set(results.map(\.group)).count, p50 * 1000, p99 * 1000))

        // The reference: DuckDB from the CSV files.
        let clock = OrgClock(timeZone: settings.timeZone)
        let reference = try DuckDBReference.run(csv: csv, from: Self.stamp(from, clock), to: Self.stamp(to, clock),
                                                validSeconds: settings.validConversationSeconds, repeat: quick ? 3 : 5)
        let duck = Self.percentile(reference.seconds.sorted(), 0.5)
        say(String(format: "      DuckDB %@ (%d KPIs from the CSV files): median %.1f ms of %d runs; mieruka p50 ÷ DuckDB = %.3f",
                   reference.version, Self.subset.count, duck * 1000, reference.seconds.count, p50 / duck))
        table.row(database.name("dashboard path p50 (\(kpiCount) KPIs)"), String(format: "%.1f ms", p50 * 1000),
                  reference: String(format: "%.1f ms DuckDB (%d KPIs)", duck * 1000, Self.subset.count),
                  ratio: String(format: "%.3f×", p50 / duck), target: "≤ 20 ms, ≤ 0.1×")
        table.row(database.name("dashboard path p99"), String(format: "%.1f ms", p99 * 1000))

        // The same numbers for the subset.
        let mismatches = Self.compare(results, reference.reps)
        if mismatches.isEmpty {
            say("      same answers: \(Self.subset.count) KPIs × \(reference.reps.count) reps agree with DuckDB")
            table.row(database.name("answers = DuckDB"), "yes", reference: "\(Self.subset.count) KPIs × \(reference.reps.count) reps")
            return true
        }
        say("      DIFFERENT answers from DuckDB (\(mismatches.count)):")
        for line in mismatches.prefix(20) { say("        " + line) }
        table.row(database.name("answers = DuckDB"), "NO: \(mismatches.count) differ", reference: "\(Self.subset.count) KPIs × \(reference.reps.count) reps")
        return false
    }

    /// Each difference between the engine's lines and DuckDB's, as "kpi rep: mieruka … ≠ DuckDB …".
    static func compare(_ results: [KPIResult], _ reference: [String: [String: DuckDBReference.Answer]]) -> [String] {
        var ours: [String: KPIValue] = [:]
        for result in results where subset.contains(result.kpi) {
            if let group = result.group { ours["\(result.kpi) \(group)"] = result.value }
        }
        var problems: [String] = []
        for rep in reference.keys.sorted() {
            for kpi in subset {
                guard let theirs = reference[rep]?[kpi] else { problems.append("\(kpi) \(rep): missing in DuckDB's answer"); continue }
                guard let mine = ours["\(kpi) \(rep)"] else { problems.append("\(kpi) \(rep): missing in mieruka's answer"); continue }
                let same: Bool
                switch theirs {
                case .count(let n): same = mine.numerator == Double(n) && mine.value == Double(n)
                case .ratio(let n, let d):
                    let value: Double? = d == 0 ? nil : Double(n) / Double(d)
                    same = mine.numerator == Double(n) && mine.denominator == Double(d)
                        && (mine.value == nil) == (value == nil) && abs((mine.value ?? 0) - (value ?? 0)) < 1e-12
                }
                if !same { problems.append("\(kpi) \(rep): mieruka \(mine.numerator.map { "\($0)" } ?? "nil")/\(mine.denominator.map { "\($0)" } ?? "nil") ≠ DuckDB \(theirs)") }
            }
        }
        return problems
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Local midnight of `date` as an ISO timestamp with the organisation's offset: 2026-04-01T00:00:00+09:00.
    static func stamp(_ date: LocalDate, _ clock: OrgClock) -> String {
        let offset = clock.offset(at: clock.startOfDay(date))
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%@T00:00:00%@%02d:%02d", date.description, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }
}
