import ArgumentParser
import Foundation
import MierukaCore
import MierukaExport
import MierukaStore

struct KPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Compute catalog KPIs for [--from, --to). KPIを計算する(--to は含まない)。"
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First day, YYYY-MM-DD (00:00 in the organisation's time zone).") var from: String
    @Option(help: "Day after the last day, YYYY-MM-DD (exclusive).") var to: String
    @Option(help: "org | rep | team | channel | day | week | month | quarter | fiscal_year") var by: String = "org"
    @Option(help: "Comma-separated KPI ids (default: all).") var kpi: String?
    @Option(help: "table | json | csv | xlsx (csv: raw values for machines; xlsx: formatted figures, needs --out)") var format: String = "table"
    @Option(help: "ja | en (table labels)") var lang: String = "ja"
    @OptionGroup var export: ExportOptions

    func run() async throws {
        guard let fromDate = LocalDate(from), let toDate = LocalDate(to) else {
            throw ValidationError("--from and --to must be dates like 2026-05-01")
        }
        guard fromDate < toDate else { throw ValidationError("--to (\(to)) must be after --from (\(from)); --to is exclusive") }
        guard let breakdown = KPIBreakdown(rawValue: by) else {
            throw ValidationError("--by must be one of \(KPIBreakdown.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ["table", "json", "csv", "xlsx"].contains(format) else { throw ValidationError("--format must be table, json, csv or xlsx") }
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        var only: Set<String>?
        if let kpi {
            let ids = kpi.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let unknown = ids.filter { KPICatalog.standard[$0] == nil }
            guard unknown.isEmpty else {
                throw ValidationError("unknown KPI id(s): \(unknown.joined(separator: ", ")) (see `mieruka catalog` for the ids)")
            }
            only = Set(ids)
        }
        let db = try await store.open()
        let results = try await KPIService(store: db).compute(from: fromDate, to: toDate, by: breakdown, only: only)
        try await db.close()
        switch format {
        case "json":
            var out = ""
            for r in results { out += r.jsonLine + "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        case "csv" where ExportEncoding(name: export.encoding) == .utf8 && export.out == nil:
            FileHandle.standardOutput.write(Data(KPITable.csv(results, language: language).utf8))
        case "csv", "xlsx":
            // Files for people: the figures as the pages show them, each with numerator and denominator.
            try export.write([KPIResultsTable.table(results, language: language)], format: ExportFormat(rawValue: format)!, title: "KPI \(from)〜\(toDate.adding(days: -1))")
        default:
            print(KPITable.text(results, language: language), terminator: "")
        }
    }
}
