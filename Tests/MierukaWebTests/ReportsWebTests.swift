import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
@testable import MierukaWeb
import Testing

/// The scheduler's 08:30 tick writes the expected files (once), and /reports lists and serves them by role.
@Suite("Reports: scheduler and page")
struct ReportsWebTests {
    static let team = "インサイドセールス1課"

    /// Like WebHarness.withApp, with the reports folder set.
    static func withApp(reports: URL, _ body: @Sendable (any TestClientProtocol, any Store) async throws -> Void) async throws {
        guard let store = try await TestDatabase.open(TestDatabase.suiteBackend) else {
            throw NoTestDatabase(description: TestDatabase.skipMessage + " but MIERUKA_TEST_BACKEND=postgres asks for it")
        }
        do {
            let sources = try ImportSource.resolve(paths: [try WebHarness.golden()], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            let login = LoginService(store: store)
            for (name, role, team, rep) in [("admin", Role.admin, nil, nil), ("manager", .manager, team, nil), ("rep", .rep, team, "R002"),
                                            ("viewer", .viewer, nil, nil)] as [(String, Role, String?, String?)] {
                try await login.addUser(login: name, password: WebHarness.password, role: role, team: team, repId: rep)
            }
            var services = Services(store: store)
            services.reportsDirectory = reports
            let app = Application(responder: buildResponder(services: services))
            try await app.test(.router) { client in try await body(client, store) }
            try await TestDatabase.close(store)
        } catch {
            try? await TestDatabase.close(store)
            throw error
        }
    }

    static func tokyo(_ day: String, _ hour: Int, _ minute: Int) -> Date {
        OrgClock(timeZone: TimeZone(identifier: "Asia/Tokyo")!).instant(LocalDate(day)!, hour: hour, minute: minute, second: 0)
    }

    @Test("a report whose PDF always fails is tried again only after a back-off, and at most five times")
    func failingReportBacksOff() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-reports-\(UUID().uuidString)")
        try await Self.withApp(reports: dir) { _, store in
            // setup: a "Chromium" that always fails
            let scheduler = ReportScheduler(store: store, directory: dir, languages: [.ja], formats: [.html, .pdf],
                                            chromium: ChromiumPDF(executable: "/bin/false"), now: { Self.tokyo("2026-06-01", 8, 30) })
            let key = "daily|2026-05-29|org"
            // MUT + validate: the first tick writes the HTML and fails the PDF (1 try) …
            let first = await scheduler.tick(at: Self.tokyo("2026-06-01", 8, 30))
            #expect(!first.isEmpty && first.allSatisfy { $0.pathExtension == "html" })
            #expect(await scheduler.attempts.count(for: key) == 1)
            // … nothing is tried again within the 10 minutes' back-off …
            for minute in 31...39 { _ = await scheduler.tick(at: Self.tokyo("2026-06-01", 8, minute)) }
            #expect(await scheduler.attempts.count(for: key) == 1)
            // … then once, and the wait doubles (20 minutes) …
            _ = await scheduler.tick(at: Self.tokyo("2026-06-01", 8, 40))
            _ = await scheduler.tick(at: Self.tokyo("2026-06-01", 8, 59))
            #expect(await scheduler.attempts.count(for: key) == 2)
            _ = await scheduler.tick(at: Self.tokyo("2026-06-01", 9, 0))
            #expect(await scheduler.attempts.count(for: key) == 3)
            // … and it stops after five tries.
            for hour in 10...23 { _ = await scheduler.tick(at: Self.tokyo("2026-06-01", hour, 0)) }
            #expect(await scheduler.attempts.count(for: key) == ReportAttempts.limit)
        }
    }

    @Test("the 08:30 tick of Monday 2026-06-01 writes May 29's daily, the week of May 25, May's monthly and executive; once")
    func schedulerAndPage() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-reports-\(UUID().uuidString)")
        try await Self.withApp(reports: dir) { client, store in
            // setup
            let scheduler = ReportScheduler(store: store, directory: dir, languages: [.ja, .en], formats: [.html], chromium: nil,
                                            now: { Self.tokyo("2026-06-01", 8, 30) })

            // MUT
            let early = await scheduler.tick(at: Self.tokyo("2026-06-01", 8, 29))
            let written = await scheduler.tick(at: scheduler.now())
            let again = await scheduler.tick(at: Self.tokyo("2026-06-01", 9, 0))

            // validate
            #expect(early.isEmpty && again.isEmpty)
            var expected: Set<String> = []
            for scope in [ReportScope.org, .team(Self.team), .team("フィールドセールス部")] {
                for (kind, from) in [(ReportKind.daily, "2026-05-29"), (.weekly, "2026-05-25"), (.monthly, "2026-05-01")] {
                    for l in Language.allCases { expected.insert(ReportFile(kind: kind, from: LocalDate(from)!, scope: scope, language: l, format: .html).name) }
                }
            }
            for l in Language.allCases { expected.insert(ReportFile(kind: .executive, from: LocalDate("2026-05-01")!, scope: .org, language: l, format: .html).name) }
            #expect(Set(written.map(\.lastPathComponent)) == expected)
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(Set(onDisk) == expected, "no temporary files left behind")
            let monthly = try String(contentsOf: dir.appendingPathComponent(ReportFile(kind: .monthly, from: LocalDate("2026-05-01")!, scope: .org,
                                                                                        language: .ja, format: .html).name), encoding: .utf8)
            #expect(monthly.contains("月次レポート") && monthly.contains("2026年5月") && monthly.contains("1,400"))
            #expect(monthly.contains("href=\"monthly_2026-05-01_org_en.html\""), "the Japanese page links its English sibling")

            // The page: admins see every file, newest period first; managers their team's; reps none.
            let admin = try await WebHarness.login(client, as: "admin").cookie
            let manager = try await WebHarness.login(client, as: "manager").cookie
            let rep = try await WebHarness.login(client, as: "rep").cookie
            let viewer = try await WebHarness.login(client, as: "viewer").cookie
            let page = try await WebHarness.get(client, "/reports", cookie: admin)
            #expect(page.0 == .ok)
            for name in expected { #expect(page.1.contains("/reports/files/\(name)"), "\(name) listed for admin") }
            let order = ["daily_2026-05-29", "weekly_2026-05-25", "monthly_2026-05-01"].map { page.1.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "newest period first")
            let teamFile = ReportFile(kind: .daily, from: LocalDate("2026-05-29")!, scope: .team(Self.team), language: .ja, format: .html).name
            let orgFile = ReportFile(kind: .daily, from: LocalDate("2026-05-29")!, scope: .org, language: .ja, format: .html).name
            let managerPage = try await WebHarness.get(client, "/reports", cookie: manager)
            #expect(managerPage.0 == .ok && managerPage.1.contains(teamFile) && !managerPage.1.contains(orgFile)
                    && !managerPage.1.contains("_org_") && !managerPage.1.contains("executive_"))
            #expect(try await WebHarness.get(client, "/reports", cookie: rep).0 == .forbidden)
            #expect(try await WebHarness.get(client, "/reports/files/\(teamFile)", cookie: rep).0 == .forbidden)
            #expect(try await WebHarness.get(client, "/reports/files/\(orgFile)", cookie: manager).0 == .forbidden)
            let own = try await WebHarness.get(client, "/reports/files/\(teamFile)", cookie: manager)
            #expect(own.2[.cacheControl] == "private, no-store")
            #expect(own.0 == .ok && own.2[.contentType]?.hasPrefix("text/html") == true && own.1.contains("日次レポート"))
            #expect(try await WebHarness.get(client, "/reports/files/\(orgFile)", cookie: viewer).0 == .ok)
            #expect(try await WebHarness.get(client, "/reports/files/..%2F..%2Fetc%2Fpasswd", cookie: admin).0 == .notFound)
            #expect(try await WebHarness.get(client, "/reports/files/daily_2026-05-28_org_ja.html", cookie: admin).0 == .notFound)
            #expect(try await WebHarness.get(client, "/reports").0 != .ok, "no anonymous listing")

            // Generate now: a manager their team's, not the organisation's; a viewer nothing.
            let csrf = ImportPageTests.csrf(in: managerPage.1)
            let form = "application/x-www-form-urlencoded"
            let encodedTeam = Self.team.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let refused = try await ImportPageTests.post(client, "/reports/generate", cookie: manager, contentType: form,
                                                         body: ByteBuffer(string: "csrf=\(csrf)&kind=daily&date=2026-06-10&team="))
            #expect(refused.0 == .forbidden)
            let made = try await ImportPageTests.post(client, "/reports/generate", cookie: manager, contentType: form,
                                                      body: ByteBuffer(string: "csrf=\(csrf)&kind=weekly&date=2026-06-10&team=\(encodedTeam)"))
            #expect(made.0 == .seeOther || made.0 == .found)
            let weekly = ReportFile(kind: .weekly, from: LocalDate("2026-06-08")!, scope: .team(Self.team), language: .ja, format: .html).name
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(weekly).path))
            if ChromiumPDF.locate() != nil {
                let pdf = try Data(contentsOf: dir.appendingPathComponent(ReportFile(name: weekly)!.with(format: .pdf).name))
                #expect(pdf.starts(with: Array("%PDF".utf8)), "with Chromium, generate-now writes the PDF too")
                let listed = try await WebHarness.get(client, "/reports", cookie: manager).1
                #expect(listed.contains(ReportFile(name: weekly)!.with(format: .pdf).name) && listed.contains(">PDF</a>"))
            }
            let viewerCSRF = ImportPageTests.csrf(in: try await WebHarness.get(client, "/reports", cookie: viewer).1)
            #expect(try await ImportPageTests.post(client, "/reports/generate", cookie: viewer, contentType: form,
                                                   body: ByteBuffer(string: "csrf=\(viewerCSRF)&kind=daily&date=2026-06-10&team=")).0 == .forbidden)
            let badCSRF = try await ImportPageTests.post(client, "/reports/generate", cookie: admin, contentType: form,
                                                         body: ByteBuffer(string: "csrf=nope&kind=daily&date=2026-06-10&team="))
            #expect(badCSRF.0 == .forbidden)
        }
        try? FileManager.default.removeItem(at: dir)
    }
}
