import Foundation
import MierukaCore

/// Rebuilds domain records from database rows whose cells are in `Entity.columns` order.
enum RecordDecoding {
    static func rep(_ c: [DBValue]) -> Rep? {
        guard let id = c[0].text, let name = c[1].text, let role = c[3].text.flatMap(RepRole.init) else { return nil }
        return Rep(id: id, name: name, team: c[2].text, role: role, startedOn: c[4].localDate)
    }

    static func lead(_ c: [DBValue]) -> Lead? {
        guard let id = c[0].text, let channel = c[2].text, let created = c[3].date, let status = c[6].text.flatMap(LeadStatus.init)
        else { return nil }
        return Lead(
            id: id, company: c[1].text, channel: channel, createdAt: created, assignedTo: c[4].text, assignedAt: c[5].date,
            status: status, temperature: c[7].text.flatMap(LeadTemperature.init), mqlAt: c[8].date, sqlAt: c[9].date,
            lostReason: c[10].text, nextFollowUpOn: c[11].localDate, tags: c[12].text, industry: c[13].text, title: c[14].text)
    }

    static func activity(_ c: [DBValue]) -> Activity? {
        guard let id = c[0].text, let lead = c[1].text, let rep = c[2].text, let type = c[3].text.flatMap(ActivityType.init),
            let direction = c[4].text.flatMap(Direction.init), let at = c[5].date
        else { return nil }
        return Activity(
            id: id, leadId: lead, repId: rep, type: type, direction: direction, occurredAt: at, durationSeconds: c[6].int.map(Int.init),
            connected: c[7].bool, decisionMaker: c[8].bool, opened: c[9].bool, clicked: c[10].bool, replied: c[11].bool, bounced: c[12].bool)
    }

    static func opportunity(_ c: [DBValue]) -> Opportunity? {
        guard let id = c[0].text, let createdBy = c[2].text, let source = c[4].text.flatMap(OpportunitySource.init),
            let created = c[5].date, let stage = c[8].text.flatMap(OpportunityStage.init)
        else { return nil }
        return Opportunity(
            id: id, leadId: c[1].text, createdBy: createdBy, owner: c[3].text, source: source, createdAt: created, meetingAt: c[6].date,
            handedOffAt: c[7].date, stage: stage, amount: c[9].int, expectedCloseOn: c[10].localDate, closedAt: c[11].date,
            lostReason: c[12].text, budget: c[13].bool, authority: c[14].bool, timeline: c[15].bool, need: c[16].text.flatMap(Need.init),
            decisionProcess: c[17].text.flatMap(DecisionProcess.init), nextAction: c[18].text.flatMap(NextAction.init),
            isReactivation: c[19].bool)
    }

    static func customer(_ c: [DBValue]) -> CustomerMonth? {
        guard let id = c[0].text, let month = c[1].text.flatMap({ YearMonth($0) }), let mrr = c[2].int else { return nil }
        return CustomerMonth(customerId: id, month: month, mrr: mrr, plan: c[3].text, dormant: c[4].bool)
    }

    static func cost(_ c: [DBValue]) -> Cost? {
        guard let month = c[0].text.flatMap({ YearMonth($0) }), let category = c[2].text.flatMap(CostCategory.init), let amount = c[3].int
        else { return nil }
        return Cost(month: month, channel: c[1].text, category: category, amount: amount, visits: c[4].int)
    }

    static func target(_ c: [DBValue]) -> Target? {
        guard let kpi = c[0].text, let scope = c[1].text.flatMap(TargetScope.init), let period = c[3].text.flatMap(TargetPeriod.init),
            let start = c[4].localDate, let value = c[5].double
        else { return nil }
        let scopeId = c[2].text.flatMap { $0.isEmpty ? nil : $0 }
        return Target(kpi: kpi, scope: scope, scopeId: scopeId, period: period, periodStart: start, value: value)
    }
}
