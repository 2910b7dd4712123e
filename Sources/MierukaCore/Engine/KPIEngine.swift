import Foundation

/// Computes every catalog KPI for one period and one grouping, following kpi-catalog.md's counting rules literally.
public struct KPIEngine: Sendable {
    public let catalog: KPICatalog
    public let settings: OrganisationSettings

    public init(catalog: KPICatalog = .standard, settings: OrganisationSettings = OrganisationSettings()) {
        self.catalog = catalog
        self.settings = settings
    }

    public func period(from: LocalDate, to: LocalDate) -> Period { Period(from: from, to: to, timeZone: settings.timeZone) }

    /// Every KPI (or those named in `only`) for every group of `grouping`, in catalog order, groups in output order.
    public func compute(_ facts: KPIFacts, period: Period, grouping: KPIGrouping, only: Set<String>? = nil) -> [KPIResult] {
        let attribution = Attribution(facts: facts, grouping: grouping)
        let tallies = tally(facts, period: period, attribution: attribution)
        let customers = grouping == .org ? CustomerFigures(customers: facts.customers, period: period, margin: settings.grossMargin) : nil
        var results: [KPIResult] = []
        for definition in catalog.definitions where definition.groupings.contains(grouping) {
            if let only, !only.contains(definition.id) { continue }
            for group in attribution.groups {
                let t = tallies[group] ?? GroupTally()
                let value = self.value(of: definition.id, tally: t, customers: customers, facts: facts)
                results.append(KPIResult(kpi: definition.id, group: group, from: period.from, to: period.to, value: value))
            }
        }
        return results
    }

    // MARK: - Counting

    private func tally(_ facts: KPIFacts, period: Period, attribution: Attribution) -> [String?: GroupTally] {
        var tallies: [String?: GroupTally] = [:]
        let channelOfLead = attribution.channelOfLead

        // Reactions in P count whoever made them (rule 2): one set for all groups.
        var reactedLeads: Set<String> = []
        var periodOutbound: [String: [Activity]] = [:]
        for a in facts.activities where period.contains(a.occurredAt) {
            if a.isReaction { reactedLeads.insert(a.leadId) }
            let key = attribution.key(rep: a.repId, leadId: a.leadId)
            let isDormant = channelOfLead[a.leadId] == KnownChannel.dormant.rawValue
            withTally(&tallies, key) { t in
                switch (a.type, a.direction) {
                case (.call, .outbound):
                    t.calls += 1
                    if a.connected == true {
                        t.connects += 1
                        if (a.durationSeconds ?? 0) >= settings.validConversationSeconds { t.validConversations += 1 }
                    }
                case (.call, .inbound):
                    t.inboundCalls += 1
                case (.email, .outbound):
                    t.emailsSent += 1
                    if a.bounced == true {
                        t.emailsBounced += 1
                    } else {
                        if a.opened == true { t.emailsOpened += 1 }
                        if a.clicked == true { t.emailsClicked += 1 }
                    }
                    if a.replied == true { t.emailsReplied += 1 }
                case (.email, .inbound):
                    break
                }
                if a.type == .call { t.talkSeconds += Double(a.durationSeconds ?? 0) }
                if a.isOutbound {
                    t.leadsWorked.insert(a.leadId)
                    if isDormant {
                        t.dormantApproaches += 1
                        t.dormantLeadsWorked.insert(a.leadId)
                    }
                }
            }
            if a.isOutbound { periodOutbound[a.leadId, default: []].append(a) }
        }
        // Recontact intervals: each unanswered outbound activity in P to the lead's next outbound activity (rule 7).
        // Sorted so sums of fractional days come out bit-for-bit the same in every run.
        for leadId in periodOutbound.keys.sorted() {
            let ordered = periodOutbound[leadId]!.sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
            for (i, a) in ordered.enumerated() {
                let unanswered = a.type == .call ? a.connected != true : a.replied != true
                guard unanswered else { continue }
                let next = i + 1 < ordered.count ? ordered[i + 1].occurredAt : facts.contactHistory[leadId]?.nextOutboundAfterEnd
                guard let next else { continue }
                withTally(&tallies, attribution.key(rep: a.repId, leadId: leadId)) {
                    $0.recontactDays.append(next.timeIntervalSince(a.occurredAt) / 86_400)
                }
            }
        }

        // Leads (attributed to leads.assigned_to, rule 1).
        for lead in facts.leads {
            let key = attribution.key(rep: lead.assignedTo, leadId: lead.id)
            let history = facts.contactHistory[lead.id]
            if period.contains(lead.createdAt) {
                withTally(&tallies, key) { t in
                    t.newLeads += 1
                    if settings.isInSLAScope(channel: lead.channel) {
                        t.slaLeads += 1
                        if let first = history?.firstOutboundAt {
                            let minutes = first.timeIntervalSince(lead.createdAt) / 60
                            t.firstResponseMinutes.append(minutes)
                            if minutes <= settings.slaMinutes { t.slaCompliant += 1 }
                        }
                    }
                }
            }
            if period.contains(lead.mqlAt) { withTally(&tallies, key) { $0.mqls += 1 } }
            if period.contains(lead.sqlAt) { withTally(&tallies, key) { $0.sqls += 1 } }
            if let assignedAt = lead.assignedAt, period.contains(assignedAt), let first = history?.firstOutboundAt {
                withTally(&tallies, key) { $0.assignmentToContactMinutes.append(first.timeIntervalSince(assignedAt) / 60) }
            }
            // First-ever outbound call: credited to the rep who made it.
            if let call = history?.firstOutboundCall, period.contains(call.at) {
                withTally(&tallies, attribution.key(rep: call.repId, leadId: lead.id)) { t in
                    t.firstCalls += 1
                    if call.connected { t.firstCallsConnected += 1 }
                }
            }
        }

        // Opportunities (attributed to created_by, IS credit).
        let leadCreatedAt = Dictionary(facts.leads.map { ($0.id, $0.createdAt) }, uniquingKeysWith: { a, _ in a })
        for o in facts.opportunities {
            let key = attribution.key(rep: o.createdBy, leadId: o.leadId)
            let insideSales = o.source == .insideSales
            withTally(&tallies, key) { t in
                if period.contains(o.createdAt) {
                    t.appointments += 1
                    let score = QualityScore.of(o)
                    t.qualitySum += Double(score)
                    if score >= settings.validOpportunityScore { t.validOpportunities += 1 }
                    if o.isReactivation == true { t.reactivations += 1 }
                    if insideSales { t.opportunityAmount += Double(o.amount ?? 0) }
                }
                if period.contains(o.meetingAt), o.stage != .appointment { t.meetings += 1 }
                if period.contains(o.handedOffAt) { t.handoffs += 1 }
                if let closedAt = o.closedAt, period.contains(closedAt) {
                    if o.stage == .won {
                        t.wins += 1
                        t.salesCycleDaysSum += closedAt.timeIntervalSince(o.createdAt) / 86_400
                        t.salesCycleCount += 1
                        if let leadId = o.leadId, let created = leadCreatedAt[leadId] {
                            t.leadToWinDaysSum += closedAt.timeIntervalSince(created) / 86_400
                            t.leadToWinCount += 1
                        }
                        if insideSales {
                            t.insideSalesWins += 1
                            if let amount = o.amount {
                                t.wonAmount += Double(amount)
                                t.dealAmountSum += Double(amount)
                                t.dealCount += 1
                            }
                        }
                    } else if o.stage == .lost {
                        t.losses += 1
                    }
                }
                // Open at the end of P: decided by closed_at alone (rule 9).
                if insideSales, o.createdAt < period.end, !(o.closedAt.map { $0 < period.end } ?? false) {
                    t.pipelineAmount += Double(o.amount ?? 0)
                }
            }
        }

        // Costs: every month P touches counts in full (rule 5).
        let months = Set(period.months)
        for c in facts.costs where months.contains(c.month) {
            withTally(&tallies, attribution.key(costChannel: c.channel)) { t in
                t.cost += Double(c.amount)
                if c.category == .marketing { t.marketingCost += Double(c.amount) }
                t.visits += Double(c.visits ?? 0)
            }
        }

        // response_rate's numerator: the group's worked leads that reacted in P.
        for key in Array(tallies.keys) {
            tallies[key]!.respondedLeads = Double(tallies[key]!.leadsWorked.intersection(reactedLeads).count)
        }
        return tallies
    }

    private func withTally(_ tallies: inout [String?: GroupTally], _ key: Attribution.Key, _ body: (inout GroupTally) -> Void) {
        switch key {
        case .skip: return
        case .group(let group):
            // Mutate in place: copying the tally out and back would copy its sets and arrays on every fact (quadratic).
            body(&tallies[group, default: GroupTally()])
        }
    }
}
