import Foundation

/// A unit's cells: the engine's counting rules (kpi-catalog.md) applied to one lead's records, credited on the local day
/// each fact happened. `KPIEngine.compute(rollup:)` sums them back; tests hold the sums equal to the engine's own tally.
public struct RollupContribution: Sendable {
    public let settings: OrganisationSettings
    public let teamOfRep: [String: String?]

    public init(settings: OrganisationSettings, reps: [Rep]) {
        self.settings = settings
        self.teamOfRep = Dictionary(reps.map { ($0.id, $0.team) }, uniquingKeysWith: { a, _ in a })
    }

    /// The cells of every unit, added up.
    public func cells(of units: some Sequence<RollupUnit>) -> RollupCells {
        var cells = RollupCells()
        for unit in units { add(unit, to: &cells) }
        return cells
    }

    /// The groups of each kind a fact credited to `rep` about a lead of `channel` counts in (as Attribution.key).
    private func keys(rep: String?, channel: String?, day: Int) -> [RollupCellKey] {
        let team: String? = rep.flatMap { teamOfRep[$0] ?? nil }
        return [
            RollupCellKey(kind: .org, group: "org", day: day), RollupCellKey(kind: .rep, group: rep, day: day),
            RollupCellKey(kind: .team, group: team, day: day), RollupCellKey(kind: .channel, group: channel, day: day),
        ]
    }

    private func credit(_ cells: inout RollupCells, rep: String?, channel: String?, day: Int, _ body: (inout RollupTally) -> Void) {
        for key in keys(rep: rep, channel: channel, day: day) { cells.update(key, body) }
    }

    public func add(_ unit: RollupUnit, to cells: inout RollupCells) {
        let clock = settings.clock
        func day(_ instant: Date) -> Int { clock.localDate(of: instant).dayNumber }
        let lead = unit.lead
        let channel = lead?.channel
        let isDormant = channel == KnownChannel.dormant.rawValue
        let ordered = unit.activities.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
        let outbound = ordered.filter(\.isOutbound)

        // Activities, on their own day.
        for a in ordered {
            credit(&cells, rep: a.repId, channel: channel, day: day(a.occurredAt)) { t in
                switch (a.type, a.direction) {
                case (.call, .outbound):
                    t[.calls] += 1
                    if a.connected == true {
                        t[.connects] += 1
                        if (a.durationSeconds ?? 0) >= settings.validConversationSeconds { t[.validConversations] += 1 }
                    }
                case (.call, .inbound):
                    t[.inboundCalls] += 1
                case (.email, .outbound):
                    t[.emailsSent] += 1
                    if a.bounced == true {
                        t[.emailsBounced] += 1
                    } else {
                        if a.opened == true { t[.emailsOpened] += 1 }
                        if a.clicked == true { t[.emailsClicked] += 1 }
                    }
                    if a.replied == true { t[.emailsReplied] += 1 }
                case (.email, .inbound):
                    break
                }
                if a.type == .call { t[.talkSeconds] += Double(a.durationSeconds ?? 0) }
                if a.isOutbound, isDormant { t[.dormantApproaches] += 1 }
            }
        }

        // Distinct leads worked, per grain bucket: the first day each group worked the lead in the bucket; responded at
        // the later of that day and the lead's first reaction (by anyone) in the bucket.
        let fiscal = settings.fiscalYearStartMonth
        var firstReaction: [Int: [Int: Int]] = [:]  // grain index → bucket start → first reaction day
        for a in ordered where a.isReaction {
            let date = clock.localDate(of: a.occurredAt)
            for (g, grain) in RollupGrain.grains.enumerated() {
                let bucket = grain.start(of: date, fiscalYearStartMonth: fiscal).dayNumber
                if firstReaction[g, default: [:]][bucket] == nil { firstReaction[g, default: [:]][bucket] = date.dayNumber }
            }
        }
        struct PairBucket: Hashable {
            var kind: RollupKind
            var group: String?
            var grain: Int
            var bucket: Int
        }
        var firstWorked: [PairBucket: Int] = [:]
        for a in outbound {
            let date = clock.localDate(of: a.occurredAt)
            for key in keys(rep: a.repId, channel: channel, day: date.dayNumber) {
                for (g, grain) in RollupGrain.grains.enumerated() {
                    let pair = PairBucket(kind: key.kind, group: key.group, grain: g, bucket: grain.start(of: date, fiscalYearStartMonth: fiscal).dayNumber)
                    if firstWorked[pair] == nil { firstWorked[pair] = date.dayNumber }
                }
            }
        }
        for (pair, first) in firstWorked {
            cells.update(RollupCellKey(kind: pair.kind, group: pair.group, day: first)) { t in
                t.worked[pair.grain] += 1
                if isDormant { t.dormantWorked[pair.grain] += 1 }
            }
            if let reaction = firstReaction[pair.grain]?[pair.bucket] {
                cells.update(RollupCellKey(kind: pair.kind, group: pair.group, day: max(first, reaction))) { $0.responded[pair.grain] += 1 }
            }
        }

        // Recontact intervals: each unanswered outbound activity to the lead's next outbound activity, on its own day.
        for (i, a) in outbound.enumerated() where i + 1 < outbound.count {
            let unanswered = a.type == .call ? a.connected != true : a.replied != true
            guard unanswered else { continue }
            let days = outbound[i + 1].occurredAt.timeIntervalSince(a.occurredAt) / 86_400
            credit(&cells, rep: a.repId, channel: channel, day: day(a.occurredAt)) { $0.recontactDays.append(days) }
        }

        // The lead's own dates, credited to its assigned rep.
        if let lead {
            let firstOutbound = outbound.first?.occurredAt
            credit(&cells, rep: lead.assignedTo, channel: channel, day: day(lead.createdAt)) { t in
                t[.newLeads] += 1
                if settings.isInSLAScope(channel: lead.channel) {
                    t[.slaLeads] += 1
                    if let firstOutbound {
                        let minutes = firstOutbound.timeIntervalSince(lead.createdAt) / 60
                        t.firstResponseMinutes.append(minutes)
                        if minutes <= settings.slaMinutes { t[.slaCompliant] += 1 }
                    }
                }
            }
            if let mql = lead.mqlAt { credit(&cells, rep: lead.assignedTo, channel: channel, day: day(mql)) { $0[.mqls] += 1 } }
            if let sql = lead.sqlAt { credit(&cells, rep: lead.assignedTo, channel: channel, day: day(sql)) { $0[.sqls] += 1 } }
            if let assignedAt = lead.assignedAt, let firstOutbound {
                credit(&cells, rep: lead.assignedTo, channel: channel, day: day(assignedAt)) {
                    $0.assignmentToContactMinutes.append(firstOutbound.timeIntervalSince(assignedAt) / 60)
                }
            }
            if let call = outbound.first(where: { $0.type == .call }) {
                credit(&cells, rep: call.repId, channel: channel, day: day(call.occurredAt)) { t in
                    t[.firstCalls] += 1
                    if call.connected == true { t[.firstCallsConnected] += 1 }
                }
            }
            cells.update(RollupCellKey(kind: .rep, group: lead.assignedTo, day: RollupCellKey.presenceDay)) { $0[.leadsPresent] += 1 }
            cells.update(RollupCellKey(kind: .channel, group: lead.channel, day: RollupCellKey.presenceDay)) { $0[.leadsPresent] += 1 }
        }

        // Opportunities, credited to their creator (IS credit); without a lead under the channel "unknown".
        for o in unit.opportunities {
            let channel = o.leadId == nil ? Attribution.unknownChannel : lead?.channel
            let insideSales = o.source == .insideSales
            credit(&cells, rep: o.createdBy, channel: channel, day: day(o.createdAt)) { t in
                t[.appointments] += 1
                let score = QualityScore.of(o)
                t[.qualitySum] += Double(score)
                if score >= settings.validOpportunityScore { t[.validOpportunities] += 1 }
                if o.isReactivation == true { t[.reactivations] += 1 }
                if insideSales { t[.opportunityAmount] += Double(o.amount ?? 0) }
            }
            if let meeting = o.meetingAt, o.stage != .appointment {
                credit(&cells, rep: o.createdBy, channel: channel, day: day(meeting)) { $0[.meetings] += 1 }
            }
            if let handoff = o.handedOffAt { credit(&cells, rep: o.createdBy, channel: channel, day: day(handoff)) { $0[.handoffs] += 1 } }
            if let closedAt = o.closedAt {
                credit(&cells, rep: o.createdBy, channel: channel, day: day(closedAt)) { t in
                    if o.stage == .won {
                        t[.wins] += 1
                        t[.salesCycleSeconds] += closedAt.timeIntervalSince(o.createdAt)
                        t[.salesCycleCount] += 1
                        if o.leadId != nil, let lead {
                            t[.leadToWinSeconds] += closedAt.timeIntervalSince(lead.createdAt)
                            t[.leadToWinCount] += 1
                        }
                        if insideSales {
                            t[.insideSalesWins] += 1
                            if let amount = o.amount {
                                t[.wonAmount] += Double(amount)
                                t[.dealAmountSum] += Double(amount)
                                t[.dealCount] += 1
                            }
                        }
                    } else if o.stage == .lost {
                        t[.losses] += 1
                    }
                }
            }
            // Open at the start of day E when created before E and not closed before E (rule 9): +amount on the day
            // it was created, −amount on the day it closed (never open when it closed before it was created).
            if insideSales, let amount = o.amount, amount != 0 {
                let created = day(o.createdAt)
                let closed = o.closedAt.map(day)
                if closed.map({ $0 >= created }) ?? true {
                    credit(&cells, rep: o.createdBy, channel: channel, day: created) { $0[.pipelineChange] += Double(amount) }
                    if let closed { credit(&cells, rep: o.createdBy, channel: channel, day: closed) { $0[.pipelineChange] -= Double(amount) } }
                }
            }
            if o.leadId == nil {
                cells.update(RollupCellKey(kind: .org, group: "org", day: RollupCellKey.presenceDay)) { $0[.opportunitiesWithoutLead] += 1 }
            } else if lead == nil {
                cells.update(RollupCellKey(kind: .org, group: "org", day: RollupCellKey.presenceDay)) { $0[.opportunitiesWithUnknownLead] += 1 }
            }
        }
    }
}
