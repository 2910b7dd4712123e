/// The kinds of canonical records, in the order an import must load them (references point backwards).
public enum Entity: String, Sendable, CaseIterable, Codable {
    case reps, leads, activities, opportunities, customers, costs, targets

    /// Canonical CSV headers, in file order (data-model.md).
    public var headers: [String] {
        switch self {
        case .reps: return ["rep_id", "name", "team", "role", "started_on"]
        case .leads:
            return ["lead_id", "company", "channel", "created_at", "assigned_to", "assigned_at", "status", "temperature", "mql_at",
                    "sql_at", "lost_reason", "next_follow_up_on", "tags", "industry", "title"]
        case .activities:
            return ["activity_id", "lead_id", "rep_id", "type", "direction", "occurred_at", "duration_seconds", "connected",
                    "decision_maker", "opened", "clicked", "replied", "bounced"]
        case .opportunities:
            return ["opportunity_id", "lead_id", "created_by", "owner", "source", "created_at", "meeting_at", "handed_off_at", "stage",
                    "amount", "expected_close_on", "closed_at", "lost_reason", "budget", "authority", "timeline", "need",
                    "decision_process", "next_action", "is_reactivation"]
        case .customers: return ["customer_id", "month", "mrr", "plan", "dormant"]
        case .costs: return ["month", "channel", "category", "amount", "visits"]
        case .targets: return ["kpi", "scope", "scope_id", "period", "period_start", "value"]
        }
    }

    /// The entity a canonical file name stands for (`leads.csv` → leads).
    public init?(fileName: String) {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let stem = base.split(separator: ".").first.map { $0.lowercased() } ?? ""
        self.init(rawValue: stem)
    }

    public var ja: String {
        switch self {
        case .reps: return "担当者"
        case .leads: return "リード"
        case .activities: return "活動"
        case .opportunities: return "商談"
        case .customers: return "既存顧客売上"
        case .costs: return "コスト"
        case .targets: return "目標"
        }
    }
}
