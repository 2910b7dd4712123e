import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

extension Services {
    /// Insights the viewer may see, by the KPI API's rule: the organisation's need the admin or viewer role; a manager or
    /// rep may ask for their own team. The re-approach list names leads, so it keeps the entries of reps the viewer sees.
    public func insights(from: LocalDate, to: LocalDate, team: String?, viewer: Viewer, today: LocalDate? = nil) async throws -> InsightsReport {
        let policy = try await self.policy(for: viewer)
        if let team {
            guard policy.seesTeam(team) else { throw HTTPError(.forbidden, message: "the team \(team) is not yours to see; ask for your own team") }
        } else {
            guard policy.seesOrganisation else {
                throw HTTPError(
                    .forbidden, message: "organisation-wide insights need the admin or viewer role; ask for team=\(viewer.team ?? "YOUR_TEAM")")
            }
        }
        let report: InsightsReport
        do {
            report = try await InsightsService(store: store).insights(from: from, to: to, team: team, today: today)
        } catch let error as InsightsError {
            throw HTTPError(.badRequest, message: error.message)
        }
        return report.keepingFollowUps { policy.seesRep($0.repId) }
    }
}
