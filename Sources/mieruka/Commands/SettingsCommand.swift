import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Organisation settings with a change history. 組織設定と変更履歴。",
        subcommands: [List.self, Get.self, Set.self, History.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every setting and its value.")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let db = try await store.open()
            let values = try await db.settingValues()
            try await db.close()
            for def in SettingDefinition.all { print("\(def.key) = \(values[def.key] ?? def.defaultValue)    # \(def.ja) / \(def.en)") }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one setting's value.")
        @OptionGroup var store: StoreOptions
        @Argument var key: String
        func run() async throws {
            guard SettingDefinition.named(key) != nil else { throw ValidationError(StoreError.unknownSetting(key).description) }
            let db = try await store.open()
            let values = try await db.settingValues()
            try await db.close()
            print(values[key] ?? "")
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting; the change is recorded (who, when, old, new).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Who makes the change (default: $USER).") var by: String?
        @Argument var key: String
        @Argument var value: String
        func run() async throws {
            let db = try await store.open()
            do {
                let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
                // The rollups count by these settings: recounted in the same transaction.
                try await db.transaction {
                    try await db.setSetting(key, value: value, changedBy: who, at: Date())
                    try await db.finishRollups()
                }
                try await db.close()
                print("\(key) = \(value)")
            } catch let error as StoreError {
                try? await db.close()
                throw ValidationError(error.description)
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every recorded change.")
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let db = try await store.open()
            let history = try await db.settingsHistory()
            let settings = try await db.settings()
            try await db.close()
            let clock = CanonicalRow(timeZone: settings.timeZone)
            for change in history {
                print("\(clock.datetime(change.changedAt))  \(change.changedBy)  \(change.key): \(change.oldValue ?? "(default)") → \(change.newValue)")
            }
        }
    }
}
