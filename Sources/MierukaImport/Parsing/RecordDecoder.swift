import Foundation
import MierukaCore
import MierukaStore

/// Turns one source row into a canonical record, or into the issues that explain why it cannot be one.
enum RecordDecoder {
    /// The record (nil when any field is bad), the row's id even when other fields are bad, and the issues.
    static func decode(_ layout: RowLayout, cells: [String], line: Int) -> (record: CanonicalRecord?, key: String?, issues: [ImportIssue]) {
        var f = RowFields(layout: layout, cells: cells, line: line)
        for (field, indices) in layout.indices.sorted(by: { $0.value.min() ?? 0 < $1.value.min() ?? 0 }) {
            for i in indices where cells[i].utf8.count > RowFields.maxCellCharacters && cells[i].count > RowFields.maxCellCharacters {
                f.issues.append(ImportIssue(
                    file: layout.file, line: line, column: field,
                    message: "the cell is \(cells[i].count) characters long; at most \(RowFields.maxCellCharacters) are allowed "
                        + "(a quote that is never closed swallows the following rows: check the quotes from this line on)"))
            }
        }
        if !f.issues.isEmpty { return (nil, nil, f.issues) }
        let record: CanonicalRecord?
        var key: String?
        switch layout.entity {
        case .reps:
            let id = f.id("rep_id")
            key = id
            let name = f.text("name", required: true)
            let team = f.text("team")
            let role = f.enumeration("role", RepRole.self, required: true)
            let started = f.date("started_on")
            record = zip4(id, name, role, ()).map { t in .rep(Rep(id: t.0, name: t.1, team: team, role: t.2, startedOn: started)) }
        case .leads:
            let id = f.id("lead_id")
            key = id
            let company = f.text("company")
            let channel = f.text("channel", required: true)
            let created = f.datetime("created_at", required: true)
            let assignedTo = f.id("assigned_to", required: false)
            let assignedAt = f.datetime("assigned_at")
            let status = f.enumeration("status", LeadStatus.self, required: true)
            let temperature = f.enumeration("temperature", LeadTemperature.self)
            let mql = f.datetime("mql_at")
            let sql = f.datetime("sql_at")
            let lost = f.text("lost_reason")
            let followUp = f.date("next_follow_up_on")
            let tags = f.text("tags")
            let industry = f.text("industry")
            let title = f.text("title")
            record = zip4(id, channel, created, status).map { t in
                .lead(Lead(id: t.0, company: company, channel: t.1, createdAt: t.2, assignedTo: assignedTo, assignedAt: assignedAt,
                           status: t.3, temperature: temperature, mqlAt: mql, sqlAt: sql, lostReason: lost, nextFollowUpOn: followUp,
                           tags: tags, industry: industry, title: title))
            }
        case .activities:
            let id = f.id("activity_id")
            key = id
            let lead = f.id("lead_id")
            let rep = f.id("rep_id")
            let type = f.enumeration("type", ActivityType.self, required: true)
            let direction = f.enumeration("direction", Direction.self, required: true)
            let at = f.datetime("occurred_at", required: true)
            let duration = f.seconds("duration_seconds")
            let connected = f.bool("connected")
            let dm = f.bool("decision_maker")
            let opened = f.bool("opened")
            let clicked = f.bool("clicked")
            let replied = f.bool("replied")
            let bounced = f.bool("bounced")
            if let id, let lead, let rep, let type, let direction, let at, f.issues.isEmpty {
                record = .activity(Activity(
                    id: id, leadId: lead, repId: rep, type: type, direction: direction, occurredAt: at,
                    durationSeconds: duration.map { Int($0) }, connected: connected, decisionMaker: dm, opened: opened, clicked: clicked,
                    replied: replied, bounced: bounced))
            } else {
                record = nil
            }
        case .opportunities:
            let id = f.id("opportunity_id")
            key = id
            let lead = f.id("lead_id", required: false)
            let createdBy = f.id("created_by")
            let owner = f.id("owner", required: false)
            let source = f.enumeration("source", OpportunitySource.self, required: true)
            let created = f.datetime("created_at", required: true)
            let meeting = f.datetime("meeting_at")
            let handedOff = f.datetime("handed_off_at")
            let stage = f.enumeration("stage", OpportunityStage.self, required: true)
            let amount = f.money("amount")
            let expected = f.date("expected_close_on")
            let closed = f.datetime("closed_at")
            let lost = f.text("lost_reason")
            let budget = f.bool("budget")
            let authority = f.bool("authority")
            let timeline = f.bool("timeline")
            let need = f.enumeration("need", Need.self)
            let process = f.enumeration("decision_process", DecisionProcess.self)
            let next = f.enumeration("next_action", NextAction.self)
            let reactivation = f.bool("is_reactivation")
            if let id, let createdBy, let source, let created, let stage, f.issues.isEmpty {
                record = .opportunity(Opportunity(
                    id: id, leadId: lead, createdBy: createdBy, owner: owner, source: source, createdAt: created, meetingAt: meeting,
                    handedOffAt: handedOff, stage: stage, amount: amount, expectedCloseOn: expected, closedAt: closed, lostReason: lost,
                    budget: budget, authority: authority, timeline: timeline, need: need, decisionProcess: process, nextAction: next,
                    isReactivation: reactivation))
            } else {
                record = nil
            }
        case .customers:
            let id = f.id("customer_id")
            let month = f.month("month", required: true)
            key = id.flatMap { id in month.map { id + "|" + $0.description } }
            let mrr = f.money("mrr", required: true)
            let plan = f.text("plan")
            let dormant = f.bool("dormant")
            record = zip4(id, month, mrr, ()).map { t in .customer(CustomerMonth(customerId: t.0, month: t.1, mrr: t.2, plan: plan, dormant: dormant)) }
        case .costs:
            let month = f.month("month", required: true)
            let channel = f.text("channel")
            let category = f.enumeration("category", CostCategory.self, required: true)
            let amount = f.money("amount", required: true)
            let visits = f.integer("visits", what: "a number of visits")
            record = zip4(month, category, amount, ()).map { t in .cost(Cost(month: t.0, channel: channel, category: t.1, amount: t.2, visits: visits)) }
        case .targets:
            let kpi = f.text("kpi", required: true)
            if let kpi, KPICatalog.standard[kpi] == nil {
                f.issue("kpi", "\"\(kpi)\" is not a KPI id of the catalog (see `mieruka catalog`)")
            }
            let scope = f.enumeration("scope", TargetScope.self, required: true)
            let scopeId = f.id("scope_id", required: false)
            if let scope, scope != .org, scopeId == nil { f.issue("scope_id", "is empty, but a \(scope.rawValue) target needs the \(scope == .rep ? "rep_id" : "team name")") }
            let period = f.enumeration("period", TargetPeriod.self, required: true)
            let start = f.date("period_start", required: true)
            let value = f.number("value", required: true)
            if let kpi, let scope, let period, let start, let value, f.issues.isEmpty {
                let target = Target(kpi: kpi, scope: scope, scopeId: scope == .org ? nil : scopeId, period: period, periodStart: start, value: value)
                key = target.key
                record = .target(target)
            } else {
                record = nil
            }
        }
        return (f.issues.isEmpty ? record : nil, key, f.issues)
    }

    private static func zip4<A, B, C, D>(_ a: A?, _ b: B?, _ c: C?, _ d: D?) -> (A, B, C, D)? {
        guard let a, let b, let c, let d else { return nil }
        return (a, b, c, d)
    }
}
