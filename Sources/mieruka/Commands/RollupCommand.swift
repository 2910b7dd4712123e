import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka rollup rebuild|check`: the pre-aggregated cells the dashboard and the API answer from.
struct RollupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Rebuild or check the rollups (集計キャッシュ) the dashboard and API answer from.",
        subcommands: [Rebuild.self, Check.self]
    )

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count every rollup cell again from the records (one transaction).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            do {
                let summary = try await db.rebuildRollups { done, total in
                    if done == total || done % 50_000 < 5_000 { printError("rollup: \(done)/\(total) units") }
                }
                try await db.close()
                say("rollups rebuilt: \(NumberFormat.grouped(Double(summary.units))) units, \(NumberFormat.grouped(Double(summary.cells))) cells in \(String(format: "%.1f", summary.seconds)) s")
            } catch {
                try? await db.close()
                throw error
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the rollups' answers with a full recount from the records (every grouping; months, quarters, fiscal years, and the last month's weeks and days).")
        @OptionGroup var store: StoreOptions
        @Option(help: "First day (YYYY-MM-DD; default: the first day with data).") var from: String?
        @Option(help: "Day after the last (default: the day after the last day with data).") var to: String?

        func run() async throws {
            let db = try await store.open()
            do {
                let service = RollupService(store: db)
                let span = try await service.dataSpan()
                guard let fromDay = from.flatMap({ LocalDate($0) }) ?? span?.from, let toDay = to.flatMap({ LocalDate($0) }) ?? span?.to else {
                    try await db.close()
                    say("no data to check")
                    return
                }
                let settings = try await db.settings()
                let report = try await service.check(periods: RollupService.periods(from: fromDay, to: toDay, fiscalYearStartMonth: settings.fiscalYearStartMonth))
                try await db.close()
                for d in report.disagreements.prefix(20) { printError("differs: \(d.from)…\(d.to) by \(d.grouping.rawValue): \(d.difference)") }
                say("checked \(report.answers) answers (\(NumberFormat.grouped(Double(report.figures))) figures): "
                    + (report.disagreements.isEmpty ? "all agree with the records" : "\(report.disagreements.count) differ"))
                if !report.disagreements.isEmpty { throw ExitCode(1) }
            } catch let error as RollupsNotCurrent {
                try? await db.close()
                throw ValidationError(error.description)
            } catch {
                try? await db.close()
                throw error
            }
        }
    }
}
