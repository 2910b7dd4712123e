import ArgumentParser

/// The one executable: 見える化 for inside-sales KPIs.
@main
struct Mieruka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mieruka",
        abstract: "Mieruka (見える化): inside-sales KPIs computed one agreed way. インサイドセールスのKPIを一つの定義で。",
        subcommands: [
            ImportCommand.self, KPICommand.self, PlanCommand.self, ForecastCommand.self, AlertsCommand.self, InsightsCommand.self, PhaseCommand.self,
            SMARTCommand.self, CatalogCommand.self, SettingsCommand.self, RollupCommand.self, DemoCommand.self, ServeCommand.self, UserCommand.self,
            TokenCommand.self, SheetCommand.self, WebhookCommand.self, ReportCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )
}
