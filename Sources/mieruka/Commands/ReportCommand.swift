import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore
import MierukaViews
import MierukaWeb

/// `mieruka report`: a daily, weekly, monthly or executive report as a print-ready HTML page or a PDF (headless Chromium).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Daily, weekly, monthly or executive report as HTML or PDF. 日次・週次・月次・経営層向けレポート。",
        discussion: """
            daily: activity per rep against the day's target (--date, default the previous business day). \
            weekly: funnel rates against the week before, the bottleneck and its advice (--week, any day of it; default last week). \
            monthly: results against target, landing forecast, phase (--period YYYY-MM, default this month as of --today). \
            executive: revenue contribution, pipeline, CAC, ROI, LTV/CAC, year over year, forecast accuracy of the organisation \
            (--period YYYY-MM, default last month, or --fiscal-year N: the fiscal year starting in year N, to date while it runs). \
            PDF needs Chromium: apt-get install chromium (or MIERUKA_CHROMIUM=PATH).
            """
    )

    @Argument(help: "daily | weekly | monthly | executive") var kind: String
    @OptionGroup var store: StoreOptions
    @Option(help: "daily: the day, YYYY-MM-DD.") var date: String?
    @Option(help: "weekly: any day of the week, YYYY-MM-DD (the week starts on Monday).") var week: String?
    @Option(help: "monthly, executive: the month, YYYY-MM.") var period: String?
    @Option(help: "executive: the fiscal year starting in year N (to date while it runs).") var fiscalYear: Int?
    @Option(help: "A team (default: the organisation). Not for executive.") var team: String?
    @Option(help: "html | pdf (default: from --out's extension, else html).") var format: String?
    @Option(help: "The file to write.") var out: String
    @Option(help: "ja | en") var lang: String = "ja"
    @Option(help: "As of this day, YYYY-MM-DD (default: today in the organisation's time zone).") var today: String?

    func validate() throws {
        guard ReportKind(rawValue: kind) != nil else { throw ValidationError("the report is one of daily, weekly, monthly, executive; got \(kind)") }
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be ja or en") }
        if let format, ReportFile.Format(rawValue: format) == nil { throw ValidationError("--format must be html or pdf") }
    }

    func run() async throws {
        let kind = ReportKind(rawValue: kind)!
        let language = Language(rawValue: lang)!
        let format = format.flatMap(ReportFile.Format.init(rawValue:)) ?? (out.lowercased().hasSuffix(".pdf") ? .pdf : .html)
        let chromium = ChromiumPDF.locate()
        if format == .pdf && chromium == nil { throw PDFError(message: ChromiumPDF.missingMessage) }
        let db = try await store.open()
        do {
            let settings = try await db.settings()
            let day = try today.map { try Self.date($0, "--today") } ?? settings.clock.localDate(of: Date())
            let (from, to) = try period(kind, today: day, settings: settings)
            let scope: ReportScope = team.map { .team($0) } ?? .org
            let document = try await ReportGenerator(store: db).document(kind, from: from, to: to, scope: scope, today: day)
            let html = ReportView.render(document, language: language)
            let url = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if format == .pdf {
                try await chromium!.render(html: html, to: url)
            } else {
                try ReportGenerator.writeAtomically(Data(html.utf8), to: url)
            }
            say("\(kind.name(language)): \(url.path)")
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
    }

    static func date(_ text: String, _ flag: String) throws -> LocalDate {
        guard let d = LocalDate(text) else { throw ValidationError("\(flag) must be YYYY-MM-DD, got \(text)") }
        return d
    }

    static func month(_ text: String) throws -> YearMonth {
        guard let m = YearMonth(text) else { throw ValidationError("--period must be YYYY-MM, got \(text)") }
        return m
    }

    /// The period each kind reports, from the flags that fit it; a flag that does not fit is refused, not ignored.
    func period(_ kind: ReportKind, today: LocalDate, settings: OrganisationSettings) throws -> (LocalDate, LocalDate?) {
        let given = [("--date", date != nil), ("--week", week != nil), ("--period", period != nil), ("--fiscal-year", fiscalYear != nil)]
            .filter(\.1).map(\.0)
        let fits: [ReportKind: Set<String>] = [.daily: ["--date"], .weekly: ["--week", "--date"], .monthly: ["--period"],
                                               .executive: ["--period", "--fiscal-year"]]
        if let wrong = given.first(where: { !fits[kind]!.contains($0) }) {
            throw ValidationError("\(wrong) does not fit the \(kind.rawValue) report; use \(fits[kind]!.sorted().joined(separator: " or "))")
        }
        if kind == .executive && period != nil && fiscalYear != nil { throw ValidationError("give --period or --fiscal-year, not both") }
        let calendar = settings.calendar
        switch kind {
        case .daily:
            if let date { return (try Self.date(date, "--date"), nil) }
            return (ReportSchedule.previousBusinessDay(before: today, calendar: calendar) ?? today.adding(days: -1), nil)
        case .weekly:
            let day = try (week ?? date).map { try Self.date($0, week != nil ? "--week" : "--date") } ?? today.adding(days: -7)
            return (PeriodGrain.week.start(of: day, fiscalYearStartMonth: settings.fiscalYearStartMonth), nil)
        case .monthly:
            return (try period.map(Self.month)?.firstDay ?? today.yearMonth.firstDay, nil)
        case .executive:
            if let fiscalYear {
                guard (1900...9999).contains(fiscalYear) else { throw ValidationError("--fiscal-year must be a year, e.g. 2026") }
                let start = LocalDate(year: fiscalYear, month: settings.fiscalYearStartMonth, day: 1)
                let end = start.adding(months: 12)
                guard start <= today else { throw ValidationError("fiscal year \(fiscalYear) starts \(start), after --today \(today)") }
                return (start, min(end, today.adding(days: 1)))
            }
            let month = try period.map(Self.month) ?? today.yearMonth.adding(months: -1)
            return (month.firstDay, month.adding(months: 1).firstDay)
        }
    }
}
