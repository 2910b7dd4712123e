import Foundation
import MierukaCore
import Testing

/// A tiny hand-built organisation for hand-computed KPI tests. Times are JST wall-clock text.
enum Fixture {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let clock = OrgClock(timeZone: tokyo)

    /// "2026-05-01 09:00" (JST) → instant.
    static func t(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let date = LocalDate(parts[0])!
        let hm = parts.count > 1 ? parts[1].split(separator: ":").map { Int($0)! } : [0, 0]
        return clock.instant(date, hour: hm[0], minute: hm[1], second: hm.count > 2 ? hm[2] : 0)
    }

    static func d(_ text: String) -> LocalDate { LocalDate(text)! }

    static let reps = [
        Rep(id: "R1", name: "佐藤", team: "IS1", role: .sdr),
        Rep(id: "R2", name: "鈴木", team: "IS1", role: .bdr),
        Rep(id: "R3", name: "高橋", team: nil, role: .isr),
    ]

    static func call(_ id: String, _ lead: String, _ rep: String, _ at: String, connected: Bool? = false, seconds: Int? = 0,
                     direction: Direction = .outbound) -> Activity {
        Activity(id: id, leadId: lead, repId: rep, type: .call, direction: direction, occurredAt: t(at), durationSeconds: seconds, connected: connected)
    }

    static func email(_ id: String, _ lead: String, _ rep: String, _ at: String, opened: Bool? = false, clicked: Bool? = false,
                      replied: Bool? = false, bounced: Bool? = false, direction: Direction = .outbound) -> Activity {
        Activity(id: id, leadId: lead, repId: rep, type: .email, direction: direction, occurredAt: t(at), opened: opened, clicked: clicked,
                 replied: replied, bounced: bounced)
    }

    static func compute(_ leads: [Lead] = [], _ activities: [Activity] = [], opportunities: [Opportunity] = [],
                        customers: [CustomerMonth] = [], costs: [Cost] = [], from: String = "2026-05-01", to: String = "2026-06-01",
                        by grouping: KPIGrouping = .org, settings: OrganisationSettings = OrganisationSettings()) -> [String: KPIValue] {
        let engine = KPIEngine(settings: settings)
        let period = engine.period(from: d(from), to: d(to))
        let facts = KPIFacts.fromHistory(period: period, reps: reps, leads: leads, allActivities: activities, opportunities: opportunities,
                                         customers: customers, costs: costs)
        var out: [String: KPIValue] = [:]
        let results = engine.compute(facts, period: period, grouping: grouping)
        for r in results {
            out[grouping == .org ? r.kpi : "\(r.kpi)|\(r.group ?? "null")"] = r.value
        }
        // Every hand-computed case also holds for the rollups: the same answers from per-day cells.
        if engine.rollupGrain(for: period) != nil {
            let cells = RollupContribution(settings: settings, reps: reps).cells(
                of: RollupUnit.units(leads: leads, activities: activities, opportunities: opportunities))
            let read = cells.read(period: period, grouping: grouping, reps: reps, costs: costs, customers: customers)
            let fromRollups = engine.compute(rollup: read, period: period, grouping: grouping)
            let difference = RollupAgreement.firstDifference(results, fromRollups)
            #expect(difference == nil, "rollups differ from the engine: \(difference ?? "")")
        }
        return out
    }
}
