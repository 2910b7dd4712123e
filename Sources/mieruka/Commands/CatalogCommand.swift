import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print the KPI definition sheet (KPI定義書) with the current settings."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "md | json") var format: String = "md"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        let db = try await store.open()
        let settings = try await db.settingValues()
        try await db.close()
        switch format {
        case "md":
            print(DefinitionSheet.markdown(catalog: .standard, settings: settings, language: language), terminator: "")
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Sheet: Encodable {
                let settings: [String: String]
                let countingRules: [String]
                let readings: [String]
                let kpis: [KPIDefinition]
            }
            let data = try encoder.encode(Sheet(settings: settings, countingRules: DefinitionSheet.countingRules(language),
                                                 readings: DefinitionSheet.readings(language), kpis: KPICatalog.standard.definitions))
            print(String(decoding: data, as: UTF8.self))
        default:
            throw ValidationError("--format must be md or json")
        }
    }
}
