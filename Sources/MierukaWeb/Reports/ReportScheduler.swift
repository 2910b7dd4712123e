import Foundation
import Logging
import MierukaCore
import MierukaStore

/// Makes the scheduled reports in the server: at each tick, every report the schedule says is due today (organisation
/// and each team; the executive report for the organisation only) whose files are not in the folder yet. Its clock is
/// injected, so a test can run "the 08:30 tick" at once; `run()` ticks every 30 seconds until cancelled.
public struct ReportScheduler: Sendable {
    public let generator: ReportGenerator
    public let directory: URL
    public let schedule: ReportSchedule
    public let languages: [Language]
    public let formats: [ReportFile.Format]
    public let chromium: ChromiumPDF?
    public let now: @Sendable () -> Date
    let logger: Logger
    /// Reports that failed: tried again after a back-off, at most `ReportAttempts.limit` times (a Chromium that always
    /// fails must not make every 30-second tick recompute every scope's report all day).
    let attempts = ReportAttempts()

    public init(store: any Store, directory: URL, schedule: ReportSchedule = ReportSchedule(), languages: [Language] = [.ja, .en],
                formats: [ReportFile.Format] = [.html, .pdf], chromium: ChromiumPDF? = ChromiumPDF.locate(),
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "mieruka.reports")) {
        self.generator = ReportGenerator(store: store)
        self.directory = directory
        self.schedule = schedule
        self.languages = languages
        self.formats = chromium == nil ? formats.filter { $0 != .pdf } : formats
        self.chromium = chromium
        self.now = now
        self.logger = logger
    }

    /// Generates what is due at `instant` and not yet written; returns the files written. A report that fails is logged
    /// and tried again at the next tick.
    @discardableResult
    public func tick(at instant: Date) async -> [URL] {
        do {
            let settings = try await generator.store.settings()
            let clock = settings.clock
            let today = clock.localDate(of: instant)
            let due = schedule.due(on: today, minute: clock.secondOfDay(of: instant) / 60, calendar: settings.calendar)
            guard !due.isEmpty else { return [] }
            let teams = Set(try await generator.store.reps().compactMap(\.team)).sorted()
            var written: [URL] = []
            for d in due {
                let scopes: [ReportScope] = [.org] + (d.kind.allowsTeam ? teams.map { .team($0) } : [])
                for scope in scopes {
                    if Task.isCancelled { return written }
                    let expected = languages.flatMap { l in formats.map { ReportFile(kind: d.kind, from: d.from, scope: scope, language: l, format: $0) } }
                    guard expected.contains(where: { !FileManager.default.fileExists(atPath: directory.appendingPathComponent($0.name).path) }) else { continue }
                    let key = "\(d.kind.rawValue)|\(d.from)|\(scope.group)"
                    guard await attempts.mayTry(key, at: instant) else { continue }
                    do {
                        written += try await generator.write(d.kind, from: d.from, to: d.to, scope: scope, today: today, now: instant, into: directory,
                                                             languages: languages, formats: formats, chromium: chromium)
                        await attempts.succeeded(key)
                    } catch let partial as ReportsWritten {
                        written += partial.files
                        await attempts.failed(key, at: instant)
                        logger.error("report \(d.kind.rawValue) \(d.from) \(scope.group): \(partial.problem)")
                    } catch {
                        await attempts.failed(key, at: instant)
                        logger.error("report \(d.kind.rawValue) \(d.from) \(scope.group) failed: \(error)")
                    }
                }
            }
            if !written.isEmpty { logger.info("reports written: \(written.map(\.lastPathComponent).joined(separator: ", "))") }
            return written
        } catch {
            logger.error("report schedule: \(error)")
            return []
        }
    }

    /// Ticks every `interval` seconds until the task is cancelled.
    public func run(interval: Double = 30) async {
        if chromium == nil { logger.warning("\(ChromiumPDF.missingMessage) Scheduled reports are written as HTML only.") }
        while !Task.isCancelled {
            await tick(at: now())
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}

/// Failed reports and when they may be tried again: 10 minutes after the first failure, doubling, at most 5 tries.
actor ReportAttempts {
    static let limit = 5
    static let firstWait: TimeInterval = 600
    private var failures: [String: (count: Int, notBefore: Date)] = [:]

    func mayTry(_ key: String, at instant: Date) -> Bool {
        guard let f = failures[key] else { return true }
        return f.count < Self.limit && instant >= f.notBefore
    }

    func failed(_ key: String, at instant: Date) {
        let count = (failures[key]?.count ?? 0) + 1
        failures[key] = (count, instant.addingTimeInterval(Self.firstWait * pow(2, Double(count - 1))))
    }

    func succeeded(_ key: String) { failures[key] = nil }

    func count(for key: String) -> Int { failures[key]?.count ?? 0 }
}
