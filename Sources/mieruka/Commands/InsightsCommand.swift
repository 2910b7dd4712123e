import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka insights`: the bottleneck with the seeds' advice, the best time to call, conversion by channel, lost reasons
/// and the re-approach list, for the organisation or a team.
struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "What to improve: bottleneck, best time to call, channels, lost reasons, re-approach. 改善のヒント。",
        discussion: """
            The period is --from/--to ([from, to), to exclusive) or --period YYYY-MM; without either, the current month.
            The re-approach list is as of the earlier of today and the period's last day.
            Example: mieruka insights --period 2026-05 --team インサイドセールス1課
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Day after the last day, YYYY-MM-DD (exclusive).") var to: String?
    @Option(help: "A month, YYYY-MM (instead of --from/--to).") var period: String?
    @Option(help: "A team (default: the whole organisation).") var team: String?
    @Option(help: "table | json") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        let asked = try askedRange()
        let db = try await store.open()
        do {
            let range: (from: LocalDate, to: LocalDate)
            if let asked { range = asked } else { range = Self.month(of: try await db.settings().clock.localDate(of: Date())) }
            let report = try await InsightsService(store: db).insights(from: range.from, to: range.to, team: team)
            say(format == "json" ? try report.json() : Self.table(report, language: language))
            try await db.close()
        } catch let error as InsightsError {
            try? await db.close()
            throw ValidationError(error.message)
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// [from, to) from --from/--to or --period; nil when neither is given (the current month, in the organisation's time zone).
    func askedRange() throws -> (from: LocalDate, to: LocalDate)? {
        switch (from, to, period) {
        case (nil, nil, nil):
            return nil
        case (nil, nil, let month?):
            guard let m = YearMonth(month) else { throw ValidationError("--period must be a month, YYYY-MM") }
            return Self.month(of: m.firstDay)
        case (let f?, let t?, nil):
            guard let fromDate = LocalDate(f), let toDate = LocalDate(t) else {
                throw ValidationError("--from and --to must be dates like 2026-05-01")
            }
            guard fromDate < toDate else { throw ValidationError("--to (\(t)) must be after --from (\(f)); --to is exclusive") }
            return (fromDate, toDate)
        default:
            throw ValidationError("give --from and --to together, or --period YYYY-MM, not both")
        }
    }

    static func month(of day: LocalDate) -> (from: LocalDate, to: LocalDate) {
        let start = day.yearMonth.firstDay
        return (start, start.adding(months: 1))
    }

    static func table(_ r: InsightsReport, language: Language) -> String {
        var out = InsightsText.heading(r, language) + "\n"
        for section in InsightsSheet.sections(r, language: language) {
            out += "\n■ " + section.title + "\n"
            for block in section.blocks {
                switch block {
                case .table(let rows, let numericFrom, let leftAligned): out += KPITable.render(rows, numericFrom: numericFrom, leftAligned: leftAligned)
                case .line(let text): out += text + "\n"
                }
            }
        }
        return out
    }
}
