/// The counters one rollup cell keeps: the engine's base counts that add up over days. Distinct counts are kept per
/// period grain as "first day in the grain's bucket" counters, which add up over the days of any period that starts a
/// bucket of that grain (see RollupTally.worked).
public enum RollupCounter: Int, CaseIterable, Sendable {
    // Activities.
    case calls, inboundCalls, connects, validConversations, talkSeconds
    case emailsSent, emailsBounced, emailsOpened, emailsClicked, emailsReplied
    case dormantApproaches
    // Leads.
    case newLeads, mqls, sqls, slaLeads, slaCompliant, firstCalls, firstCallsConnected
    // Opportunities.
    case appointments, meetings, validOpportunities, handoffs, wins, losses, insideSalesWins, qualitySum, reactivations
    case wonAmount, opportunityAmount, dealAmountSum, dealCount
    /// Whole seconds, divided into days when read: sums of integers stay exact when a cell is added and taken away again.
    case salesCycleSeconds, salesCycleCount, leadToWinSeconds, leadToWinCount
    /// Inside-sales amount opened (+) on the creation day and closed (−) on the closing day: the open pipeline at a day's
    /// start is the sum of all earlier days.
    case pipelineChange
    /// Presence cells only: leads per assigned rep / per channel, opportunities without a lead or with an unknown one.
    case leadsPresent, opportunitiesWithoutLead, opportunitiesWithUnknownLead

    public static let count = allCases.count
}

/// The grains whose buckets keep distinct counts, in `PeriodGrain.allCases` order.
public enum RollupGrain {
    public static let grains = PeriodGrain.allCases

    /// The smallest grain of which `period` starts a bucket and stays inside it: its distinct counts are then sums of
    /// day cells. nil for a period that crosses a bucket of every grain (answered by the engine from the records).
    public static func fitting(from: LocalDate, to: LocalDate, fiscalYearStartMonth: Int) -> PeriodGrain? {
        guard from < to else { return nil }
        return grains.first { grain in
            grain.start(of: from, fiscalYearStartMonth: fiscalYearStartMonth) == from && to <= grain.next(after: from)
        }
    }

    static func index(_ grain: PeriodGrain) -> Int { grains.firstIndex(of: grain)! }
}
