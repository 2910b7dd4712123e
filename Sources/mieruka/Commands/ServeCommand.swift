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
    @Option(help: "Folder the scheduled reports are written to and /reports lists (default: $MIERUKA_REPORTS_DIR or ./reports).")
    var reportsDir: String?
    @Option(help: "Time of day the reports are made, HH:MM in the organisation's time zone (default: $MIERUKA_REPORT_TIME or 08:30).")
    var reportTime: String?
    @Flag(help: "Make no scheduled reports (the /reports page still lists and generates on demand).") var noReports = false

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
            var services = Services(store: db, metrics: AppMetrics(scrapeToken: metricsToken ?? ProcessInfo.processInfo.environment["MIERUKA_METRICS_TOKEN"]))
            let environment = ProcessInfo.processInfo.environment
            services.reportsDirectory = URL(fileURLWithPath: reportsDir ?? environment["MIERUKA_REPORTS_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "reports")
            let timeText = reportTime ?? environment["MIERUKA_REPORT_TIME"].flatMap { $0.isEmpty ? nil : $0 } ?? "08:30"
            guard let schedule = ReportSchedule(time: timeText) else {
                throw ValidationError("--report-time must be HH:MM (24-hour), e.g. 08:30; got \(timeText)")
            }
            let app = buildApplication(services: services, configuration: WebConfiguration(host: host, port: port))
            // Webhook deliveries, alert announcements and scheduled reports run beside the server and stop with it.
            let worker = WebhookWorker(store: db, retry: Self.webhookRetry())
            var reports: ReportScheduler?
            if !noReports {
                let scheduler = ReportScheduler(store: db, directory: services.reportsDirectory, schedule: schedule)
                let zone = try await db.settings().timeZone.identifier
                say("Reports: \(services.reportsDirectory.path) at \(schedule.timeText) (\(zone))"
                    + (scheduler.chromium == nil ? "; HTML only: \(ChromiumPDF.missingMessage)" : ""))
                reports = scheduler
            }
            let scheduled = reports
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await worker.run() }
                if let scheduled { group.addTask { await scheduled.run() } }
                try await app.runService()
                group.cancelAll()
            }
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// The retry schedule; MIERUKA_WEBHOOK_RETRY_BASE (seconds) replaces the first wait of 30 s, the others in proportion.
    static func webhookRetry() -> WebhookRetryPolicy {
        guard let text = ProcessInfo.processInfo.environment["MIERUKA_WEBHOOK_RETRY_BASE"], let base = Double(text), base > 0 else {
            return WebhookRetryPolicy()
        }
        return .scaled(firstDelay: base)
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
