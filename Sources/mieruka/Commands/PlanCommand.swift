import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka plan`: works back from a KGI to what each rep needs per business day, and can save it as targets.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Work back from a KGI to calls per rep per day. KGIから1人1日の行動量まで逆算します。",
        discussion: """
            Rates come from the scope's last 3 complete months when they hold enough cases, else from the seed benchmarks
            (marked), or from --rate. Example: mieruka plan --kgi revenue=50000000 --period 2026-06 --team インサイドセールス1課
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "revenue=YEN | wins=N | sqls=N | appointments=N") var kgi: String
    @Option(help: "The month, YYYY-MM.") var period: String
    @Option(help: "A team (default: the whole organisation).") var team: String?
    @Option(help: "history (default: history where it is enough, else benchmarks) | benchmark (benchmarks only)") var rates: String = "history"
    @Option(help: "A rate of your own, e.g. --rate connect_rate=0.25 or --rate avg_deal_size=1200000 (repeatable).") var rate: [String] = []
    @Flag(help: "Save the plan as the month's targets (scope and per rep).") var save = false
    @Option(help: "table | json") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        guard let goal = KGI(kgi) else { throw ValidationError("--kgi must be revenue=YEN, wins=N, sqls=N or appointments=N with a number above 0") }
        guard let month = YearMonth(period) else { throw ValidationError("--period must be a month, YYYY-MM") }
        guard ["history", "benchmark"].contains(rates) else { throw ValidationError("--rates must be history or benchmark") }
        var manual: [String: Double] = [:]
        for item in rate {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, KPICatalog.standard[String(parts[0])] != nil, let v = Double(parts[1]), v > 0 else {
                throw ValidationError("--rate \(item): write KPI_ID=NUMBER with a catalog id and a number above 0 (rates as fractions, 0.25)")
            }
            manual[String(parts[0])] = v
        }
        let language = Language(rawValue: lang) ?? .ja
        let db = try await store.open()
        do {
            let service = PlanService(store: db)
            let plan = try await service.plan(kgi: goal, month: month, team: team, useHistory: rates == "history", manualRates: manual)
            let repNames = Dictionary(try await db.reps().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                say(String(decoding: try encoder.encode(plan), as: UTF8.self))
            } else {
                say(Self.table(plan, repNames: repNames, language: language))
            }
            if save {
                let counts = try await service.save(plan)
                say(language == .ja ? "目標として保存しました: 新規 \(counts.inserted)、更新 \(counts.updated)、変更なし \(counts.unchanged)"
                    : "Saved as targets: \(counts.inserted) new, \(counts.updated) updated, \(counts.unchanged) unchanged")
            }
            try await db.close()
        } catch let error as PlanError {
            try? await db.close()
            throw ValidationError(error.message)
        } catch {
            try? await db.close()
            throw error
        }
    }

    static func table(_ plan: KGIPlan, repNames: [String: String], language: Language) -> String {
        let ja = language == .ja
        var out = PlanText.heading(plan, language) + "\n" + PlanText.basis(plan, language) + "\n\n"
        var rows: [[String]] = [ja ? ["指標", "月間", "1日あたり", "1人1日", "使った率"] : ["Step", "Month", "Per day", "Per rep per day", "Rate used"]]
        for step in plan.steps {
            rows.append([PlanText.stepName(step.kpi, language), PlanText.amount(step.monthly, kpi: step.kpi),
                         step.perBusinessDay.map { step.kpi == "won_amount" ? NumberFormat.yen($0) : NumberFormat.grouped($0, decimals: 1) } ?? "—",
                         step.perRepPerDay.map { step.kpi == "won_amount" ? NumberFormat.yen($0) : NumberFormat.grouped($0, decimals: 1) } ?? "—",
                         step.rate.map { PlanText.rate($0, language) } ?? "KGI"])
        }
        out += KPITable.render(rows, numericFrom: 1, leftAligned: [4])
        if let missing = plan.missingRate { out += "\n" + PlanText.missing(missing, language) + "\n" }
        let counted = plan.steps.map(\.kpi).filter { $0 != "won_amount" }
        if !plan.reps.isEmpty, !counted.isEmpty {
            out += "\n" + (ja ? "担当者別（月間 / 1日あたり）" : "Per rep (month / per business day)") + "\n"
            var repRows: [[String]] = [[ja ? "担当者" : "Rep", ja ? "係数" : "Weight"] + counted.map { PlanText.stepName($0, language) }]
            for rep in plan.reps {
                repRows.append(["\(repNames[rep.repId] ?? rep.name) (\(rep.repId))", NumberFormat.percent(rep.weight)]
                    + counted.map { kpi in "\(NumberFormat.grouped(rep.monthly[kpi] ?? 0)) / \(NumberFormat.grouped(rep.perBusinessDay[kpi] ?? 0, decimals: 1))" })
            }
            out += KPITable.render(repRows, numericFrom: 1)
        }
        return out
    }
}
