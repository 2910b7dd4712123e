import MierukaCore

/// How each canonical entity sits in the database: table, columns (canonical header order) and key.
extension Entity {
    public var table: String { rawValue }

    /// The columns that identify a row: the dedupe key of re-imports.
    public var keyColumns: [String] {
        switch self {
        case .reps: return ["rep_id"]
        case .leads: return ["lead_id"]
        case .activities: return ["activity_id"]
        case .opportunities: return ["opportunity_id"]
        case .customers: return ["customer_id", "month"]
        case .costs: return []
        case .targets: return ["kpi", "scope", "scope_id", "period", "period_start"]
        }
    }

    public var columns: [String] { headers }
}
