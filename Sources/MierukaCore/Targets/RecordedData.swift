/// The kinds of stored records a KPI is computed from: the SMART check's "Measurable" asks whether they exist.
public enum RecordedData: String, Sendable, Hashable, Codable, CaseIterable {
    case leads, activities, opportunities, customers, costs
    /// Landing forecasts recorded while a period ran (forecast_accuracy); the dashboard and `mieruka forecast` record one a day.
    case forecasts

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.leads, .ja): return "リード"
        case (.activities, .ja): return "活動(架電・メール)"
        case (.opportunities, .ja): return "商談"
        case (.customers, .ja): return "顧客(月次MRR)"
        case (.costs, .ja): return "コスト"
        case (.forecasts, .ja): return "記録された予測"
        case (.leads, .en): return "leads"
        case (.activities, .en): return "activities (calls, emails)"
        case (.opportunities, .en): return "opportunities"
        case (.customers, .en): return "customers (monthly MRR)"
        case (.costs, .en): return "costs"
        case (.forecasts, .en): return "recorded forecasts"
        }
    }

    /// What each catalog KPI is computed from (kpi-catalog.md's formulas). A test keeps it in step with the catalog.
    public static func needed(by kpi: String) -> Set<RecordedData>? { needs[kpi] }

    private static let needs: [String: Set<RecordedData>] = {
        var n: [String: Set<RecordedData>] = [:]
        for id in ["calls", "inbound_calls", "connects", "valid_conversations", "talk_minutes", "emails_sent", "approaches", "leads_worked",
                   "connect_rate", "valid_conversation_rate", "email_open_rate", "email_click_rate", "email_reply_rate", "response_rate",
                   "followups_per_lead", "recontact_interval_days_avg", "recontact_interval_days_median", "first_call_connect_rate"] {
            n[id] = [.activities]
        }
        for id in ["new_leads", "mqls", "sqls", "mql_rate", "sql_rate", "mql_to_sql_rate"] { n[id] = [.leads] }
        // Response times start at the lead and end at the first outbound activity; dormant touches need the lead's channel.
        for id in ["first_response_minutes_avg", "first_response_minutes_median", "sla_compliance_rate",
                   "assignment_to_contact_minutes_median", "dormant_touches_avg"] {
            n[id] = [.leads, .activities]
        }
        for id in ["appointments", "meetings", "valid_opportunities", "handoffs", "wins", "losses", "win_rate", "quality_score_avg",
                   "meeting_rate", "valid_opportunity_rate", "won_amount", "opportunity_amount", "avg_deal_size", "sales_cycle_days_avg",
                   "pipeline_amount"] {
            n[id] = [.opportunities]
        }
        for id in ["appointment_rate", "appointment_per_approach_rate", "opportunity_rate"] { n[id] = [.opportunities, .activities] }
        for id in ["mql_to_appointment_rate", "lead_to_win_days_avg"] { n[id] = [.opportunities, .leads] }
        n["reactivation_rate"] = [.opportunities, .activities, .leads]
        n["cost"] = [.costs]
        n["cac"] = [.costs, .opportunities]
        n["roi"] = [.costs, .opportunities]
        n["cpl"] = [.costs, .leads]
        n["cvr"] = [.costs, .leads]
        for id in ["ltv", "nrr", "expansion_mrr_share", "upsell_rate", "win_back_rate"] { n[id] = [.customers] }
        n["ltv_cac_ratio"] = [.customers, .costs, .opportunities]
        n["forecast_accuracy"] = [.forecasts]
        return n
    }()
}
