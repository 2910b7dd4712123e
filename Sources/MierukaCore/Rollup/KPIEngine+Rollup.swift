import Foundation

/// The same answers as `compute(_:period:grouping:)`, from rollup cells instead of records.
extension KPIEngine {
    /// Whether rollups can answer `period`: it must start a bucket of some grain and stay inside it (see RollupGrain).
    public func rollupGrain(for period: Period) -> PeriodGrain? {
        RollupGrain.fitting(from: period.from, to: period.to, fiscalYearStartMonth: settings.fiscalYearStartMonth)
    }

    /// Every KPI (or those in `only`) per group, from the cells of `read`. Precondition: `rollupGrain(for: period)` is not nil.
    public func compute(rollup read: RollupRead, period: Period, grouping: KPIGrouping, only: Set<String>? = nil) -> [KPIResult] {
        guard let grain = rollupGrain(for: period) else { return [] }
        let g = RollupGrain.index(grain)
        let teamOfRep = Dictionary(read.reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
        let groups = Self.rollupGroups(read, grouping: grouping, teamOfRep: teamOfRep)

        var tallies = Tallies(traced: nil)
        var sums: [String?: RollupTally] = [:]
        for (group, cell) in read.cells { sums[group, default: RollupTally()].add(cell) }
        for (group, s) in sums {
            tallies.with(.group(group)) { t in
                t.calls = s[.calls]
                t.inboundCalls = s[.inboundCalls]
                t.connects = s[.connects]
                t.validConversations = s[.validConversations]
                t.talkSeconds = s[.talkSeconds]
                t.emailsSent = s[.emailsSent]
                t.emailsBounced = s[.emailsBounced]
                t.emailsOpened = s[.emailsOpened]
                t.emailsClicked = s[.emailsClicked]
                t.emailsReplied = s[.emailsReplied]
                t.dormantApproaches = s[.dormantApproaches]
                t.countedLeadsWorked = s.worked[g]
                t.countedDormantLeadsWorked = s.dormantWorked[g]
                t.respondedLeads = s.responded[g]
                t.newLeads = s[.newLeads]
                t.mqls = s[.mqls]
                t.sqls = s[.sqls]
                t.slaLeads = s[.slaLeads]
                t.slaCompliant = s[.slaCompliant]
                t.firstCalls = s[.firstCalls]
                t.firstCallsConnected = s[.firstCallsConnected]
                t.firstResponseMinutes = s.firstResponseMinutes
                t.assignmentToContactMinutes = s.assignmentToContactMinutes
                t.recontactDays = s.recontactDays
                t.appointments = s[.appointments]
                t.meetings = s[.meetings]
                t.validOpportunities = s[.validOpportunities]
                t.handoffs = s[.handoffs]
                t.wins = s[.wins]
                t.losses = s[.losses]
                t.insideSalesWins = s[.insideSalesWins]
                t.qualitySum = s[.qualitySum]
                t.reactivations = s[.reactivations]
                t.wonAmount = s[.wonAmount]
                t.opportunityAmount = s[.opportunityAmount]
                t.dealAmountSum = s[.dealAmountSum]
                t.dealCount = s[.dealCount]
                t.salesCycleDaysSum = s[.salesCycleSeconds] / 86_400
                t.salesCycleCount = s[.salesCycleCount]
                t.leadToWinDaysSum = s[.leadToWinSeconds] / 86_400
                t.leadToWinCount = s[.leadToWinCount]
            }
        }
        for (group, amount) in read.pipelineAtEnd { tallies.with(.group(group)) { $0.pipelineAmount = amount } }
        let attribution = Attribution(grouping: grouping, groups: groups, teamOfRep: teamOfRep)
        tallyCosts(read.costs, period: period, attribution: attribution, into: &tallies)

        let facts = KPIFacts(reps: read.reps, customers: read.customers, costs: read.costs, recordedForecasts: read.recordedForecasts)
        return results(tallies: tallies.byGroup, groups: groups, facts: facts, period: period, grouping: grouping, only: only)
    }

    /// The engine's output groups (Attribution.init) from the presence cells instead of every lead and opportunity.
    static func rollupGroups(_ read: RollupRead, grouping: KPIGrouping, teamOfRep: [String: String?]) -> [String?] {
        func present(_ kind: RollupKind, _ counter: RollupCounter) -> [String?] {
            read.presence.filter { $0.key.kind == kind && $0.value[counter] > 0 }.map(\.key.group)
        }
        let org = read.presence[RollupCellKey(kind: .org, group: "org", day: RollupCellKey.presenceDay)] ?? RollupTally()
        switch grouping {
        case .org:
            return ["org"]
        case .rep:
            let named = read.reps.map(\.id).sorted()
            let known = Set(named)
            let hasNone = present(.rep, .leadsPresent).contains { $0 == nil || !known.contains($0!) }
            return named + (hasNone ? [nil] : [])
        case .team:
            let named = Set(read.reps.compactMap(\.team)).sorted()
            let repWithoutTeam = read.reps.contains { $0.team == nil }
            let leadWithoutTeam = present(.rep, .leadsPresent).contains { rep in
                guard let rep, let team = teamOfRep[rep] else { return true }
                return team == nil
            }
            return named + (repWithoutTeam || leadWithoutTeam ? [nil] : [])
        case .channel:
            var named = Set(present(.channel, .leadsPresent).compactMap { $0 }).union(read.costs.compactMap(\.channel))
            if org[.opportunitiesWithoutLead] > 0 { named.insert(Attribution.unknownChannel) }
            let hasNone = read.costs.contains { $0.channel == nil } || org[.opportunitiesWithUnknownLead] > 0
            return named.sorted().map(Optional.some) + (hasNone ? [nil] : [])
        }
    }
}
