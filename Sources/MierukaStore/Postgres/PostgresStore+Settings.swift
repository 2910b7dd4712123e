import Foundation
import MierukaCore

extension PostgresStore {
    public func settingValues() async throws -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: SettingDefinition.all.map { ($0.key, $0.defaultValue) })
        for (key, value) in try await rows("SELECT key, value FROM settings", [], { c in c[0].text.flatMap { k in c[1].text.map { (k, $0) } } }) {
            values[key] = value
        }
        return values
    }

    /// Changes one setting and records who changed it, when, and the old and new value, in one transaction.
    public func setSetting(_ key: String, value: String, changedBy: String, at: Date) async throws {
        guard let definition = SettingDefinition.named(key) else { throw StoreError.unknownSetting(key) }
        guard definition.validate(value) else { throw StoreError.invalidSetting(key: key, value: value) }
        try await transaction {
            // The old value is read under a lock of the key, so two concurrent changes record a consistent history.
            try await self.exec("SELECT pg_advisory_xact_lock(hashtext('mieruka.setting.' || $1))", [.text(key)])
            let stored = try await self.rows("SELECT value FROM settings WHERE key = $1", [.text(key)]) { $0[0].text }.first
            let old = stored ?? definition.defaultValue
            guard old != value else { return }
            try await self.exec(
                "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [.text(key), .text(value)])
            try await self.exec(
                """
                INSERT INTO settings_history (key, old_value, new_value, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)
                """,
                [.text(key), .text(old), .text(value), .text(changedBy), .int(Int64(at.timeIntervalSince1970))])
        }
    }

    public func settingsHistory() async throws -> [SettingChange] {
        try await rows("SELECT key, old_value, new_value, changed_by, changed_at FROM settings_history ORDER BY changed_at, seq") { c in
            guard let key = c[0].text, let new = c[2].text, let by = c[3].text, let at = c[4].int else { return nil }
            return SettingChange(key: key, oldValue: c[1].text, newValue: new, changedBy: by, changedAt: Date(timeIntervalSince1970: Double(at)))
        }
    }
}
