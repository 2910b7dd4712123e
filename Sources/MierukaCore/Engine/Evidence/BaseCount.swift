/// The base counts the engine tallies per group, named so a figure can list the records behind it (drill-down).
/// Every catalog formula is built from these; `KPIEvidence.parts(of:)` says which ones make a KPI's numerator and denominator.
public enum BaseCount: String, CaseIterable, Sendable, Codable {
    // Activities in P.
    case calls, inboundCalls, connects, validConversations, talk
    case emailsSent, emailsDelivered, emailsBounced, emailsOpened, emailsClicked, emailsReplied
    case leadsWorked, respondedLeads, dormantApproaches, dormantLeadsWorked, recontacts
    // Leads.
    case newLeads, mqls, sqls, slaLeads, slaCompliant, firstResponses, assignmentToContact, firstCalls, firstCallsConnected
    // Opportunities.
    case appointments, meetings, validOpportunities, handoffs, wins, losses, insideSalesWins, quality, reactivations
    case wonAmount, opportunityAmount, pipeline, deals, salesCycle, leadToWin
    // Costs and existing customers.
    case cost, marketingCost, visits, customerMonths

    /// The kind of record this count is made of.
    public var entity: Entity {
        switch self {
        case .calls, .inboundCalls, .connects, .validConversations, .talk, .emailsSent, .emailsDelivered, .emailsBounced,
             .emailsOpened, .emailsClicked, .emailsReplied, .dormantApproaches, .recontacts:
            return .activities
        case .leadsWorked, .respondedLeads, .dormantLeadsWorked, .newLeads, .mqls, .sqls, .slaLeads, .slaCompliant,
             .firstResponses, .assignmentToContact, .firstCalls, .firstCallsConnected:
            return .leads
        case .appointments, .meetings, .validOpportunities, .handoffs, .wins, .losses, .insideSalesWins, .quality,
             .reactivations, .wonAmount, .opportunityAmount, .pipeline, .deals, .salesCycle, .leadToWin:
            return .opportunities
        case .cost, .marketingCost, .visits: return .costs
        case .customerMonths: return .customers
        }
    }

    /// Counts of distinct leads: a lead worked three times is one record.
    public var isDistinct: Bool { [.leadsWorked, .respondedLeads, .dormantLeadsWorked].contains(self) }

    /// Counts whose records each carry a value (minutes, yen, days, a score) that the formula adds or takes the median of.
    public var isValued: Bool {
        [.talk, .recontacts, .firstResponses, .assignmentToContact, .quality, .wonAmount, .opportunityAmount, .pipeline,
         .deals, .salesCycle, .leadToWin, .cost, .marketingCost, .visits].contains(self)
    }

    /// What the count is, as a user reads it.
    public func label(japanese: Bool) -> String {
        let (ja, en) = Self.labels[self]!
        return japanese ? ja : en
    }

    private static let labels: [BaseCount: (String, String)] = [
        .calls: ("架電（発信）", "outbound calls"), .inboundCalls: ("受電", "inbound calls"), .connects: ("接続した架電", "connected calls"),
        .validConversations: ("有効会話", "valid conversations"), .talk: ("通話（分）", "calls (minutes)"),
        .emailsSent: ("送信メール", "emails sent"), .emailsDelivered: ("届いたメール（不達を除く）", "emails delivered (not bounced)"),
        .emailsBounced: ("不達メール", "bounced emails"), .emailsOpened: ("開封されたメール", "emails opened"),
        .emailsClicked: ("クリックされたメール", "emails clicked"), .emailsReplied: ("返信されたメール", "emails replied"),
        .leadsWorked: ("アプローチしたリード", "leads worked"), .respondedLeads: ("反応があったリード", "leads that responded"),
        .dormantApproaches: ("休眠リードへのアプローチ", "approaches to dormant leads"),
        .dormantLeadsWorked: ("アプローチした休眠リード", "dormant leads worked"),
        .recontacts: ("未応答のアプローチ（次回までの日数）", "unanswered approaches (days to the next)"),
        .newLeads: ("新規リード", "new leads"), .mqls: ("MQL", "MQLs"), .sqls: ("SQL", "SQLs"),
        .slaLeads: ("SLA対象リード", "leads under the SLA"), .slaCompliant: ("SLA内に初回対応したリード", "leads answered within the SLA"),
        .firstResponses: ("初回対応までの分", "minutes to first response"),
        .assignmentToContact: ("割当から初回接触までの分", "minutes from assignment to contact"),
        .firstCalls: ("初回架電したリード", "leads with a first call"), .firstCallsConnected: ("初回架電で接続したリード", "first calls connected"),
        .appointments: ("アポ（商談化）", "appointments"), .meetings: ("商談実施", "meetings held"),
        .validOpportunities: ("有効商談", "valid opportunities"), .handoffs: ("トスアップ", "hand-offs"), .wins: ("受注", "wins"),
        .losses: ("失注", "losses"), .insideSalesWins: ("IS起点の受注", "inside-sales wins"), .quality: ("商談の質スコア", "quality scores"),
        .reactivations: ("休眠掘り起こし商談", "reactivated opportunities"), .wonAmount: ("受注金額", "won amount"),
        .opportunityAmount: ("商談金額", "opportunity amount"), .pipeline: ("期末のパイプライン", "open pipeline at the end"),
        .deals: ("金額のある受注", "wins with an amount"), .salesCycle: ("商談化から受注までの日数", "days from appointment to win"),
        .leadToWin: ("リード獲得から受注までの日数", "days from lead to win"), .cost: ("コスト", "costs"),
        .marketingCost: ("マーケティング費", "marketing costs"), .visits: ("訪問数（サイト）", "site visits"),
        .customerMonths: ("既存顧客の月次売上", "customer monthly revenue"),
    ]
}
