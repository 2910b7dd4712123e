import Foundation

/// The base counts of one group in one period, from which every catalog formula is computed.
struct GroupTally {
    // Activities in P.
    var calls = 0.0, inboundCalls = 0.0, connects = 0.0, validConversations = 0.0, talkSeconds = 0.0
    var emailsSent = 0.0, emailsBounced = 0.0, emailsOpened = 0.0, emailsClicked = 0.0, emailsReplied = 0.0
    var leadsWorked: Set<String> = []
    /// Worked leads with a reaction in P by anyone (response_rate).
    var respondedLeads = 0.0
    var dormantApproaches = 0.0
    var dormantLeadsWorked: Set<String> = []
    // Leads.
    var newLeads = 0.0, mqls = 0.0, sqls = 0.0
    var firstResponseMinutes: [Double] = []
    var slaLeads = 0.0, slaCompliant = 0.0
    var assignmentToContactMinutes: [Double] = []
    var recontactDays: [Double] = []
    var firstCalls = 0.0, firstCallsConnected = 0.0
    // Opportunities.
    var appointments = 0.0, meetings = 0.0, validOpportunities = 0.0, handoffs = 0.0, wins = 0.0, losses = 0.0
    var insideSalesWins = 0.0
    var qualitySum = 0.0
    var reactivations = 0.0
    var wonAmount = 0.0, opportunityAmount = 0.0, pipelineAmount = 0.0
    var dealAmountSum = 0.0, dealCount = 0.0
    var salesCycleDaysSum = 0.0, salesCycleCount = 0.0
    var leadToWinDaysSum = 0.0, leadToWinCount = 0.0
    // Costs.
    var cost = 0.0, marketingCost = 0.0, visits = 0.0

    var approaches: Double { calls + emailsSent }

    /// Distinct counts given directly (from rollups, which keep counts rather than the sets).
    var countedLeadsWorked: Double?
    var countedDormantLeadsWorked: Double?
    var leadsWorkedCount: Double { countedLeadsWorked ?? Double(leadsWorked.count) }
    var dormantLeadsWorkedCount: Double { countedDormantLeadsWorked ?? Double(dormantLeadsWorked.count) }

    /// The records behind each count, kept only for the group a drill-down asks about (nil otherwise: no cost).
    var records: [BaseCount: [CountedRecord]]?

    init(keepsRecords: Bool = false) {
        records = keepsRecords ? [:] : nil
    }

    mutating func note(_ count: BaseCount, _ id: String, _ value: Double? = nil) {
        guard records != nil else { return }
        records![count, default: []].append(CountedRecord(entity: count.entity, id: id, value: value))
    }
}
