/// Decides which group a fact counts in: per rep by the rep the catalog names, per team by that rep's team,
/// per channel by the lead's channel. Also lists the groups the output must show.
struct Attribution {
    enum Key {
        case group(String?)
        /// The fact has no meaning in this grouping (costs per rep).
        case skip
    }

    let grouping: KPIGrouping
    let channelOfLead: [String: String]
    let teamOfRep: [String: String?]
    /// The output groups, in order: org; or the reps/teams/channels sorted, then `nil` when facts without one exist.
    let groups: [String?]

    /// An opportunity without a lead is grouped under this channel (data-model.md).
    static let unknownChannel = "unknown"

    init(facts: KPIFacts, grouping: KPIGrouping) {
        self.grouping = grouping
        var channelOfLead: [String: String] = [:]
        channelOfLead.reserveCapacity(facts.leads.count)
        for lead in facts.leads { channelOfLead[lead.id] = lead.channel }
        self.channelOfLead = channelOfLead
        self.teamOfRep = Dictionary(facts.reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })

        switch grouping {
        case .org:
            groups = ["org"]
        case .rep:
            let named = facts.reps.map(\.id).sorted()
            let known = Set(named)
            let hasNone = facts.leads.contains { $0.assignedTo == nil || !known.contains($0.assignedTo!) }
            groups = named + (hasNone ? [nil] : [])
        case .team:
            let named = Set(facts.reps.compactMap(\.team)).sorted()
            let teamOfRep = self.teamOfRep
            let repWithoutTeam = facts.reps.contains { $0.team == nil }
            let leadWithoutTeam = facts.leads.contains { lead in
                guard let rep = lead.assignedTo, let team = teamOfRep[rep] else { return true }
                return team == nil
            }
            groups = named + (repWithoutTeam || leadWithoutTeam ? [nil] : [])
        case .channel:
            var named = Set(facts.leads.map(\.channel)).union(facts.costs.compactMap(\.channel))
            if facts.opportunities.contains(where: { $0.leadId == nil }) { named.insert(Attribution.unknownChannel) }
            let hasNone = facts.costs.contains { $0.channel == nil }
                || facts.opportunities.contains { o in o.leadId.map { channelOfLead[$0] == nil } ?? false }
            groups = named.sorted().map(Optional.some) + (hasNone ? [nil] : [])
        }
    }

    /// An attribution whose groups are already known (the rollup path, which has no lead records in hand).
    init(grouping: KPIGrouping, groups: [String?], teamOfRep: [String: String?]) {
        self.grouping = grouping
        self.groups = groups
        self.teamOfRep = teamOfRep
        self.channelOfLead = [:]
    }

    /// The group of a fact credited to `rep` about `leadId`.
    func key(rep: String?, leadId: String?) -> Key {
        switch grouping {
        case .org:
            return .group("org")
        case .rep:
            return .group(rep)
        case .team:
            guard let rep, let team = teamOfRep[rep] else { return .group(nil) }
            return .group(team)
        case .channel:
            guard let leadId else { return .group(Attribution.unknownChannel) }
            return .group(channelOfLead[leadId])
        }
    }

    func key(costChannel: String?) -> Key {
        switch grouping {
        case .org: return .group("org")
        case .channel: return .group(costChannel)
        case .rep, .team: return .skip
        }
    }
}
