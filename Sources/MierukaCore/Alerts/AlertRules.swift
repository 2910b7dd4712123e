import Foundation

/// The alert checks, each a pure function of facts already gathered (tested with hand-made data).
public struct AlertRules: Sendable {
    /// A KPI is behind when its pace is below 1 − margin (0.1: under 90 % of the line to the target); below
    /// 1 − 2 × margin the alert is critical.
    public var paceMargin = 0.1
    /// valid_opportunity_rate below this is an alert (seed 000: 50 %); below half of it, critical.
    public var validOpportunityFloor = 0.5
    /// Leads created within this many days are checked against the SLA (older ones are a backlog, not today's news).
    public var slaLookbackDays = 30
    /// Follow-ups due within this many days before today are checked.
    public var followUpLookbackDays = 90
    /// Local hour after which a rep with no activity today is flagged.
    public var noonHour = 12

    public init() {}

    /// KPIs with a target whose pace is behind (only counts and sums carry a pace).
    public func behindPace(_ lines: [ForecastLine], scope: Alert.Scope, group: String?) -> [Alert] {
        lines.compactMap { line in
            guard let pace = line.pace, pace < 1 - paceMargin, KPICatalog.standard[line.kpi]?.prefersLower != true else { return nil }
            return Alert(kind: .behindPace, severity: pace < 1 - 2 * paceMargin ? .critical : .warning, scope: scope, group: group,
                         kpi: line.kpi, value: pace, target: line.target)
        }
    }

    /// valid_opportunity_rate below the floor, for a group with at least one appointment.
    public func lowValidOpportunityRate(_ value: KPIValue, scope: Alert.Scope, group: String?) -> Alert? {
        guard let rate = value.value, rate < validOpportunityFloor else { return nil }
        return Alert(kind: .lowValidOpportunityRate, severity: rate < validOpportunityFloor / 2 ? .critical : .warning, scope: scope, group: group,
                     kpi: "valid_opportunity_rate", value: rate, target: validOpportunityFloor)
    }

    /// Per assigned rep (nil = no rep): SLA-scope leads created in the look-back window, older than the SLA now,
    /// with no outbound contact yet (and not disqualified or converted).
    public func slaBreaches(leads: [Lead], firstOutbound: [String: Date], now: Date, settings: OrganisationSettings) -> [Alert] {
        let windowStart = now.addingTimeInterval(-Double(slaLookbackDays) * 86_400)
        let due = now.addingTimeInterval(-settings.slaMinutes * 60)
        var byRep: [String?: [String]] = [:]
        for lead in leads where settings.isInSLAScope(channel: lead.channel) && lead.createdAt >= windowStart && lead.createdAt < due
            && firstOutbound[lead.id] == nil && lead.status != .disqualified && lead.status != .converted {
            byRep[lead.assignedTo, default: []].append(lead.id)
        }
        return byRep.sorted { ($0.key ?? "") < ($1.key ?? "") }.map { rep, ids in
            Alert(kind: .slaBreach, severity: .critical, scope: rep == nil ? .org : .rep, group: rep, value: Double(ids.count), leadIds: ids.sorted())
        }
    }

    /// Per assigned rep: leads whose follow-up day has passed (within the look-back) with no outbound activity on or after it.
    public func followUpsOverdue(leads: [Lead], outbound: [Activity], today: LocalDate, clock: OrgClock) -> [Alert] {
        var lastOutboundDay: [String: LocalDate] = [:]
        for a in outbound where a.isOutbound {
            let day = clock.localDate(of: a.occurredAt)
            if lastOutboundDay[a.leadId].map({ day > $0 }) ?? true { lastOutboundDay[a.leadId] = day }
        }
        let from = today.adding(days: -followUpLookbackDays)
        var byRep: [String?: [String]] = [:]
        for lead in leads {
            guard let due = lead.nextFollowUpOn, due < today, due >= from, lead.status != .disqualified, lead.status != .converted else { continue }
            if let last = lastOutboundDay[lead.id], last >= due { continue }
            byRep[lead.assignedTo, default: []].append(lead.id)
        }
        return byRep.sorted { ($0.key ?? "") < ($1.key ?? "") }.map { rep, ids in
            Alert(kind: .followUpOverdue, severity: .warning, scope: rep == nil ? .org : .rep, group: rep, value: Double(ids.count), leadIds: ids.sorted())
        }
    }

    /// Inside-sales reps who have started and logged no activity today, once it is past noon on a business day.
    public func idleReps(reps: [Rep], todaysActivities: [Activity], now: Date, settings: OrganisationSettings) -> [Alert] {
        let clock = settings.clock
        let today = clock.localDate(of: now)
        guard settings.calendar.isBusinessDay(today), clock.secondOfDay(of: now) >= noonHour * 3600 else { return [] }
        let active = Set(todaysActivities.filter { clock.localDate(of: $0.occurredAt) == today }.map(\.repId))
        return reps.filter { KGIPlanner.planningRoles.contains($0.role) && ($0.startedOn.map { $0 <= today } ?? true) && !active.contains($0.id) }
            .sorted { $0.id < $1.id }
            .map { Alert(kind: .noActivityByNoon, severity: .warning, scope: .rep, group: $0.id, value: 0) }
    }
}
