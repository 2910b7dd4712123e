import ArgumentParser
import Foundation
import MierukaCore
import MierukaImport
import MierukaStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import CSV files or folders, all or nothing. CSVを取り込む(全件成功か、何も書かないか)。",
        discussion: """
            The entity comes from the file name (reps.csv, leads.csv, activities.csv, opportunities.csv, customers.csv, \
            costs.csv, targets.csv) or from a mapping file's entity. A folder imports every file it recognises, in dependency \
            order. --mapping may be given once per entity.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Mapping file (YAML or JSON) for foreign exports; repeat for several entities.")
    var mapping: [String] = []
    @Argument(help: "CSV files or folders.")
    var paths: [String]

    func run() async throws {
        let mappings: [Mapping]
        let sources: [ImportSource]
        do {
            mappings = try mapping.map(MappingLoader.load(path:))
            sources = try ImportSource.resolve(paths: paths, mappings: mappings)
        } catch let issue as ImportIssue {
            printError("error: \(issue)")
            throw ExitCode(2)
        }
        guard !sources.isEmpty else {
            printError("error: no importable files in \(paths.joined(separator: ", ")) (expected reps.csv, leads.csv, … or --mapping with entity:)")
            throw ExitCode(2)
        }
        let db = try await store.open()
        let settings = try await db.settings()
        let progress = TerminalProgress()
        let importer = Importer(store: db, timeZone: settings.timeZone, progress: progress)
        do {
            let summary = try await importer.run(sources)
            progress.clear()
            for line in summary.lines { print(line) }
            let rate = summary.seconds > 0 ? Double(summary.totalRows) / summary.seconds : 0
            print("imported \(NumberFormat.grouped(Double(summary.totalRows))) rows in \(String(format: "%.1f", summary.seconds)) s "
                + "(\(NumberFormat.grouped(rate)) rows/s) into \(db.location)")
            try await db.close()
        } catch let failure as ImportFailure {
            progress.clear()
            printError(failure.description)
            try? await db.close()
            throw ExitCode(1)
        }
    }
}
