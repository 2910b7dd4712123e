import Foundation
import MierukaCore

/// Today's alerts for the whole organisation, from the month's targets and figures and the recent leads and activities.
/// Callers filter them by what the viewer may see (AccessPolicy.seesAlert).
public struct AlertService: Sendable {
    public let store: any Store
    public var rules = AlertRules()

    public init(store: any Store) { self.store = store }

    public func alerts(now: Date) async throws -> [Alert] {
        let settings = try await store.settings()
        let clock = settings.clock
        let today = clock.localDate(of: now)
        let from = today.yearMonth.firstDay
        let to = from.adding(months: 1)
        let calendar = settings.calendar
        let elapsed = calendar.businessDays(from: from, to: today.adding(days: 1))
        let total = calendar.businessDays(from: from, to: to)
        var alerts: [Alert] = []

        // Pace against this month's targets, per organisation, team and rep; valid opportunity rate per organisation and team.
        var targets: [KPIGrouping: [String?: [String: Double]]] = [:]
        for t in try await store.targets() where t.period == .month && t.periodStart == from {
            switch t.scope {
            case .org: targets[.org, default: [:]]["org", default: [:]][t.kpi] = t.value
            case .team: targets[.team, default: [:]][t.scopeId, default: [:]][t.kpi] = t.value
            case .rep: targets[.rep, default: [:]][t.scopeId, default: [:]][t.kpi] = t.value
            }
        }
        let kpis = Set(targets.values.flatMap { $0.values.flatMap(\.keys) }).union(["valid_opportunity_rate"])
        for (grouping, scope) in [(KPIGrouping.org, Alert.Scope.org), (.team, .team), (.rep, .rep)] {
            let results = try await KPIService(store: store).compute(from: from, to: today.adding(days: 1), by: KPIBreakdown(rawValue: grouping.rawValue)!, only: kpis)
            let lines = ForecastLine.lines(results.filter { $0.kpi != "valid_opportunity_rate" }, targets: targets[grouping] ?? [:], elapsed: elapsed, total: total)
            // Groups in order: the dashboard lists the first alerts and folds the rest, so the order must not change
            // between two renders of the same data (a Set's order does).
            for group in Set(lines.compactMap(\.group)).sorted() {
                alerts += rules.behindPace(lines.filter { $0.group == group }, scope: scope, group: scope == .org ? nil : group)
            }
            if scope != .rep {
                for line in results where line.kpi == "valid_opportunity_rate" {
                    guard let group = line.group else { continue }
                    if let alert = rules.lowValidOpportunityRate(line.value, scope: scope, group: scope == .org ? nil : group) { alerts.append(alert) }
                }
            }
        }

        // Leads and activities of the look-back window: SLA breaches, overdue follow-ups, reps idle by noon.
        let window = max(rules.slaLookbackDays, rules.followUpLookbackDays)
        let engine = KPIEngine(settings: settings)
        let facts = try await store.facts(for: engine.period(from: today.adding(days: -window), to: today.adding(days: 1)))
        alerts += rules.slaBreaches(leads: facts.leads, firstOutbound: facts.contactHistory.compactMapValues(\.firstOutboundAt), now: now, settings: settings)
        alerts += rules.followUpsOverdue(leads: facts.leads, outbound: facts.activities, today: today, clock: clock)
        alerts += rules.idleReps(reps: facts.reps, todaysActivities: facts.activities, now: now, settings: settings)
        return alerts.enumerated().sorted { a, b in
            (a.element.severity == .critical ? 0 : 1, a.offset) < (b.element.severity == .critical ? 0 : 1, b.offset)
        }.map(\.element)
    }
}
