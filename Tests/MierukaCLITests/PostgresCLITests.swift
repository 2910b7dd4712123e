import Foundation
import MierukaStore
import MierukaTestSupport
import Testing

@Suite("The mieruka binary on PostgreSQL")
struct PostgresCLITests {
    @Test("import and kpi with --database-url / MIERUKA_DATABASE_URL answer the same lines as on SQLite")
    func sameAnswersAsSQLite() async throws {
        guard let url = try await TestDatabase.freshPostgresURL() else { try Test.cancel(Comment(rawValue: TestDatabase.skipMessage)) }
        defer { Task { try? await TestDatabase.drop(url: url) } }

        let dir = CLI.temporaryDirectory()
        let golden = try CLIEndToEndTests.golden()
        let imported = try CLI.run(["import", "--database-url", url, golden], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("activities: 6382 rows"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("mieruka.sqlite").path), "no SQLite file beside")

        let arguments = ["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--by", "rep", "--format", "json"]
        let onPostgres = try CLI.run(arguments, in: dir, environment: ["MIERUKA_DATABASE_URL": url])
        #expect(onPostgres.status == 0, "\(onPostgres.stderr)")

        let sqliteDir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", golden], in: sqliteDir).status == 0)
        let onSQLite = try CLI.run(arguments, in: sqliteDir)
        #expect(onSQLite.stdout.split(separator: "\n").count == 500)
        #expect(onPostgres.stdout == onSQLite.stdout)

        let both = try CLI.run(["kpi", "--db", "x.sqlite", "--database-url", url], in: dir)
        #expect(both.status != 0)
    }
}
