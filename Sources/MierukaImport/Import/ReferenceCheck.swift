import MierukaCore
import MierukaStore

/// Finds references to records that exist neither in the database nor in the same import. A file's are reported
/// once per column with the ids, instead of once per row; a batch of records (API) names each record, since its
/// caller has no lines to look at and fixes records one by one.
final class ReferenceCheck: @unchecked Sendable {
    let file: String
    let perRecord: Bool
    private var unknown: [String: (entity: Entity, firstLine: Int, rows: Int, ids: [String], seen: Set<String>)] = [:]
    private var order: [String] = []

    init(file: String, perRecord: Bool = false) {
        self.file = file
        self.perRecord = perRecord
    }

    /// Loads the stored keys this entity's rows refer to.
    func prepare(for entity: Entity, state: ImportState, store: any Store) async throws {
        let targets: [Entity]
        switch entity {
        case .leads: targets = [.reps]
        case .activities, .opportunities: targets = [.reps, .leads]
        case .targets: targets = [.reps]
        default: targets = []
        }
        for target in targets where !state.loaded.contains(target) {
            state.known[target, default: []].formUnion(try await store.keys(of: target))
            state.loaded.insert(target)
        }
        if entity == .targets, state.teams == nil { state.teams = Set(try await store.teams()) }
    }

    func check(_ record: CanonicalRecord, line: Int, state: ImportState, store: any Store) async throws {
        for (column, entity, id) in references(of: record) {
            if entity == .reps, column == "scope_id(team)" {
                if state.teams == nil { state.teams = Set(try await store.teams()) }
                if state.teams!.contains(id) || state.importedTeams.contains(id) { continue }
            } else {
                if !(state.loaded.contains(entity)) {
                    state.known[entity, default: []].formUnion(try await store.keys(of: entity))
                    state.loaded.insert(entity)
                }
                if state.known[entity]?.contains(id) == true { continue }
            }
            if perRecord {
                let what = column == "scope_id(team)" ? "teams" : entity.rawValue
                state.add(ImportIssue(
                    file: file, line: line, column: column == "scope_id(team)" ? "scope_id" : column,
                    message: "\"\(id)\" is in neither the \(what) of the database nor this batch (send the \(what) first, or fix the id)",
                    value: id))
                continue
            }
            if unknown[column] == nil {
                unknown[column] = (entity, line, 0, [], [])
                order.append(column)
            }
            unknown[column]!.rows += 1
            if unknown[column]!.seen.insert(id).inserted, unknown[column]!.ids.count < 20 { unknown[column]!.ids.append(id) }
        }
        if case .rep(let rep) = record, let team = rep.team { state.importedTeams.insert(team) }
    }

    private func references(of record: CanonicalRecord) -> [(String, Entity, String)] {
        switch record {
        case .lead(let l): return l.assignedTo.map { [("assigned_to", .reps, $0)] } ?? []
        case .activity(let a): return [("lead_id", .leads, a.leadId), ("rep_id", .reps, a.repId)]
        case .opportunity(let o):
            var refs: [(String, Entity, String)] = [("created_by", .reps, o.createdBy)]
            if let lead = o.leadId { refs.append(("lead_id", .leads, lead)) }
            if let owner = o.owner { refs.append(("owner", .reps, owner)) }
            return refs
        case .target(let t):
            guard let id = t.scopeId else { return [] }
            return t.scope == .rep ? [("scope_id", .reps, id)] : t.scope == .team ? [("scope_id(team)", .reps, id)] : []
        default: return []
        }
    }

    func issues() -> [ImportIssue] {
        order.map { column in
            let u = unknown[column]!
            let what = column == "scope_id(team)" ? "teams" : u.entity.rawValue
            let more = u.seen.count > u.ids.count ? ", … (\(u.seen.count) distinct)" : ""
            return ImportIssue(
                file: file, line: u.firstLine, column: column == "scope_id(team)" ? "scope_id" : column,
                message: "\(u.rows) row(s) refer to \(what) that exist neither in the database nor in this import: "
                    + "\(u.ids.joined(separator: ", "))\(more) (import the \(what) first, or fix the ids)")
        }
    }
}
