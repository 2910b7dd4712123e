import Foundation
import Hummingbird
import MierukaCore
import MierukaImport
import MierukaStore

/// Writing records through the API: who may write which records, then the all-or-nothing batch import.
extension Services {
    /// The entities clients post (dialers: activities; MA tools: leads; SFA: opportunities).
    public static let ingestEntities: [Entity] = [.leads, .activities, .opportunities]

    /// The column naming the rep a record belongs to, by which a manager's writes are limited to their team.
    static func ownerColumn(of entity: Entity) -> String {
        switch entity {
        case .leads: return "assigned_to"
        case .opportunities: return "created_by"
        default: return "rep_id"
        }
    }

    /// Writes one batch for a viewer: admins any records; managers only records of their own team's reps, both as sent
    /// and as stored (an upsert must not take over another team's record by naming one's own rep). Throws
    /// `HTTPError(.forbidden)` naming the refused records, `BatchFailure` and `BatchTooLarge` from the import.
    public func ingest(_ entity: Entity, records: [BatchRecord], viewer: Viewer, origin: String) async throws -> MergeCounts {
        let policy = try await self.policy(for: viewer)
        guard policy.canImport else {
            throw HTTPError(.forbidden, message: "only an admin or a manager may write records (you are \(viewer.role.rawValue))")
        }
        if viewer.role == .manager { try await checkTeam(entity, records: records, policy: policy) }
        let settings = try await store.settings()
        let counts = try await BatchImporter(store: store, timeZone: settings.timeZone).run(entity, records: records, origin: origin)
        metrics.recordImportedRows(counts.staged, entity: entity, source: "api")
        return counts
    }

    private func checkTeam(_ entity: Entity, records: [BatchRecord], policy: AccessPolicy) async throws {
        let owner = Self.ownerColumn(of: entity)
        let key = entity.keyColumns[0]
        let stored = try await store.storedValues(of: owner, in: entity, forKeys: records.compactMap { $0.cell(key) })
        var refused: [String] = []
        var count = 0
        for (index, record) in records.enumerated() {
            // Records that are not objects are refused by the validation, which says why.
            guard case .object = record else { continue }
            let sent = record.cell(owner)
            var reason: String?
            if !policy.seesRep(sent) {
                reason = sent.map { "\(owner) \"\($0)\" is not a rep of your team" } ?? "it names no \(owner)"
            } else if let id = record.cell(key), let was = stored[id], !policy.seesRep(was) {
                reason = "\(key) \"\(id)\" is stored as \(was.map { "\(owner) \"\($0)\"" } ?? "without \(owner)"), not your team's"
            }
            guard let reason else { continue }
            count += 1
            if refused.count < 20 { refused.append("record \(index): \(reason)") }
        }
        guard count > 0 else { return }
        let more = count > refused.count ? "; … \(count - refused.count) more" : ""
        throw HTTPError(
            .forbidden,
            message: "a manager writes only records of their own team's reps (\(policy.viewer.team ?? "no team")); refused \(count) record(s): "
                + refused.joined(separator: "; ") + more + ". Nothing was written; send these with an admin's token.")
    }
}
