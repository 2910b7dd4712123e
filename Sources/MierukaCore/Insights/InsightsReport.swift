import Foundation

/// What to improve, not whom to blame (method.md §6): the funnel's bottleneck with the seeds' advice, the best time to
/// call, which channel converts, why deals and leads were lost, and whom to approach again — for the organisation or a team.
public struct InsightsReport: Sendable, Hashable, Codable {
    /// "org" or a team name.
    public let scope: String
    public let from: LocalDate
    public let to: LocalDate
    public let funnel: FunnelDiagnosis
    /// The seeds' advice for the bottleneck step; nil when no step is below its standard.
    public let advice: FunnelAdvice?
    public let bestTimeToCall: BestTimeToCall
    public let channels: ChannelConversion
    public let lostReasons: LostReasons
    public private(set) var reapproach: ReapproachList

    /// - Parameters:
    ///   - facts: the period's facts (as `Store.facts(for:)` gives them).
    ///   - team: a team of the reps table, or nil for the organisation. A team's figures follow the catalog's attribution.
    ///   - targets: rate KPI id → the scope's target for the period; a target replaces the benchmark in the bottleneck rule.
    ///   - lastOutbound: lead id → its last outbound activity before the end of `asOf` (whole history).
    ///   - asOf: the day the re-approach list is for.
    public init(
        facts: KPIFacts, period: Period, team: String?, targets: [String: Double] = [:], lastOutbound: [String: Date], asOf: LocalDate,
        engine: KPIEngine, minimumCalls: Int = BestTimeToCall.defaultMinimumCalls
    ) {
        let reps = team.map { team in Set(facts.reps.filter { $0.team == team }.map(\.id)) }
        let grouping: KPIGrouping = team == nil ? .org : .team
        let group = team ?? "org"
        var counts: [String: Double] = [:]
        for line in engine.compute(facts, period: period, grouping: grouping, only: Set(FunnelStep.stageKPIs)) where line.group == group {
            counts[line.kpi] = line.value.value
        }
        scope = group
        from = period.from
        to = period.to
        funnel = FunnelDiagnosis(counts: counts, targets: targets, catalog: engine.catalog)
        advice = funnel.bottleneck.map { FunnelAdvice.of($0.step) }
        bestTimeToCall = BestTimeToCall(
            activities: facts.activities, period: period, clock: engine.settings.clock, reps: reps, minimumCalls: minimumCalls)
        channels = ChannelConversion(facts: facts, period: period, engine: engine, reps: reps)
        lostReasons = LostReasons(facts: facts, period: period, reps: reps)
        reapproach = ReapproachList(leads: facts.leads, opportunities: facts.opportunities, lastOutbound: lastOutbound, asOf: asOf,
                                    clock: engine.settings.clock, reps: reps)
    }

    /// The same report with only the re-approach entries `isIncluded` keeps: the list names leads, so the web keeps those
    /// of reps the viewer may see.
    public func keepingFollowUps(_ isIncluded: (ReapproachList.Entry) -> Bool) -> InsightsReport {
        var copy = self
        copy.reapproach.entries = reapproach.entries.filter(isIncluded)
        return copy
    }
}
