import ArgumentParser
import Foundation
import MierukaCore
import MierukaDemo
import MierukaStore
import MierukaWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web server: dashboard, drill-down and JSON API. Webサーバーを起動する。"
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: ArgumentHelp(
        "Bearer token a Prometheus scraper presents at /metrics (default: $MIERUKA_METRICS_TOKEN; without one, only admins may read /metrics).",
        valueName: "token"))
    var metricsToken: String?
    @Flag(help: "Fill an empty database with the demo organisation and print a login for each role.") var demo = false

    func run() async throws {
        let db = try await store.open()
        do {
            if demo { try await fillDemo(db) }
            if try await db.userCount() == 0 {
                // No user and no demo: one admin with a random password, printed once.
                let password = Secrets.randomToken(bytes: 9)
                try await LoginService(store: db).addUser(login: "admin", password: password, role: .admin, team: nil, repId: nil)
                say("Created the first user: admin / \(password)  (shown once; add users with `mieruka user add`)")
            }
            say("Mieruka: http://\(host):\(port)/  (database \(db.location); Ctrl-C stops)")
            let app = buildApplication(
                services: Services(store: db, metrics: AppMetrics(scrapeToken: metricsToken ?? ProcessInfo.processInfo.environment["MIERUKA_METRICS_TOKEN"])),
                configuration: WebConfiguration(host: host, port: port))
            try await app.runService()
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// The demo organisation, once, plus a user for each role with a printed password.
    private func fillDemo(_ db: any Store) async throws {
        if try await db.count(.reps) == 0 {
            let today = OrgClock(timeZone: DemoWriter.tokyo).localDate(of: Date())
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-demo-\(UUID().uuidString)").path
            try DemoWriter.writeCSV(options: DemoOptions(today: today), directory: directory)
            _ = try await DemoWriter.importCSV(directory: directory, into: db)
            try? FileManager.default.removeItem(atPath: directory)
        }
        guard try await db.userCount() == 0 else { return }
        let reps = try await db.reps()
        let team = reps.compactMap(\.team).sorted().first
        let rep = reps.filter { $0.team == team && ($0.role == .sdr || $0.role == .bdr) }.sorted { $0.id < $1.id }.first
        let login = LoginService(store: db)
        say("Demo logins (passwords shown once):")
        for (name, role, userTeam, repId) in [("admin", Role.admin, nil, nil), ("manager", .manager, team, nil), ("rep", .rep, team, rep?.id),
                                              ("viewer", .viewer, nil, nil)] as [(String, Role, String?, String?)] {
            let password = Secrets.randomToken(bytes: 6)
            try await login.addUser(login: name, password: password, role: role, team: userTeam, repId: repId)
            var line = "  \(role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(name) / \(password)"
            if let userTeam { line += "  (\(userTeam)" + (repId.map { ", \($0)" } ?? "") + ")" }
            say(line)
        }
    }
}
