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
        return results(tallies: tallies, groups: attribution.groups, facts: facts, period: period, grouping: grouping, only: only)
    }

    /// The catalog's formulas over each output group's tally, in catalog order.
    func results(
        tallies: [String?: GroupTally], groups: [String?], facts: KPIFacts, period: Period, grouping: KPIGrouping, only: Set<String>?
    ) -> [KPIResult] {
        let customers = grouping == .org ? CustomerFigures(customers: facts.customers, period: period, margin: settings.grossMargin) : nil
        var results: [KPIResult] = []
        for definition in catalog.definitions where definition.groupings.contains(grouping) {
            if let only, !only.contains(definition.id) { continue }
            for group in groups {
                let t = tallies[group] ?? GroupTally()
                let value = self.value(of: definition.id, tally: t, customers: customers, facts: facts)
                results.append(KPIResult(kpi: definition.id, group: group, from: period.from, to: period.to, value: value))
            }
        }
        return results
    }

    // MARK: - Counting

    /// Counts every fact of `facts` in P into its group's tally. When `traced` names a group, that group's tally also
    /// keeps the records behind each count: the drill-down lists exactly what the figure counted, by the same code.
    func tally(_ facts: KPIFacts, period: Period, attribution: Attribution, traced: TracedGroup? = nil) -> [String?: GroupTally] {
        var tallies = Tallies(traced: traced)
        let channelOfLead = attribution.channelOfLead

        // Reactions in P count whoever made them (rule 2): one set for all groups.
        var reactedLeads: Set<String> = []
        var periodOutbound: [String: [Activity]] = [:]
        for a in facts.activities where period.contains(a.occurredAt) {
            if a.isReaction { reactedLeads.insert(a.leadId) }
            let key = attribution.key(rep: a.repId, leadId: a.leadId)
            let isDormant = channelOfLead[a.leadId] == KnownChannel.dormant.rawValue
            tallies.with(key) { t in
                switch (a.type, a.direction) {
                case (.call, .outbound):
                    t.calls += 1
                    t.note(.calls, a.id)
                    if a.connected == true {
                        t.connects += 1
                        t.note(.connects, a.id)
                        if (a.durationSeconds ?? 0) >= settings.validConversationSeconds {
                            t.validConversations += 1
                            t.note(.validConversations, a.id)
                        }
                    }
                case (.call, .inbound):
                    t.inboundCalls += 1
                    t.note(.inboundCalls, a.id)
                case (.email, .outbound):
                    t.emailsSent += 1
                    t.note(.emailsSent, a.id)
                    if a.bounced == true {
                        t.emailsBounced += 1
                        t.note(.emailsBounced, a.id)
                    } else {
                        t.note(.emailsDelivered, a.id)
                        if a.opened == true {
                            t.emailsOpened += 1
                            t.note(.emailsOpened, a.id)
                        }
                        if a.clicked == true {
                            t.emailsClicked += 1
                            t.note(.emailsClicked, a.id)
                        }
                    }
                    if a.replied == true {
                        t.emailsReplied += 1
                        t.note(.emailsReplied, a.id)
                    }
                case (.email, .inbound):
                    break
                }
                if a.type == .call {
                    t.talkSeconds += Double(a.durationSeconds ?? 0)
                    t.note(.talk, a.id, Double(a.durationSeconds ?? 0) / 60)
                }
                if a.isOutbound {
                    t.leadsWorked.insert(a.leadId)
                    t.note(.leadsWorked, a.leadId)
                    if isDormant {
                        t.dormantApproaches += 1
                        t.dormantLeadsWorked.insert(a.leadId)
                        t.note(.dormantApproaches, a.id)
                        t.note(.dormantLeadsWorked, a.leadId)
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
                tallies.with(attribution.key(rep: a.repId, leadId: leadId)) {
                    let days = next.timeIntervalSince(a.occurredAt) / 86_400
                    $0.recontactDays.append(days)
                    $0.note(.recontacts, a.id, days)
                }
            }
        }

        // Leads (attributed to leads.assigned_to, rule 1).
        for lead in facts.leads {
            let key = attribution.key(rep: lead.assignedTo, leadId: lead.id)
            let history = facts.contactHistory[lead.id]
            if period.contains(lead.createdAt) {
                tallies.with(key) { t in
                    t.newLeads += 1
                    t.note(.newLeads, lead.id)
                    if settings.isInSLAScope(channel: lead.channel) {
                        t.slaLeads += 1
                        t.note(.slaLeads, lead.id)
                        if let first = history?.firstOutboundAt {
                            let minutes = first.timeIntervalSince(lead.createdAt) / 60
                            t.firstResponseMinutes.append(minutes)
                            t.note(.firstResponses, lead.id, minutes)
                            if minutes <= settings.slaMinutes {
                                t.slaCompliant += 1
                                t.note(.slaCompliant, lead.id)
                            }
                        }
                    }
                }
            }
            if period.contains(lead.mqlAt) {
                tallies.with(key) {
                    $0.mqls += 1
                    $0.note(.mqls, lead.id)
                }
            }
            if period.contains(lead.sqlAt) {
                tallies.with(key) {
                    $0.sqls += 1
                    $0.note(.sqls, lead.id)
                }
            }
            if let assignedAt = lead.assignedAt, period.contains(assignedAt), let first = history?.firstOutboundAt {
                tallies.with(key) {
                    let minutes = first.timeIntervalSince(assignedAt) / 60
                    $0.assignmentToContactMinutes.append(minutes)
                    $0.note(.assignmentToContact, lead.id, minutes)
                }
            }
            // First-ever outbound call: credited to the rep who made it.
            if let call = history?.firstOutboundCall, period.contains(call.at) {
                tallies.with(attribution.key(rep: call.repId, leadId: lead.id)) { t in
                    t.firstCalls += 1
                    t.note(.firstCalls, lead.id)
                    if call.connected {
                        t.firstCallsConnected += 1
                        t.note(.firstCallsConnected, lead.id)
                    }
                }
            }
        }

        // Opportunities (attributed to created_by, IS credit).
        let leadCreatedAt = Dictionary(facts.leads.map { ($0.id, $0.createdAt) }, uniquingKeysWith: { a, _ in a })
        for o in facts.opportunities {
            let key = attribution.key(rep: o.createdBy, leadId: o.leadId)
            let insideSales = o.source == .insideSales
            tallies.with(key) { t in
                if period.contains(o.createdAt) {
                    t.appointments += 1
                    t.note(.appointments, o.id)
                    let score = QualityScore.of(o)
                    t.qualitySum += Double(score)
                    t.note(.quality, o.id, Double(score))
                    if score >= settings.validOpportunityScore {
                        t.validOpportunities += 1
                        t.note(.validOpportunities, o.id)
                    }
                    if o.isReactivation == true {
                        t.reactivations += 1
                        t.note(.reactivations, o.id)
                    }
                    if insideSales {
                        t.opportunityAmount += Double(o.amount ?? 0)
                        t.note(.opportunityAmount, o.id, Double(o.amount ?? 0))
                    }
                }
                if period.contains(o.meetingAt), o.stage != .appointment {
                    t.meetings += 1
                    t.note(.meetings, o.id)
                }
                if period.contains(o.handedOffAt) {
                    t.handoffs += 1
                    t.note(.handoffs, o.id)
                }
                if let closedAt = o.closedAt, period.contains(closedAt) {
                    if o.stage == .won {
                        t.wins += 1
                        t.note(.wins, o.id)
                        let cycle = closedAt.timeIntervalSince(o.createdAt) / 86_400
                        t.salesCycleDaysSum += cycle
                        t.salesCycleCount += 1
                        t.note(.salesCycle, o.id, cycle)
                        if let leadId = o.leadId, let created = leadCreatedAt[leadId] {
                            let days = closedAt.timeIntervalSince(created) / 86_400
                            t.leadToWinDaysSum += days
                            t.leadToWinCount += 1
                            t.note(.leadToWin, o.id, days)
                        }
                        if insideSales {
                            t.insideSalesWins += 1
                            t.note(.insideSalesWins, o.id)
                            if let amount = o.amount {
                                t.wonAmount += Double(amount)
                                t.dealAmountSum += Double(amount)
                                t.dealCount += 1
                                t.note(.wonAmount, o.id, Double(amount))
                                t.note(.deals, o.id, Double(amount))
                            }
                        }
                    } else if o.stage == .lost {
                        t.losses += 1
                        t.note(.losses, o.id)
                    }
                }
                // Open at the end of P: decided by closed_at alone (rule 9).
                if insideSales, o.createdAt < period.end, !(o.closedAt.map { $0 < period.end } ?? false) {
                    t.pipelineAmount += Double(o.amount ?? 0)
                    t.note(.pipeline, o.id, Double(o.amount ?? 0))
                }
            }
        }

        tallyCosts(facts.costs, period: period, attribution: attribution, into: &tallies)

        // response_rate's numerator: the group's worked leads that reacted in P.
        for key in Array(tallies.byGroup.keys) {
            let responded = tallies.byGroup[key]!.leadsWorked.intersection(reactedLeads)
            tallies.byGroup[key]!.respondedLeads = Double(responded.count)
            for leadId in responded.sorted() { tallies.byGroup[key]!.note(.respondedLeads, leadId) }
        }
        return tallies.byGroup
    }

    /// Costs: every month P touches counts in full (rule 5).
    func tallyCosts(_ costs: [Cost], period: Period, attribution: Attribution, into tallies: inout Tallies) {
        let months = Set(period.months)
        for c in costs where months.contains(c.month) {
            tallies.with(attribution.key(costChannel: c.channel)) { t in
                let id = CountedRecord.costId(c)
                t.cost += Double(c.amount)
                t.note(.cost, id, Double(c.amount))
                if c.category == .marketing {
                    t.marketingCost += Double(c.amount)
                    t.note(.marketingCost, id, Double(c.amount))
                }
                t.visits += Double(c.visits ?? 0)
                if let visits = c.visits { t.note(.visits, id, Double(visits)) }
            }
        }
    }
}
