import Foundation
import MierukaCore
import SQLKit

extension SQLiteStore {
    public func settingValues() async throws -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: SettingDefinition.all.map { ($0.key, $0.defaultValue) })
        for row in try await gate.run({ try await sql.raw("SELECT key, value FROM settings").all() }) {
            values[try row.decode(column: "key", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return values
    }

    /// Changes one setting and records who changed it, when, and the old and new value, in one transaction.
    public func setSetting(_ key: String, value: String, changedBy: String, at: Date) async throws {
        guard let definition = SettingDefinition.named(key) else { throw StoreError.unknownSetting(key) }
        guard definition.validate(value) else { throw StoreError.invalidSetting(key: key, value: value) }
        let old = try await settingValues()[key]
        guard old != value else { return }
        try await transaction {
            try await self.sql.raw(
                "INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ).run()
            try await self.sql.raw(
                """
                INSERT INTO settings_history (key, old_value, new_value, changed_by, changed_at)
                VALUES (\(bind: key), \(bind: old), \(bind: value), \(bind: changedBy), \(bind: Int64(at.timeIntervalSince1970)))
                """
            ).run()
        }
    }

    public func settingsHistory() async throws -> [SettingChange] {
        try await gate.run { try await sql.raw("SELECT key, old_value, new_value, changed_by, changed_at FROM settings_history ORDER BY changed_at, rowid").all() }.map {
            SettingChange(
                key: try $0.decode(column: "key", as: String.self),
                oldValue: try $0.decode(column: "old_value", as: String?.self),
                newValue: try $0.decode(column: "new_value", as: String.self),
                changedBy: try $0.decode(column: "changed_by", as: String.self),
                changedAt: Date(timeIntervalSince1970: Double(try $0.decode(column: "changed_at", as: Int64.self))))
        }
    }
}
