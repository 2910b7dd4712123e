import Foundation
import Testing

/// `mieruka phase` and `mieruka smart` run as a user would, on the golden organisation (data from 2026-04).
@Suite("mieruka phase and smart, end to end")
struct PhaseCLITests {
    static func golden() throws -> String { try CLIEndToEndTests.golden() }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("phase: data items computed, a manager answer stored and read back by the next run, the transition plan dated")
    func phase() throws {
        // setup
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try Self.golden()], in: dir).status == 0)

        // MUT
        let first = try CLI.run(["phase", "--month", "2026-07", "--answer", "L3=yes", "--by", "tanaka", "--format", "json"], in: dir)
        let second = try CLI.run(["phase", "--month", "2026-07", "--format", "json"], in: dir)

        // validate: April to June are 3 complete months in July.
        #expect(first.status == 0, "\(first.stderr)")
        for run in [first, second] {
            let doc = try Self.json(run.stdout)
            #expect(doc["months_of_data"] as? Int == 3)
            let items = try #require(doc["items"] as? [[String: Any]])
            #expect(items.count == 10)
            let l3 = try #require(items.first { $0["code"] as? String == "L3" })
            #expect(l3["answer"] as? String == "yes")
            #expect((l3["evidence_en"] as? String)?.hasPrefix("answered by tanaka on ") == true)
            let g3 = try #require(items.first { $0["code"] as? String == "G3" })
            #expect(g3["source"] as? String == "data" && g3["answer"] as? String == "yes")
            let transition = doc["transition"] as? [String: Any]
            #expect(transition == nil || transition?["start"] as? String == "2026-08")
        }
        let table = try CLI.run(["phase", "--month", "2026-07", "--lang", "en"], in: dir).stdout
        #expect(table.contains("■ Phase diagnosis (organisation, as of 2026-07, 3 complete months of data)"))
        #expect(table.contains("L3 ● yes  [manager]"))

        let bad = try CLI.run(["phase", "--answer", "L3=maybe"], in: dir)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--answer L3=maybe: the answer must be yes or no"))
    }

    @Test("smart: one JSON object per target with the five letters; --period keeps one month's targets")
    func smart() throws {
        // setup
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try Self.golden()], in: dir).status == 0)

        // MUT
        let all = try CLI.run(["smart", "--month", "2026-07", "--format", "json"], in: dir)
        let april = try CLI.run(["smart", "--month", "2026-07", "--period", "2026-04", "--format", "json"], in: dir)

        // validate
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 31)
        for line in lines {
            let doc = try Self.json(String(line))
            let letters = (doc["findings"] as? [[String: Any]])?.compactMap { $0["letter"] as? String }
            #expect(letters == ["S", "M", "A", "R", "T"])
        }
        let aprilLines = april.stdout.split(separator: "\n")
        #expect(!aprilLines.isEmpty && aprilLines.count < lines.count)
        #expect(aprilLines.allSatisfy { $0.contains("\"period_start\":\"2026-04-01\"") })
        let table = try CLI.run(["smart", "--month", "2026-07", "--lang", "en"], in: dir).stdout
        #expect(table.contains("■ SMART check (31 targets"))
    }
}
