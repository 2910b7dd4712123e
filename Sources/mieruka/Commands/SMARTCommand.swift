import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

struct SMARTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smart",
        abstract: "Check every stored target against SMART, with the reason and the numbers. 目標のSMARTチェック。",
        discussion: """
            S: one catalog KPI. M: the records it is computed from exist. A: at most 1.3 × the best of the last \
            \(SMARTService.defaultHistoryMonths) complete months for the KPI and scope, and for action volumes no more per rep per business day \
            than the best rep week ÷ 5. R: on the chain to the KGI, or in the current phase's KPI set. T: a period that starts on its first day.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Only targets whose period starts in this month, YYYY-MM (default: every target).") var period: String?
    @Option(help: "The current month, YYYY-MM (default: this month in the organisation's time zone).") var month: String?
    @Option(help: "ja | en (table labels)") var lang: String = "ja"
    @Option(help: "table | json (one object per target and line)") var format: String = "table"

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
        let periodMonth = try period.map(PhaseCommand.parseMonth(option: "--period"))
        let monthOption = try month.map(PhaseCommand.parseMonth(option: "--month"))
        let db = try await store.open()
        let report: SMARTReport
        do {
            let current = try await PhaseService(store: db).currentMonth(given: monthOption)
            report = try await SMARTService(store: db).check(periodMonth: periodMonth, currentMonth: current)
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
        if format == "json" {
            var out = ""
            for r in report.results { out += try SMARTDocument(r).json() + "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        } else {
            print(SMARTText.render(report, language: language), terminator: "")
        }
    }
}
