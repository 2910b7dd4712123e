/// The KPIs on the planner's chain from the KGI down to the daily activity (method.md §2): revenue → wins → win rate
/// → meetings → appointments → valid conversations → connects → calls, and the lead side (new leads → MQL → SQL).
/// A target on one of these moves the KGI; the SMART check's "Relevant" asks for it.
public enum KGIChain {
    public static let kgi = "won_amount"

    public static let kpis: [String] = [
        "won_amount", "wins", "win_rate", "meetings", "meeting_rate", "appointments", "appointment_rate",
        "valid_conversations", "valid_conversation_rate", "connects", "connect_rate", "calls",
        "sqls", "mqls", "new_leads", "mql_to_sql_rate", "mql_rate",
    ]

    public static func contains(_ kpi: String) -> Bool { kpis.contains(kpi) }
}
