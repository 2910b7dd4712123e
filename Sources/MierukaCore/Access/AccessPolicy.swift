/// The one place that decides what a viewer may see, applied below the routes so pages, API and exports obey it alike.
public struct AccessPolicy: Sendable {
    public let viewer: Viewer
    /// rep id → team, from the reps table.
    public let teamOfRep: [String: String?]

    public init(viewer: Viewer, reps: [Rep]) {
        self.viewer = viewer
        self.teamOfRep = Dictionary(reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
    }

    /// Org-wide figures (and channel breakdowns of the whole organisation): admins and viewers only.
    public var seesOrganisation: Bool { viewer.role == .admin || viewer.role == .viewer }

    public var canChangeSettings: Bool { viewer.role == .admin }
    public var canImport: Bool { viewer.role == .admin || viewer.role == .manager }

    /// May this viewer see the records and figures of this rep?
    public func seesRep(_ repId: String?) -> Bool {
        switch viewer.role {
        case .admin, .viewer: return true
        case .manager: return repId.flatMap { teamOfRep[$0] ?? nil } == viewer.team && viewer.team != nil
        case .rep: return repId != nil && repId == viewer.repId
        }
    }

    /// May this viewer see a team's totals? A rep sees their own team's totals; a manager their team's.
    public func seesTeam(_ team: String?) -> Bool {
        switch viewer.role {
        case .admin, .viewer: return true
        case .manager, .rep: return team != nil && team == viewer.team
        }
    }

    /// May this viewer see this target? The organisation's for org-wide roles; a team's and its reps' for those who see them.
    public func seesTarget(_ t: Target) -> Bool {
        switch t.scope {
        case .org: return seesOrganisation
        case .team: return seesTeam(t.scopeId)
        case .rep: return seesRep(t.scopeId)
        }
    }

    /// May this viewer set or remove this target? Admins any; a manager their team's and their team's reps'.
    public func setsTarget(_ t: Target) -> Bool {
        switch viewer.role {
        case .admin: return true
        case .manager: return t.scope == .team ? seesTeam(t.scopeId) : t.scope == .rep ? seesRep(t.scopeId) : false
        case .rep, .viewer: return false
        }
    }

    /// May this viewer see this alert? Organisation-wide ones (and leads without a rep) for org-wide roles.
    public func seesAlert(_ a: Alert) -> Bool {
        switch a.scope {
        case .org: return seesOrganisation
        case .team: return seesTeam(a.group)
        case .rep: return seesRep(a.group)
        }
    }

    /// Keeps the KPI lines of a grouping the viewer may see.
    public func filter(_ results: [KPIResult], grouping: KPIGrouping) -> [KPIResult] {
        switch grouping {
        case .org, .channel: return seesOrganisation ? results : []
        case .rep: return results.filter { seesRep($0.group) }
        case .team: return results.filter { seesTeam($0.group) }
        }
    }
}
