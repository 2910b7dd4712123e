import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("The mieruka binary, end to end")
struct CLIEndToEndTests {
    static func golden() throws -> String {
        var url = CLI.packageRoot
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("shared/fixtures/golden/data").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        throw CLI.BinaryMissing(description: "shared/fixtures/golden not found")
    }

    @Test("import → kpi --format json equals the engine's answer on the same database")
    func importThenKPIJSON() async throws {
        // setup
        let dir = CLI.temporaryDirectory()
        let imported = try CLI.run(["import", try Self.golden()], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("activities: 6382 rows"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("mieruka.sqlite").path))

        // MUT
        let kpi = try CLI.run(["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--by", "rep", "--format", "json"], in: dir)
        #expect(kpi.status == 0, "\(kpi.stderr)")

        // validate: every line equals what the engine computes in-process from the same file.
        let store = try await SQLiteStore.open(path: dir.appendingPathComponent("mieruka.sqlite").path)
        let expected = try await KPIService(store: store).compute(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, by: .rep)
        try await store.close()
        let lines = kpi.stdout.split(separator: "\n").map(String.init)
        let want = expected.map(\.jsonLine)
        let firstDifference = zip(lines, want).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "line \(firstDifference?.offset ?? -1): got \(firstDifference?.element.0 ?? "") want \(firstDifference?.element.1 ?? "")")
        #expect(lines.count == want.count)
        #expect(lines.count == 50 * 10)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?.keys.sorted() == ["denominator", "from", "group", "kpi", "numerator", "to", "value"])
    }

    @Test("--db and MIERUKA_DB choose the database file; --db wins")
    func databaseLocation() throws {
        let dir = CLI.temporaryDirectory()
        let golden = try Self.golden()
        #expect(try CLI.run(["import", golden + "/reps.csv"], in: dir, environment: ["MIERUKA_DB": "env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("env.sqlite").path))
        #expect(try CLI.run(["import", "--db", "flag.sqlite", golden + "/reps.csv"], in: dir, environment: ["MIERUKA_DB": "env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("flag.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("mieruka.sqlite").path))
    }

    @Test("a bad file exits non-zero, names file:line:column, and writes nothing")
    func badFile() throws {
        let dir = CLI.temporaryDirectory()
        let golden = try Self.golden()
        #expect(try CLI.run(["import", golden + "/reps.csv"], in: dir).status == 0)
        let bad = dir.appendingPathComponent("leads.csv")
        try "lead_id,channel,created_at,status\nL1,web_inquiry,2026/13/01 09:00,new\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", bad.path], in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("leads.csv:2:created_at: \"2026/13/01 09:00\" is not a date-time"))
        let kpi = try CLI.run(["kpi", "--from", "2026-01-01", "--to", "2027-01-01", "--kpi", "new_leads", "--format", "json"], in: dir)
        #expect(kpi.stdout.contains("\"numerator\":0"))
    }

    @Test("settings set records who, when, old and new; the definition sheet shows the new value")
    func settings() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["settings", "set", "--by", "tanaka", "valid_conversation_seconds", "90"], in: dir).status == 0)
        #expect(try CLI.run(["settings", "get", "valid_conversation_seconds"], in: dir).stdout == "90\n")
        let history = try CLI.run(["settings", "history"], in: dir).stdout
        #expect(history.contains("tanaka  valid_conversation_seconds: 120 → 90"))
        #expect(try CLI.run(["settings", "set", "valid_conversation_seconds", "abc"], in: dir).status != 0)
        #expect(try CLI.run(["settings", "set", "no_such_key", "1"], in: dir).status != 0)
        let sheet = try CLI.run(["catalog", "--lang", "ja"], in: dir).stdout
        #expect(sheet.contains("| 有効会話の通話秒数(以上) | `valid_conversation_seconds` | 90 |"))
        let json = try CLI.run(["catalog", "--format", "json"], in: dir).stdout
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["kpis"] as? [Any])?.count == 62)
    }

    @Test("table output is Japanese by default, English with --lang en, CSV has a BOM")
    func formats() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try Self.golden()], in: dir).status == 0)
        let args = ["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--kpi", "calls,connect_rate,won_amount,cac"]
        let ja = try CLI.run(args, in: dir).stdout
        #expect(ja.contains("■ 行動KPI") && ja.contains("架電数") && ja.contains("1,076") && ja.contains("29.6%") && ja.contains("¥850,000"))
        let en = try CLI.run(args + ["--lang", "en"], in: dir).stdout
        #expect(en.contains("Calls") && en.contains("Action KPIs"))
        let csv = try CLI.run(args + ["--format", "csv"], in: dir).stdout
        #expect(csv.hasPrefix("\u{FEFF}kpi,name,layer,group"))
        let undefined = try CLI.run(["kpi", "--from", "2020-01-01", "--to", "2020-02-01", "--kpi", "connect_rate"], in: dir).stdout
        #expect(undefined.contains("—"))
    }
}
