/// Who is looking: a logged-in user (or API token owner) with a role and, for managers and reps, a scope.
public struct Viewer: Sendable, Hashable, Codable {
    public var login: String
    public var role: Role
    /// The team a manager leads or a rep belongs to.
    public var team: String?
    /// The rep record a rep user is.
    public var repId: String?

    public init(login: String, role: Role, team: String? = nil, repId: String? = nil) {
        self.login = login
        self.role = role
        self.team = team
        self.repId = repId
    }
}

/// What a user may do. admin: everything; manager: their team; rep: their own records and their team's totals; viewer: read all.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case admin, manager, rep, viewer

    public var ja: String {
        switch self {
        case .admin: return "管理者"
        case .manager: return "マネージャー"
        case .rep: return "担当者"
        case .viewer: return "閲覧者"
        }
    }
}
