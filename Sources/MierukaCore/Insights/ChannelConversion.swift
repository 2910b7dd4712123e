/// Which lead channel converts: per channel the catalog's opportunity_rate (商談化率 = appointments ÷ worked leads)
/// against the seed's channel benchmark. Seed 000 gives its channel ranges for exactly this rate ("商談化率は、対応した
/// リードのうち何%が商談になったか … 商談化件数÷対応済みリード数"), so appointments ÷ new leads would be held against
/// ranges meant for another ratio.
public struct ChannelConversion: Sendable, Hashable, Codable {
    /// One channel's figures, as the engine counts them (per-channel = the lead's channel).
    public struct Row: Sendable, Hashable, Codable {
        /// The lead channel; "unknown" for opportunities without a lead, nil for leads the store does not hold.
        public let channel: String?
        /// Distinct leads with an outbound activity in P (the denominator).
        public let leadsWorked: Double
        /// Opportunities created in P (the numerator).
        public let appointments: Double
        /// appointments ÷ leadsWorked; nil when no lead was worked.
        public let rate: Double?
        /// The seed's range for this channel; nil when the seed gives none.
        public let band: KPIBand?
        public let judgement: BandJudgement?
    }

    /// Channels with a worked lead or an appointment in P, most worked leads first.
    public let rows: [Row]

    /// - Parameter reps: the reps whose work counts (a team: their calls and emails, the appointments they set); nil = all.
    public init(facts: KPIFacts, period: Period, engine: KPIEngine, reps: Set<String>? = nil) {
        var facts = facts
        if let reps {
            // Every lead stays, so each activity and opportunity still finds its channel.
            facts.activities = facts.activities.filter { reps.contains($0.repId) }
            facts.opportunities = facts.opportunities.filter { reps.contains($0.createdBy) }
        }
        var byChannel: [String?: [String: KPIValue]] = [:]
        for line in engine.compute(facts, period: period, grouping: .channel, only: ["leads_worked", "appointments", "opportunity_rate"]) {
            byChannel[line.group, default: [:]][line.kpi] = line.value
        }
        rows = byChannel.compactMap { channel, values -> Row? in
            let worked = values["leads_worked"]?.value ?? 0
            let appointments = values["appointments"]?.value ?? 0
            guard worked > 0 || appointments > 0 else { return nil }
            let rate = values["opportunity_rate"]?.value
            let band = ChannelBenchmark.band(for: channel)
            return Row(channel: channel, leadsWorked: worked, appointments: appointments, rate: rate, band: band,
                       judgement: rate.flatMap { r in band.map { $0.judge(r) } })
        }.sorted { ($1.leadsWorked, $0.channel ?? "\u{10FFFF}") < ($0.leadsWorked, $1.channel ?? "\u{10FFFF}") }
    }
}
