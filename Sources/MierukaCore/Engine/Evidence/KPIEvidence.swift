/// The records behind one KPI figure of one group: the base counts its numerator and denominator are made of, each with
/// the records it counted. Built by the engine's own tally, so the lists are exactly what the figure counted.
public struct KPIEvidence: Sendable {
    public enum Part: String, Sendable, CaseIterable, Codable {
        case numerator, denominator
    }

    public var kpi: String
    public var group: String?
    public var value: KPIValue
    public var numerator: [BaseCount]
    public var denominator: [BaseCount]
    /// Per base count, its records in the order the engine met them (distinct counts list each lead once).
    public var records: [BaseCount: [CountedRecord]]

    public func counts(of part: Part) -> [BaseCount] { part == .numerator ? numerator : denominator }

    /// The records of one part, base count by base count.
    public func records(of part: Part) -> [(count: BaseCount, record: CountedRecord)] {
        counts(of: part).flatMap { count in (records[count] ?? []).map { (count, $0) } }
    }

    /// What a base count adds to the formula: its number of records, or the sum of their values.
    public func total(_ count: BaseCount) -> Double {
        let list = records[count] ?? []
        return count.isValued ? list.reduce(0) { $0 + ($1.value ?? 0) } : Double(list.count)
    }

    /// What a part adds up to: the sum of its base counts' totals — except the denominator of an average (the same
    /// valued count on both sides), which is the number of values. nil for an empty part.
    public func total(of part: Part) -> Double? {
        let counts = counts(of: part)
        guard !counts.isEmpty else { return nil }
        if part == .denominator && numerator == denominator { return Double(records(of: .denominator).count) }
        return counts.reduce(0) { $0 + total($1) }
    }

    /// The base counts a KPI's numerator and denominator are made of (kpi-catalog.md's formulas). A sum of several
    /// counts is listed as several; roi's numerator is won amount minus cost; the customer KPIs read customer months.
    public static func parts(of kpi: String) -> (numerator: [BaseCount], denominator: [BaseCount]) {
        switch kpi {
        case "calls": return ([.calls], [])
        case "inbound_calls": return ([.inboundCalls], [])
        case "connects": return ([.connects], [])
        case "valid_conversations": return ([.validConversations], [])
        case "talk_minutes": return ([.talk], [])
        case "emails_sent": return ([.emailsSent], [])
        case "approaches": return ([.calls, .emailsSent], [])
        case "leads_worked": return ([.leadsWorked], [])
        case "new_leads": return ([.newLeads], [])
        case "mqls": return ([.mqls], [])
        case "sqls": return ([.sqls], [])
        case "appointments": return ([.appointments], [])
        case "meetings": return ([.meetings], [])
        case "valid_opportunities": return ([.validOpportunities], [])
        case "handoffs": return ([.handoffs], [])
        case "wins": return ([.wins], [])
        case "losses": return ([.losses], [])
        case "connect_rate": return ([.connects], [.calls])
        case "valid_conversation_rate": return ([.validConversations], [.connects])
        case "appointment_rate": return ([.appointments], [.validConversations])
        case "appointment_per_approach_rate": return ([.appointments], [.calls, .emailsSent])
        case "email_open_rate": return ([.emailsOpened], [.emailsDelivered])
        case "email_click_rate": return ([.emailsClicked], [.emailsDelivered])
        case "email_reply_rate": return ([.emailsReplied], [.emailsSent])
        case "response_rate": return ([.respondedLeads], [.leadsWorked])
        case "followups_per_lead": return ([.calls, .emailsSent], [.leadsWorked])
        case "opportunity_rate": return ([.appointments], [.leadsWorked])
        case "mql_to_appointment_rate": return ([.appointments], [.mqls])
        case "meeting_rate": return ([.meetings], [.appointments])
        case "mql_rate": return ([.mqls], [.newLeads])
        case "sql_rate": return ([.sqls], [.newLeads])
        case "mql_to_sql_rate": return ([.sqls], [.mqls])
        case "valid_opportunity_rate": return ([.validOpportunities], [.appointments])
        case "win_rate": return ([.wins], [.wins, .losses])
        case "quality_score_avg": return ([.quality], [.appointments])
        case "first_response_minutes_avg": return ([.firstResponses], [.firstResponses])
        case "first_response_minutes_median": return ([], [.firstResponses])
        case "sla_compliance_rate": return ([.slaCompliant], [.slaLeads])
        case "assignment_to_contact_minutes_median": return ([], [.assignmentToContact])
        case "recontact_interval_days_avg": return ([.recontacts], [.recontacts])
        case "recontact_interval_days_median": return ([], [.recontacts])
        case "first_call_connect_rate": return ([.firstCallsConnected], [.firstCalls])
        case "won_amount": return ([.wonAmount], [])
        case "opportunity_amount": return ([.opportunityAmount], [])
        case "avg_deal_size": return ([.deals], [.deals])
        case "sales_cycle_days_avg": return ([.salesCycle], [.salesCycle])
        case "lead_to_win_days_avg": return ([.leadToWin], [.leadToWin])
        case "pipeline_amount": return ([.pipeline], [])
        case "cost": return ([.cost], [])
        case "cac": return ([.cost], [.insideSalesWins])
        case "cpl": return ([.marketingCost], [.newLeads])
        case "cvr": return ([.newLeads], [.visits])
        case "roi": return ([.wonAmount, .cost], [.cost])
        case "ltv": return ([.customerMonths], [])
        case "ltv_cac_ratio": return ([.customerMonths], [.cost, .insideSalesWins])
        case "forecast_accuracy": return ([.wonAmount], [.wonAmount])
        case "nrr", "expansion_mrr_share", "upsell_rate", "win_back_rate": return ([.customerMonths], [])
        case "dormant_touches_avg": return ([.dormantApproaches], [.dormantLeadsWorked])
        case "reactivation_rate": return ([.reactivations], [.dormantLeadsWorked])
        default: return ([], [])
        }
    }
}

extension KPIEngine {
    /// The figure of `kpi` for `group` in P and the records behind it, from the same tally as `compute`.
    public func evidence(of kpi: String, group: String?, grouping: KPIGrouping, facts: KPIFacts, period: Period) -> KPIEvidence {
        let attribution = Attribution(facts: facts, grouping: grouping)
        let tallies = tally(facts, period: period, attribution: attribution, traced: TracedGroup(group: group))
        let tally = tallies[group] ?? GroupTally(keepsRecords: true)
        let customers = grouping == .org ? CustomerFigures(customers: facts.customers, period: period, margin: settings.grossMargin) : nil
        var records: [BaseCount: [CountedRecord]] = [:]
        for (count, list) in tally.records ?? [:] {
            if count.isDistinct {
                var seen: Set<String> = []
                records[count] = list.filter { seen.insert($0.id).inserted }
            } else {
                records[count] = list
            }
        }
        // The customer KPIs (org only) read the customer months from the month before P to P's last month.
        if grouping == .org {
            let first = period.monthBefore, last = period.lastMonth
            records[.customerMonths] = facts.customers.filter { $0.month >= first && $0.month <= last }
                .sorted { ($0.month, $0.customerId) < ($1.month, $1.customerId) }
                .map { CountedRecord(entity: .customers, id: CountedRecord.customerId($0), value: Double($0.mrr)) }
        }
        let (numerator, denominator) = KPIEvidence.parts(of: kpi)
        return KPIEvidence(kpi: kpi, group: group, value: value(of: kpi, tally: tally, customers: customers, facts: facts),
                           numerator: numerator, denominator: denominator, records: records)
    }
}
