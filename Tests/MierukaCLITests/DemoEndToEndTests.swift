import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("Demo → CSV → import → kpi, through the binary")
struct DemoEndToEndTests {
    @Test("the demo's CSV imported into a second database gives the same KPIs, equal to the engine's answer")
    func roundTrip() async throws {
        // setup
        let dir = CLI.temporaryDirectory()
        let demo = try CLI.run(["demo", "--db", "demo.sqlite", "--reps", "6", "--leads", "400", "--months", "3",
                                "--today", "2026-05-20", "--csv", "csv"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        for entity in Entity.allCases {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("csv/\(entity.rawValue).csv").path))
        }
        let imported = try CLI.run(["import", "--db", "imported.sqlite", "csv"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")

        // MUT
        var outputs: [String] = []
        for db in ["demo.sqlite", "imported.sqlite"] {
            let r = try CLI.run(["kpi", "--db", db, "--from", "2026-03-01", "--to", "2026-05-21", "--by", "month", "--format", "json"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(r.stdout)
        }

        // validate
        #expect(outputs[0] == outputs[1])
        let store = try await SQLiteStore.open(path: dir.appendingPathComponent("imported.sqlite").path)
        let engine = try await KPIService(store: store).compute(from: LocalDate("2026-03-01")!, to: LocalDate("2026-05-21")!, by: .month)
        try await store.close()
        #expect(outputs[1] == engine.map { $0.jsonLine + "\n" }.joined())
        #expect(outputs[1].contains("\"kpi\":\"calls\",\"group\":\"2026-05-01\",\"from\":\"2026-05-01\",\"to\":\"2026-05-21\""))
        // The demo has real activity: calls in every month.
        let calls = engine.filter { $0.kpi == "calls" }.map { $0.value.value ?? 0 }
        #expect(calls.count == 3 && calls.allSatisfy { $0 > 0 })

        // A second demo into the same database is refused, not merged.
        let again = try CLI.run(["demo", "--db", "demo.sqlite", "--leads", "10"], in: dir)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds data"))
    }

    @Test("the same seed gives the same files")
    func deterministic() throws {
        let dir = CLI.temporaryDirectory()
        for name in ["a", "b"] {
            let r = try CLI.run(["demo", "--csv-only", "--csv", name, "--leads", "200", "--reps", "5", "--months", "2", "--today", "2026-05-20"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        for entity in Entity.allCases {
            let a = try Data(contentsOf: dir.appendingPathComponent("a/\(entity.rawValue).csv"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b/\(entity.rawValue).csv"))
            #expect(a == b, "\(entity)")
            #expect(a.count > 20, "\(entity)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("mieruka.sqlite").path))
    }
}
