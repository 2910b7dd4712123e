import MierukaCore

/// The rollups' SQL, the same text for SQLite and PostgreSQL (`?` placeholders; Store.execute/query number them).
enum RollupSQL {
    /// Which units staged rows touch: a lead's records belong to the lead; an opportunity without a lead is its own unit.
    static func stagedUnits(_ entity: Entity, staging: String, table: String) -> String? {
        switch entity {
        case .leads:
            return "SELECT lead_id FROM \(staging)"
        case .activities:
            return "SELECT lead_id FROM \(staging) UNION SELECT t.lead_id FROM \(table) t JOIN \(staging) s ON t.activity_id = s.activity_id"
        case .opportunities:
            return "SELECT COALESCE(lead_id, ? || opportunity_id) FROM \(staging) UNION "
                + "SELECT COALESCE(t.lead_id, ? || t.opportunity_id) FROM \(table) t JOIN \(staging) s ON t.opportunity_id = s.opportunity_id"
        default:
            return nil
        }
    }

    static func stagedUnitBinds(_ entity: Entity) -> [DBValue] {
        entity == .opportunities ? [.text(RollupUnit.opportunityPrefix), .text(RollupUnit.opportunityPrefix)] : []
    }

    static func select(_ entity: Entity, where clause: String) -> String {
        "SELECT \(entity.columns.joined(separator: ",")) FROM \(entity.table) WHERE \(clause)"
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

    /// `n` row tuples of `width` placeholders, for VALUES lists.
    static func rows(_ n: Int, width: Int) -> String {
        Array(repeating: "(" + placeholders(width) + ")", count: n).joined(separator: ",")
    }
}
