import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka forecast`: where the month will land at the pace so far (着地予測), against its targets.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Month-end landing forecast against targets. 月末の着地予測と目標。",
        discussion: "Counts and sums are carried to the month's last business day at the pace so far; rates are shown as to date. The day's first run records the forecast (forecast_accuracy uses it once the month is closed)."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The month, YYYY-MM (default: this month).") var period: String?
    @Option(help: "A team (default: the organisation).") var team: String?
    @Option(help: "As of this day, YYYY-MM-DD (default: today in the organisation's time zone).") var today: String?
    @Option(help: "table | json") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        let language = Language(rawValue: lang) ?? .ja
        let db = try await store.open()
        do {
            let settings = try await db.settings()
            let day = try today.map { guard let d = LocalDate($0) else { throw ValidationError("--today must be YYYY-MM-DD") }; return d }
                ?? settings.clock.localDate(of: Date())
            let month = try period.map { guard let m = YearMonth($0) else { throw ValidationError("--period must be YYYY-MM") }; return m } ?? day.yearMonth
            let service = ForecastService(store: db)
            if today == nil { try await service.snapshotIfNeeded(today: day) }
            let report = try await service.forecast(month: month, team: team, today: day)
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                say(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                say(Self.table(report, team: team, language: language))
            }
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
    }

    static func table(_ r: ForecastService.Report, team: String?, language: Language) -> String {
        let ja = language == .ja
        let catalog = KPICatalog.standard
        let out = (ja ? "着地予測 \(r.from)〜\(r.to.adding(days: -1)) \(team ?? "全社")（営業日 \(r.businessDaysElapsed)/\(r.businessDaysTotal)）"
            : "Landing forecast \(r.from) – \(r.to.adding(days: -1)) \(team ?? "organisation") (business day \(r.businessDaysElapsed) of \(r.businessDaysTotal))") + "\n"
        var rows: [[String]] = [ja ? ["指標", "実績", "目標", "ペース", "着地", "着地÷目標"] : ["KPI", "Actual", "Target", "Pace", "Landing", "Landing ÷ target"]]
        for line in r.lines {
            guard let d = catalog[line.kpi], line.target != nil || Landing.applies(to: d.kind) else { continue }
            rows.append([d.name(language), NumberFormat.format(line.actual, unit: d.unit), line.target.map { NumberFormat.format($0, unit: d.unit) } ?? "—",
                         line.pace.map(NumberFormat.percent) ?? "—", line.landing.map { NumberFormat.format($0, unit: d.unit) } ?? "—",
                         line.landingAchievement.map(NumberFormat.percent) ?? "—"])
        }
        return out + KPITable.render(rows, numericFrom: 1)
    }
}
