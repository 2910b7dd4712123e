import MierukaCore

/// The dashboard's filter form (a plain GET form, works without script): a custom period, and the team and rep
/// the viewer may choose among. Options hold only what the viewer may see; the web layer decides that.
public struct DashboardFilter: Sendable {
    public var action: String
    public var teams: [String]
    /// (rep id, name) the viewer may pick.
    public var reps: [(id: String, name: String)]
    public var team: String?
    public var rep: String?
    public var from: LocalDate
    /// Last day shown (inclusive), as users type it.
    public var through: LocalDate
    /// Whether "all" (the organisation) is a choice for the team selector.
    public var allowsOrganisation: Bool

    public init(action: String = "/", teams: [String], reps: [(id: String, name: String)], team: String?, rep: String?, from: LocalDate,
                through: LocalDate, allowsOrganisation: Bool) {
        self.action = action
        self.teams = teams
        self.reps = reps
        self.team = team
        self.rep = rep
        self.from = from
        self.through = through
        self.allowsOrganisation = allowsOrganisation
    }
}

extension DashboardView {
    static func filter(_ m: DashboardModel) -> HTML {
        guard let f = m.filter else { return .group([]) }
        let ja = m.language == .ja
        var teamOptions: [HTML] = []
        if f.allowsOrganisation { teamOptions.append(.el("option", ["value": "", "selected": f.team == nil ? "selected" : nil], ja ? "全社" : "Organisation")) }
        for t in f.teams { teamOptions.append(.el("option", ["value": t, "selected": f.team == t ? "selected" : nil], t)) }
        var repOptions: [HTML] = [.el("option", ["value": "", "selected": f.rep == nil ? "selected" : nil], ja ? "全員" : "Everyone")]
        for r in f.reps { repOptions.append(.el("option", ["value": r.id, "selected": f.rep == r.id ? "selected" : nil], "\(r.name) (\(r.id))")) }
        return .el(
            "form", ["method": "get", "action": f.action, "class": "filter"],
            [
                .el("input", ["type": "hidden", "name": "lang", "value": m.language.rawValue]),
                .el("label", [:], [.text(ja ? "期間 " : "From "), .el("input", ["type": "date", "name": "from", "value": f.from.description])]),
                .el("label", [:], [.text(ja ? "〜 " : "to "), .el("input", ["type": "date", "name": "through", "value": f.through.description])]),
                f.teams.isEmpty ? .group([]) : .el("label", [:], [.text(ja ? "チーム " : "Team "), .el("select", ["name": "team"], teamOptions)]),
                f.reps.count <= 1 ? .group([]) : .el("label", [:], [.text(ja ? "担当者 " : "Rep "), .el("select", ["name": "rep"], repOptions)]),
                .el("button", ["type": "submit"], ja ? "表示" : "Show"),
            ])
    }
}
