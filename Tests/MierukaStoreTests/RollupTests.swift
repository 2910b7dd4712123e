import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// The rollups answer exactly what a full recount of the records answers, however the records arrived: one import, a
/// second import that changes and moves records (re-counted unit by unit), a settings change, a rep's new team.
@Suite("Store: rollups")
struct RollupTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    /// Every month, quarter and fiscal year of the golden data, and the weeks and days of its last month.
    static func check(_ store: any Store, _ comment: Comment) async throws {
        let span = try #require(try await RollupService(store: store).dataSpan())
        let periods = RollupService.periods(from: span.from, to: span.to, fiscalYearStartMonth: 4)
        let report = try await RollupService(store: store).check(periods: periods)
        #expect(report.answers > 100, comment)
        #expect(report.disagreements.isEmpty, "\(comment): \(report.disagreements.prefix(3).map { "\($0.from) \($0.grouping): \($0.difference)" })")
    }

    static func importFiles(_ store: any Store, _ files: [String: String]) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-rollup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let sources = try ImportSource.resolve(paths: [dir.path], mappings: [])
        _ = try await Importer(store: store, timeZone: tokyo).run(sources)
    }

    static func lines(_ file: String) throws -> (header: String, rows: [String]) {
        let text = try String(contentsOfFile: try TestFixtures.golden() + "/data/" + file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        return (header, lines)
    }

    static func file(_ header: String, _ rows: [String]) -> String { ([header] + rows).joined(separator: "\n") + "\n" }

    /// Replaces field `index` of a comma-separated row (the golden activities and opportunities have no quoted fields).
    static func set(_ row: String, _ index: Int, _ value: String) -> String {
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        return fields.joined(separator: ",")
    }

    @Test("one import: the rollups agree with a full recount for every grouping and period", arguments: TestBackend.allCases)
    func afterImport(backend: TestBackend) async throws {
        let store = try await TestFixtures.importedGoldenStore(backend)
        try await Self.check(store, "after the golden import")
        let answers = try await KPIAnswers(store: store)
        #expect(answers.rollupsUsable)
        #expect(answers.usesRollups(answers.engine.period(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!)))
        #expect(!answers.usesRollups(answers.engine.period(from: LocalDate("2026-05-15")!, to: LocalDate("2026-06-15")!)),
                "a period across two months is counted from the records")
    }

    @Test("a second import that adds, changes and moves records is re-counted unit by unit and equals a rebuild", arguments: TestBackend.allCases)
    func incremental(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            let golden = try TestFixtures.golden() + "/data/"
            let reps = try String(contentsOfFile: golden + "reps.csv", encoding: .utf8)
            let leads = try String(contentsOfFile: golden + "leads.csv", encoding: .utf8)
            let activities = try Self.lines("activities.csv")
            let opportunities = try Self.lines("opportunities.csv")
            let half = activities.rows.count / 2

            // setup: the first half of the activities and all but the last ten opportunities.
            try await Self.importFiles(store, [
                "reps.csv": reps, "leads.csv": leads, "activities.csv": Self.file(activities.header, Array(activities.rows[..<half])),
                "opportunities.csv": Self.file(opportunities.header, Array(opportunities.rows.dropLast(10))),
            ])
            #expect(try await store.rollupRebuildCount() == 1, "the first import counts every cell")
            try await Self.check(store, "after the first import")

            // MUT: the other half; earlier calls now connected and long, an email replied, activities moved to another
            // lead; an opportunity loses its lead, another is won with an amount, the last ten arrive.
            var changed: [String] = []
            for (i, row) in activities.rows[..<half].enumerated() where i % 37 == 0 {
                var row = Self.set(row, 7, "true")
                if row.contains(",call,") { row = Self.set(row, 6, "300") } else { row = Self.set(row, 11, "true") }
                if i % 74 == 0 { row = Self.set(row, 1, "L0000002") }
                changed.append(row)
            }
            var opps = Array(opportunities.rows.suffix(10))
            opps.append(Self.set(opportunities.rows[0], 1, ""))
            var won = Self.set(opportunities.rows[3], 8, "won")
            won = Self.set(won, 11, "2026-06-30T10:00:00+09:00")
            won = Self.set(won, 4, "inside_sales")
            opps.append(Self.set(won, 9, "1234567"))
            try await Self.importFiles(store, [
                "activities.csv": Self.file(activities.header, changed + Array(activities.rows[half...])),
                "opportunities.csv": Self.file(opportunities.header, opps),
            ])

            // validate: no rebuild happened, the answers agree, and the cells are those a rebuild counts.
            #expect(try await store.rollupRebuildCount() == 1, "a write of a few hundred leads is re-counted unit by unit")
            try await Self.check(store, "after the second import")
            let incremental = try await store.rollupSnapshot()
            _ = try await store.rebuildRollups()
            let rebuilt = try await store.rollupSnapshot()
            #expect(incremental.count == rebuilt.count)
            let difference = zip(incremental, rebuilt).first { $0 != $1 }
            #expect(difference == nil, "first differing cell: \(difference.map { "\($0.0)\n vs \($0.1)" } ?? "")")
        }
    }

    @Test("a settings change or a rep's new team recounts the rollups in the same transaction", arguments: TestBackend.allCases)
    func settingsAndTeams(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            let golden = try TestFixtures.golden() + "/data"
            _ = try await Importer(store: store, timeZone: Self.tokyo).run(try ImportSource.resolve(paths: [golden], mappings: []))
            let before = try await KPIService(store: store).compute(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, by: .org, only: ["valid_conversations"])

            try await store.transaction {
                try await store.setSetting("valid_conversation_seconds", value: "30", changedBy: "test", at: Date())
                try await store.finishRollups()
            }
            #expect(try await store.rollupRebuildCount() == 2)
            let after = try await KPIService(store: store).compute(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, by: .org, only: ["valid_conversations"])
            #expect((after.first?.value.value ?? 0) > (before.first?.value.value ?? 0), "a shorter valid conversation counts more calls")
            try await Self.check(store, "after the settings change")

            let reps = try Self.lines("reps.csv")
            let moved = reps.rows.map { $0.hasPrefix("R002,") ? $0.replacingOccurrences(of: "インサイドセールス1課", with: "インサイドセールス2課") : $0 }
            try await Self.importFiles(store, ["reps.csv": Self.file(reps.header, moved)])
            #expect(try await store.rollupRebuildCount() == 3, "a rep's new team moves the team cells: rebuilt")
            try await Self.check(store, "after R002 moved team")
        }
    }
}
