import Foundation
import MierukaCore

/// The product's one door to its data. Implementations: SQLite (embedded default) and PostgreSQL.
/// Every write that can fail halfway runs inside `transaction`.
public protocol Store: AnyObject, Sendable {
    /// Applies the migrations not yet applied. Idempotent.
    func migrate() async throws
    func close() async throws
    /// Where the data lives, for messages: a file path, or a database URL without its password.
    var location: String { get }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T

    /// Adds rows (cells in `Entity.columns` order) to the entity's staging area of the current transaction.
    func stage(_ entity: Entity, rows: [[DBValue]]) async throws
    /// Moves the staged rows into the entity's table: per key the last staged row wins, and it replaces the stored record
    /// only when it differs. Cost rows (no key) replace the stored rows of the months staged. Empties the staging area.
    func mergeStaged(_ entity: Entity) async throws -> MergeCounts
    func count(_ entity: Entity) async throws -> Int64
    /// Every stored row of an entity, sorted: for checks that an import left the database unchanged, and for exports.
    func allRows(_ entity: Entity) async throws -> [[DBValue]]
    /// Every key of an entity (reps, leads), for reference checks.
    func keys(of entity: Entity) async throws -> [String]
    /// One column's stored text for those of `keys` that exist (entities with a one-column key): whose a record is
    /// before an upsert replaces it. A key whose value is empty maps to nil.
    func storedValues(of column: String, in entity: Entity, forKeys keys: [String]) async throws -> [String: String?]
    /// The team names of the reps table.
    func teams() async throws -> [String]

    /// Which SQL dialect `execute` and `query` speak (for the few words that differ).
    var dialect: Migration.Dialect { get }
    /// One statement with `?` placeholders, on either database: for SQL written once for both (the rollups).
    func execute(_ sql: String, _ binds: [DBValue]) async throws
    func query(_ sql: String, _ binds: [DBValue]) async throws -> [[DBValue]]
    /// The rollup units (lead ids, or RollupUnit.opportunityPrefix + id) the staged rows of `entity` touch, before and
    /// after the merge: the staged rows' leads and those the stored rows of the same keys name. Empty when nothing is staged.
    func stagedRollupUnits(_ entity: Entity) async throws -> [String]
    /// The keys of the staged rows of `entity` (one-column keys) that are not stored yet: what the merge will insert.
    func stagedNewKeys(_ entity: Entity) async throws -> [String]
    func logImport(startedAt: Date, files: [String], summary: String) async throws

    func settingValues() async throws -> [String: String]
    func setSetting(_ key: String, value: String, changedBy: String, at: Date) async throws
    func settingsHistory() async throws -> [SettingChange]

    // Accounts.
    func addUser(_ user: UserRecord) async throws
    func user(login: String) async throws -> UserRecord?
    func userCount() async throws -> Int
    func createSession(tokenHash: String, login: String, csrf: String, expiresAt: Date) async throws
    func session(tokenHash: String, now: Date) async throws -> SessionRecord?
    func deleteSession(tokenHash: String) async throws
    func createToken(tokenHash: String, login: String) async throws
    /// The login an unrevoked API token belongs to.
    func tokenLogin(tokenHash: String) async throws -> String?
    func recordLoginFailure(login: String, at: Date) async throws
    func loginFailures(login: String, since: Date) async throws -> Int
    func clearLoginFailures(login: String) async throws

    /// The facts the engine needs for one period.
    func facts(for period: Period) async throws -> KPIFacts
    /// Per lead, its last outbound activity before `end`, over the whole history (the re-approach list's clock).
    func lastOutboundActivities(before end: Date) async throws -> [String: Date]
    func targets() async throws -> [Target]
    /// Removes these targets (matched by their key); returns how many were stored.
    func deleteTargets(_ targets: [Target]) async throws -> Int
    func reps() async throws -> [Rep]

    /// Records landing forecasts; a KPI's forecast for a group, period and day is kept once (the day's first).
    /// Returns how many were new.
    func recordForecasts(_ snapshots: [ForecastSnapshot]) async throws -> Int
    /// Whether any forecast of the period was recorded on `day`.
    func hasForecasts(from: LocalDate, to: LocalDate, madeOn day: LocalDate) async throws -> Bool
    /// The recorded forecasts of one KPI and group for a period.
    func forecasts(kpi: String, group: String, from: LocalDate, to: LocalDate) async throws -> [ForecastSnapshot]

    // Phase diagnosis.
    /// Stores a manager's answer to a checklist item (the latest answer per item and team replaces the earlier one).
    func setPhaseAnswer(_ answer: PhaseAnswer) async throws
    /// The stored answers for the organisation (team nil) or one team.
    func phaseAnswers(team: String?) async throws -> [PhaseAnswer]
    /// When the organisation's data begins: the earliest lead created or activity made (for a team: leads assigned to its
    /// reps and activities by them); nil when there is none.
    func firstDataAt(team: String?) async throws -> Date?
}

/// What a merge did: exact counts, computed by the database.
public struct MergeCounts: Sendable, Hashable {
    public var staged: Int = 0
    /// Rows whose key appeared again later in the same import (the later row won).
    public var duplicates: Int = 0
    public var inserted: Int = 0
    public var updated: Int = 0
    public var unchanged: Int = 0
    /// Stored cost rows removed because the import brought their months anew.
    public var replaced: Int = 0

    public init() {}
}

/// A user account as stored.
public struct UserRecord: Sendable, Hashable {
    public var login: String
    public var passwordHash: String
    public var role: Role
    public var team: String?
    public var repId: String?

    public init(login: String, passwordHash: String, role: Role, team: String? = nil, repId: String? = nil) {
        self.login = login
        self.passwordHash = passwordHash
        self.role = role
        self.team = team
        self.repId = repId
    }

    public var viewer: Viewer { Viewer(login: login, role: role, team: team, repId: repId) }
}

/// A browser session: whose it is, its CSRF token and when it ends.
public struct SessionRecord: Sendable, Hashable {
    public var login: String
    public var csrf: String
    public var expiresAt: Date
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
