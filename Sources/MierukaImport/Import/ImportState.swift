import MierukaCore

/// What one import run has seen so far: its issues and the keys it brought (for references within the same import).
/// Used from one task at a time.
final class ImportState: @unchecked Sendable {
    private(set) var issues: [ImportIssue] = []
    private(set) var issueCount = 0
    /// Keys of referenced entities known to exist: loaded from the store on first use, then grown by this import.
    var known: [Entity: Set<String>] = [:]
    /// Entities whose stored keys have been loaded.
    var loaded: Set<Entity> = []
    var teams: Set<String>?
    /// Teams brought by this import's reps.
    var importedTeams: Set<String> = []

    func add(_ issue: ImportIssue) {
        issueCount += 1
        if issues.count < ImportFailure.listed { issues.append(issue) }
    }

    func remember(_ key: String, of entity: Entity) {
        guard entity == .reps || entity == .leads else { return }
        known[entity, default: []].insert(key)
    }
}
