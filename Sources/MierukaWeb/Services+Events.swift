import Foundation
import Hummingbird
import MierukaCore
import MierukaImport
import MierukaStore

/// Events from call and MA tools: the event log and the activities they fold into, through the same write as
/// POST /api/v1/activities (who may write which records, validation, rollups, answers version).
extension Services {
    public func ingestEvents(_ records: [BatchRecord], viewer: Viewer, origin: String, now: Date = Date()) async throws -> EventIngestResult {
        let policy = try await self.policy(for: viewer)
        guard policy.canImport else {
            throw HTTPError(.forbidden, message: "only an admin or a manager may post events (you are \(viewer.role.rawValue))")
        }
        if viewer.role == .manager {
            // Named by event index here; the activity write below checks the stored records as well.
            var refused: [String] = []
            for (index, record) in records.enumerated() {
                guard case .object = record, let rep = record.cell("rep_id"), !policy.seesRep(rep) else { continue }
                refused.append("event \(index): rep_id \"\(rep)\" is not a rep of your team")
            }
            if !refused.isEmpty {
                throw HTTPError(
                    .forbidden,
                    message: "a manager posts only events of their own team's reps (\(policy.viewer.team ?? "no team")); refused \(refused.count) event(s): "
                        + refused.prefix(20).joined(separator: "; ") + ". Nothing was written; send these with an admin's token.")
            }
        }
        return try await EventIngest(store: store).run(records, receivedBy: viewer.login, now: now) { activities in
            try await self.ingest(.activities, records: activities, viewer: viewer, origin: origin)
        }
    }
}
