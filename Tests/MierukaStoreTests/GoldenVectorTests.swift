import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// The golden vectors of ../shared/fixtures/golden: an independent implementation's answer for every KPI,
/// each month and the quarter, by org, rep, team and channel. Imported through the real importer into a real SQLite file,
/// and into a PostgreSQL database when MIERUKA_TEST_DATABASE_URL names a server: both must give the same answers.
@Suite("Golden vectors")
struct GoldenVectorTests {
    struct Expected: Decodable {
        let kpi: String
        let group: String?
        let numerator: Double?
        let denominator: Double?
        let value: Double?
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        default: return false
        }
    }

    static var expectedFiles: [String] {
        guard let dir = try? TestFixtures.golden() else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/expected")) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test("every expected file matches", arguments: TestBackend.allCases, expectedFiles)
    func matches(backend: TestBackend, file: String) async throws {
        // setup
        let golden = try TestFixtures.golden()
        let db = try await TestFixtures.importedGoldenStore(backend)
        let parts = file.replacingOccurrences(of: ".jsonl", with: "").split(separator: "_")
        let from = try #require(LocalDate(parts[0]))
        let to = try #require(LocalDate(parts[1]))
        let by = try #require(KPIBreakdown(rawValue: String(parts[2])))

        // MUT
        let results = try await KPIService(store: db).compute(from: from, to: to, by: by)

        // validate
        let ours = Dictionary(results.map { ("\($0.kpi)|\($0.group ?? "<null>")", $0) }, uniquingKeysWith: { a, _ in a })
        let lines = try String(contentsOfFile: golden + "/expected/" + file, encoding: .utf8).split(separator: "\n")
        var mismatches: [String] = []
        var seen = Set<String>()
        for line in lines {
            let e = try JSONDecoder().decode(Expected.self, from: Data(line.utf8))
            let key = "\(e.kpi)|\(e.group ?? "<null>")"
            seen.insert(key)
            guard let r = ours[key] else {
                mismatches.append("\(key): missing from our output")
                continue
            }
            if !Self.close(e.numerator, r.value.numerator) || !Self.close(e.denominator, r.value.denominator) || !Self.close(e.value, r.value.value) {
                mismatches.append("\(key): expected \(e.numerator.map { "\($0)" } ?? "null")/\(e.denominator.map { "\($0)" } ?? "null")=\(e.value.map { "\($0)" } ?? "null"), "
                    + "got \(r.value.numerator.map { "\($0)" } ?? "null")/\(r.value.denominator.map { "\($0)" } ?? "null")=\(r.value.value.map { "\($0)" } ?? "null")")
            }
        }
        // Nothing extra, except forecast_accuracy, which has no expected value (no recorded forecast in the data).
        let extra = ours.keys.filter { !seen.contains($0) && !$0.hasPrefix("forecast_accuracy|") }
        #expect(mismatches.isEmpty, "\(backend) \(file): \(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
        #expect(extra.isEmpty, "\(file): unexpected lines \(extra.sorted().prefix(20))")
        #expect(lines.count > 50)
    }
}

/// The same question asked twice gives the same digits, even when the database's plan changes in between (PostgreSQL's
/// autovacuum analyses a freshly imported table at a moment of its choosing; the answer's fractional sums must not
/// follow the order rows happen to arrive in). Found as a flaky API = CLI comparison on PostgreSQL under load.
@Suite("Answers do not depend on the database's plan")
struct PlanIndependenceTests {
    @Test("by team and rep, for a month (rollup cells) and an odd range (records): identical before and after ANALYZE",
          arguments: TestBackend.allCases)
    func sameDigitsAfterAnalyze(backend: TestBackend) async throws {
        let db = try await TestFixtures.importedGoldenStore(backend)
        let questions: [(String, String, KPIBreakdown)] = [("2026-05-01", "2026-06-01", .team), ("2026-05-01", "2026-06-01", .rep),
                                                           ("2026-05-03", "2026-05-20", .team), ("2026-04-01", "2026-07-01", .org)]
        func answers() async throws -> [String] {
            var lines: [String] = []
            for (from, to, by) in questions {
                lines += try await KPIService(store: db).compute(from: LocalDate(from)!, to: LocalDate(to)!, by: by).map(\.jsonLine)
            }
            return lines
        }
        let before = try await answers()
        try await db.execute("ANALYZE", [])
        let after = try await answers()
        #expect(before.count == after.count && before.count > 100)
        for (a, b) in zip(before, after) where a != b { Issue.record("before ANALYZE \(a)\nafter  ANALYZE \(b)") }
    }
}
