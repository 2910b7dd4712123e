/// The catalog's formulas over one group's base counts: one case per KPI id, nothing counted here.
extension KPIEngine {
    func value(of id: String, tally t: GroupTally, customers: CustomerFigures?, facts: KPIFacts) -> KPIValue {
        switch id {
        case "calls": return .total(t.calls)
        case "inbound_calls": return .total(t.inboundCalls)
        case "connects": return .total(t.connects)
        case "valid_conversations": return .total(t.validConversations)
        case "talk_minutes": return .total(t.talkSeconds / 60)
        case "emails_sent": return .total(t.emailsSent)
        case "approaches": return .total(t.approaches)
        case "leads_worked": return .total(t.leadsWorkedCount)
        case "new_leads": return .total(t.newLeads)
        case "mqls": return .total(t.mqls)
        case "sqls": return .total(t.sqls)
        case "appointments": return .total(t.appointments)
        case "meetings": return .total(t.meetings)
        case "valid_opportunities": return .total(t.validOpportunities)
        case "handoffs": return .total(t.handoffs)
        case "wins": return .total(t.wins)
        case "losses": return .total(t.losses)

        case "connect_rate": return .ratio(t.connects, t.calls)
        case "valid_conversation_rate": return .ratio(t.validConversations, t.connects)
        case "appointment_rate": return .ratio(t.appointments, t.validConversations)
        case "appointment_per_approach_rate": return .ratio(t.appointments, t.approaches)
        case "email_open_rate": return .ratio(t.emailsOpened, t.emailsSent - t.emailsBounced)
        case "email_click_rate": return .ratio(t.emailsClicked, t.emailsSent - t.emailsBounced)
        case "email_reply_rate": return .ratio(t.emailsReplied, t.emailsSent)
        case "response_rate": return .ratio(t.respondedLeads, t.leadsWorkedCount)
        case "followups_per_lead": return .ratio(t.approaches, t.leadsWorkedCount)
        case "opportunity_rate": return .ratio(t.appointments, t.leadsWorkedCount)
        case "mql_to_appointment_rate": return .ratio(t.appointments, t.mqls)
        case "meeting_rate": return .ratio(t.meetings, t.appointments)
        case "mql_rate": return .ratio(t.mqls, t.newLeads)
        case "sql_rate": return .ratio(t.sqls, t.newLeads)
        case "mql_to_sql_rate": return .ratio(t.sqls, t.mqls)
        case "valid_opportunity_rate": return .ratio(t.validOpportunities, t.appointments)
        case "win_rate": return .ratio(t.wins, t.wins + t.losses)
        case "quality_score_avg": return .ratio(t.qualitySum, t.appointments)

        case "first_response_minutes_avg": return .ratio(Self.orderFreeSum(t.firstResponseMinutes), Double(t.firstResponseMinutes.count))
        case "first_response_minutes_median": return .median(of: t.firstResponseMinutes)
        case "sla_compliance_rate": return .ratio(t.slaCompliant, t.slaLeads)
        case "assignment_to_contact_minutes_median": return .median(of: t.assignmentToContactMinutes)
        case "recontact_interval_days_avg": return .ratio(Self.orderFreeSum(t.recontactDays), Double(t.recontactDays.count))
        case "recontact_interval_days_median": return .median(of: t.recontactDays)
        case "first_call_connect_rate": return .ratio(t.firstCallsConnected, t.firstCalls)

        case "won_amount": return .total(t.wonAmount)
        case "opportunity_amount": return .total(t.opportunityAmount)
        case "avg_deal_size": return .ratio(t.dealAmountSum, t.dealCount)
        case "sales_cycle_days_avg": return .ratio(t.salesCycleDaysSum, t.salesCycleCount)
        case "lead_to_win_days_avg": return .ratio(t.leadToWinDaysSum, t.leadToWinCount)
        case "pipeline_amount": return .total(t.pipelineAmount)
        case "cost": return .total(t.cost)
        case "cac": return .ratio(t.cost, t.insideSalesWins)
        case "cpl": return .ratio(t.marketingCost, t.newLeads)
        case "cvr": return .ratio(t.newLeads, t.visits)
        case "roi": return .ratio(t.wonAmount - t.cost, t.cost)
        case "ltv": return customers?.ltv ?? .undefined
        case "ltv_cac_ratio":
            let ltv = customers?.ltv.value
            let cac = KPIValue.ratio(t.cost, t.insideSalesWins).value
            guard let ltv, let cac else { return KPIValue(numerator: ltv, denominator: cac, value: nil) }
            return .ratio(ltv, cac)
        case "forecast_accuracy":
            // 1 − |forecast − actual| ÷ actual, written as (actual − |forecast − actual|) ÷ actual to keep the ratio shape.
            guard let forecast = facts.recordedForecasts["won_amount"] else { return .undefined }
            return .ratio(t.wonAmount - abs(forecast - t.wonAmount), t.wonAmount)
        case "nrr": return customers?.nrr ?? .undefined
        case "expansion_mrr_share": return customers?.expansionMRRShare ?? .undefined
        case "upsell_rate": return customers?.upsellRate ?? .undefined
        case "win_back_rate": return customers?.winBackRate ?? .undefined
        case "dormant_touches_avg": return .ratio(t.dormantApproaches, t.dormantLeadsWorkedCount)
        case "reactivation_rate": return .ratio(t.reactivations, t.dormantLeadsWorkedCount)
        default: return .undefined
        }
    }

    /// The sum of fractional values (minutes, days) in ascending order: floating-point addition depends on the order, and
    /// the order records arrive in is the database's plan, not ours — the same question must give the same digits.
    static func orderFreeSum(_ values: [Double]) -> Double { values.sorted().reduce(0, +) }
}
