import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// The records behind one figure, for the drill-down page, its CSV and GET /api/v1/kpis/{id}/records.
public struct FigureEvidence: Sendable {
    public var evidence: KPIEvidence
    public var rows: CountedRecordRows
    public var grouping: KPIGrouping
    public var from: LocalDate
    public var to: LocalDate
    /// A rep looking at their team's figure sees the team's total but only their own records.
    public var onlyRep: String?

    /// The records of a part (or of one base count) the viewer may see.
    public func visible(_ records: [(count: BaseCount, record: CountedRecord)]) -> [(count: BaseCount, record: CountedRecord)] {
        guard let onlyRep else { return records }
        return records.filter { rows.rep(of: $0.record) == onlyRep }
    }
}

extension Services {
    /// The group's figure and its records, if the viewer may see that group's records: the organisation and channels
    /// for admins and viewers, a team for its manager (a rep sees the team's figure but only their own records among
    /// its records), a rep for whoever sees that rep. Facts without a rep / team / channel (group nil) are organisation-wide.
    public func evidence(kpi: String, from: LocalDate, to: LocalDate, grouping: KPIGrouping, group: String?, viewer: Viewer) async throws -> FigureEvidence {
        guard KPICatalog.standard[kpi] != nil else { throw HTTPError(.notFound, message: "unknown KPI id \(kpi); GET /api/v1/catalog lists them") }
        guard from < to else { throw HTTPError(.badRequest, message: "from must be before to (to is exclusive)") }
        guard KPICatalog.standard[kpi]!.groupings.contains(grouping) else {
            throw HTTPError(.badRequest, message: "\(kpi) is not computed per \(grouping.rawValue)")
        }
        let policy = try await self.policy(for: viewer)
        let allowed: Bool
        switch grouping {
        case .org, .channel: allowed = policy.seesOrganisation
        case .team: allowed = policy.seesOrganisation || ((viewer.role == .manager || viewer.role == .rep) && policy.seesTeam(group))
        case .rep: allowed = group == nil ? policy.seesOrganisation : policy.seesRep(group)
        }
        guard allowed else { throw HTTPError(.forbidden, message: "these records are not yours to see") }
        let engine = KPIEngine(settings: try await store.settings())
        let period = engine.period(from: from, to: to)
        let facts = try await store.facts(for: period)
        let evidence = engine.evidence(of: kpi, group: grouping == .org ? "org" : group, grouping: grouping, facts: facts, period: period)
        let onlyRep = grouping == .team && viewer.role == .rep ? (viewer.repId ?? "") : nil
        return FigureEvidence(evidence: evidence, rows: CountedRecordRows(facts: facts, timeZone: engine.settings.timeZone),
                              grouping: grouping, from: from, to: to, onlyRep: onlyRep)
    }
}
