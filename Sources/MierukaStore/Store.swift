import Foundation
import MierukaCore

/// The product's one door to its data. Implementations: SQLite (embedded default); PostgreSQL later.
/// Every write that can fail halfway runs inside `transaction`.
public protocol Store: AnyObject, Sendable {
    /// Applies the migrations not yet applied. Idempotent.
    func migrate() async throws
    func close() async throws

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T

    /// Inserts or updates a batch of records of one entity (dedupe by key; the last row of a key wins).
    func upsert(_ entity: Entity, rows: [[DBValue]]) async throws
    /// Rows changed (inserted or updated) on this connection so far: the import derives its summary from it.
    func totalChanges() async throws -> Int64
    func count(_ entity: Entity) async throws -> Int64
    /// Every key of an entity (reps, leads), for reference checks.
    func keys(of entity: Entity) async throws -> [String]
    /// The team names of the reps table.
    func teams() async throws -> [String]
    /// Cost rows have no key: an import of costs replaces the rows of the months it contains.
    func deleteCosts(months: [YearMonth]) async throws
    func logImport(startedAt: Date, files: [String], summary: String) async throws

    func settingValues() async throws -> [String: String]
    func setSetting(_ key: String, value: String, changedBy: String, at: Date) async throws
    func settingsHistory() async throws -> [SettingChange]

    /// The facts the engine needs for one period.
    func facts(for period: Period) async throws -> KPIFacts
    func targets() async throws -> [Target]
}

/// One recorded change of an organisation setting.
public struct SettingChange: Sendable, Hashable {
    public var key: String
    public var oldValue: String?
    public var newValue: String
    public var changedBy: String
    public var changedAt: Date
}

extension Store {
    public func settings() async throws -> OrganisationSettings {
        OrganisationSettings(values: try await settingValues())
    }
}
