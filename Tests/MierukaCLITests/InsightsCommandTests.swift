import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("mieruka insights, end to end")
struct InsightsCommandTests {
    @Test("--format json equals the service's report; the table in Japanese and English; bad options say what to write")
    func insights() async throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)

        let json = try CLI.run(["insights", "--period", "2026-05", "--format", "json"], in: dir)
        let team = try CLI.run(["insights", "--from", "2026-05-01", "--to", "2026-06-01", "--team", "インサイドセールス1課"], in: dir)
        let english = try CLI.run(["insights", "--period", "2026-05", "--lang", "en"], in: dir)
        let unknownTeam = try CLI.run(["insights", "--period", "2026-05", "--team", "営業3課"], in: dir)
        let both = try CLI.run(["insights", "--period", "2026-05", "--from", "2026-05-01", "--to", "2026-06-01"], in: dir)
        let backwards = try CLI.run(["insights", "--from", "2026-06-01", "--to", "2026-05-01"], in: dir)

        #expect(json.status == 0, "\(json.stderr)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(InsightsReport.self, from: Data(json.stdout.utf8))
        let store = try await SQLiteStore.open(path: dir.appendingPathComponent("mieruka.sqlite").path)
        // The period is long past, so the list is as of its last day whatever today is.
        let expected = try await InsightsService(store: store).insights(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, team: nil)
        try await store.close()
        #expect(report == expected)
        #expect(report.reapproach.asOf == LocalDate("2026-05-31")!)

        #expect(team.status == 0, "\(team.stderr)")
        #expect(team.stdout.contains("インサイト インサイドセールス1課 2026-05-01〜2026-05-31"))
        #expect(team.stdout.contains("■ ボトルネック") && team.stdout.contains("■ つながる時間帯") && team.stdout.contains("■ 再アプローチ"))
        #expect(team.stdout.contains("資料請求") && team.stdout.contains("時台"))
        #expect(english.status == 0 && english.stdout.contains("Best time to call") && english.stdout.contains("document_request"))
        #expect(unknownTeam.status != 0 && unknownTeam.stderr.contains("インサイドセールス1課"))
        #expect(both.status != 0 && both.stderr.contains("--period"))
        #expect(backwards.status != 0 && backwards.stderr.contains("exclusive"))
    }
}
