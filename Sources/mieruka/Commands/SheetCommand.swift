import ArgumentParser
import Foundation
import MierukaCore
import MierukaExport
import MierukaStore

/// `mieruka sheet`: the KPI management sheet of seed 003 for a month (or a range), for the organisation, a team or a rep.
struct SheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "The KPI management sheet (指標カテゴリ, KPI項目, 目標値, 実績, 達成率, 備考). KPI管理シート。"
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Month, YYYY-MM (default: this month).") var month: String?
    @Option(help: "First day, YYYY-MM-DD (with --to instead of --month).") var from: String?
    @Option(help: "Day after the last day, YYYY-MM-DD (exclusive).") var to: String?
    @Option(help: "A team's sheet.") var team: String?
    @Option(help: "A rep's sheet (rep id).") var rep: String?
    @Option(help: "table | csv | xlsx") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"
    @OptionGroup var export: ExportOptions

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        guard format == "table" || ExportFormat(rawValue: format) != nil else { throw ValidationError("--format must be table, csv or xlsx") }
        guard team == nil || rep == nil else { throw ValidationError("give --team or --rep, not both") }
        let db = try await store.open()
        do {
            let (fromDate, toDate) = try await period(db)
            let scope: KPISheetService.Scope = rep.map { .rep($0) } ?? team.map { .team($0) } ?? .org
            let sheet = try await KPISheetService(store: db).sheet(from: fromDate, to: toDate, scope: scope, language: language)
            try await db.close()
            let ja = language == .ja
            let title = (ja ? "KPI管理シート " : "KPI management sheet ") + (rep ?? team ?? (ja ? "全社" : "Organisation")) + " \(fromDate)〜\(toDate.adding(days: -1))"
            let table = sheet.table(language: language, title: ja ? "KPI管理シート" : "KPI sheet")
            if let exportFormat = ExportFormat(rawValue: format) {
                try export.write([table], format: exportFormat, title: title)
            } else {
                say(title)
                print(KPITable.render([table.headers] + table.displayRows, numericFrom: 2, leftAligned: [5]), terminator: "")
            }
        } catch {
            try? await db.close()
            throw error
        }
    }

    func period(_ db: any Store) async throws -> (LocalDate, LocalDate) {
        if let from, let to {
            guard let f = LocalDate(from), let t = LocalDate(to), f < t else { throw ValidationError("--from and --to must be dates with --from before --to (exclusive)") }
            return (f, t)
        }
        guard from == nil && to == nil else { throw ValidationError("give both --from and --to, or --month") }
        let month: YearMonth
        if let text = self.month {
            guard let m = YearMonth(text) else { throw ValidationError("--month must be YYYY-MM") }
            month = m
        } else {
            month = try await db.settings().clock.localDate(of: Date()).yearMonth
        }
        return (month.firstDay, month.adding(months: 1).firstDay)
    }
}
