import Foundation

/// Works back from a KGI to daily activity (method.md §2): revenue → wins (÷ average deal size) → meetings (÷ win rate)
/// → appointments (÷ meeting rate) → valid conversations (÷ appointment rate) → connects (÷ valid-conversation rate)
/// → calls (÷ connect rate); SQLs → MQLs (÷ MQL→SQL rate) → new leads (÷ MQL rate). Each step is rounded up.
public struct KGIPlanner: Sendable {
    /// Each link: the step above, the rate it is divided by, the step below.
    public static let salesChain: [(from: String, rate: String, to: String)] = [
        ("won_amount", "avg_deal_size", "wins"),
        ("wins", "win_rate", "meetings"),
        ("meetings", "meeting_rate", "appointments"),
        ("appointments", "appointment_rate", "valid_conversations"),
        ("valid_conversations", "valid_conversation_rate", "connects"),
        ("connects", "connect_rate", "calls"),
    ]
    public static let leadChain: [(from: String, rate: String, to: String)] = [
        ("sqls", "mql_to_sql_rate", "mqls"),
        ("mqls", "mql_rate", "new_leads"),
    ]
    /// Every KPI a plan can name (steps and rates): SMART's "Relevant".
    public static var chainKPIs: Set<String> {
        Set((salesChain + leadChain).flatMap { [$0.from, $0.rate, $0.to] })
    }

    /// Fewest cases (the rate's denominator) for history to be trusted over the benchmark.
    public static func minimumSample(_ rate: String) -> Double {
        switch rate {
        case "avg_deal_size": return 5
        case "win_rate": return 10
        default: return 20
        }
    }

    /// Reps who carry a plan's activity: inside sales (SDR, BDR, ISR).
    public static let planningRoles: Set<RepRole> = [.sdr, .bdr, .isr]
    /// A rep in their first month carries this share of a full target (seed 002).
    public static let rampUpWeight = 0.7

    public let catalog: KPICatalog

    public init(catalog: KPICatalog = .standard) {
        self.catalog = catalog
    }

    /// The plan for one month. `history` holds the scope's figures over the last `historyMonths` complete months (pooled:
    /// numerator and denominator summed over the months); `useHistory` false plans on benchmarks alone.
    public func plan(
        kgi: KGI, month: YearMonth, scope: String, businessDays: Int, reps: [Rep], history: [String: KPIValue], historyMonths: Int,
        useHistory: Bool = true, manualRates: [String: Double] = [:]
    ) -> KGIPlan {
        let shares = Self.shares(reps: reps, month: month)
        let headCount = shares.reduce(0) { $0 + $1.weight }
        let chain = kgi.kpi == "sqls" ? Self.leadChain : Self.salesChain
        var steps: [KGIPlan.Step] = []
        var missing: String?
        var current = kgi.amount
        var kpi = kgi.kpi
        steps.append(step(kpi, current, rate: nil, businessDays: businessDays, headCount: headCount))
        for link in chain.drop(while: { $0.from != kgi.kpi }) {
            guard let rate = rate(link.rate, history: history, months: historyMonths, useHistory: useHistory, manual: manualRates), rate.value > 0 else {
                missing = link.rate
                break
            }
            current = (current / rate.value - 1e-9).rounded(.up)
            kpi = link.to
            steps.append(step(kpi, current, rate: rate, businessDays: businessDays, headCount: headCount))
        }
        let repShares = shares.map { s in
            var monthly: [String: Double] = [:]
            var daily: [String: Double] = [:]
            for step in steps where step.kpi != "won_amount" {
                let amount = headCount == 0 ? 0 : (step.monthly * s.weight / headCount - 1e-9).rounded(.up)
                monthly[step.kpi] = amount
                daily[step.kpi] = businessDays == 0 ? 0 : amount / Double(businessDays)
            }
            return KGIPlan.RepShare(repId: s.rep.id, name: s.rep.name, weight: s.weight, monthly: monthly, perBusinessDay: daily)
        }
        return KGIPlan(kgi: kgi, month: month, scope: scope, businessDays: businessDays, headCount: headCount, steps: steps, reps: repShares,
                       missingRate: missing)
    }

    private func step(_ kpi: String, _ monthly: Double, rate: PlanRate?, businessDays: Int, headCount: Double) -> KGIPlan.Step {
        let perDay = businessDays == 0 ? nil : monthly / Double(businessDays)
        return KGIPlan.Step(kpi: kpi, monthly: monthly, perBusinessDay: perDay, perRepPerDay: headCount == 0 ? nil : perDay.map { $0 / headCount }, rate: rate)
    }

    /// The manager's rate, else history with enough cases, else the benchmark (the band's middle, or its one end).
    func rate(_ id: String, history: [String: KPIValue], months: Int, useHistory: Bool, manual: [String: Double]) -> PlanRate? {
        if let v = manual[id] { return PlanRate(kpi: id, value: v, source: .manual) }
        var thin: String?
        if useHistory, let h = history[id], let value = h.value, let sample = h.denominator {
            if sample >= Self.minimumSample(id), value > 0 {
                return PlanRate(kpi: id, value: value, source: .history, months: months, sample: sample)
            }
            thin = "history: \(CanonicalRow.number((value * 1000).rounded() / 1000)) over \(CanonicalRow.number(sample)) cases (fewer than \(CanonicalRow.number(Self.minimumSample(id))))"
        }
        guard let definition = catalog[id], let band = definition.band, let low = band.low ?? band.high else { return nil }
        let value = band.high.map { (low + $0) / 2 } ?? low
        return PlanRate(kpi: id, value: value, source: .benchmark, note: [definition.benchmark, thin].compactMap { $0 }.joined(separator: "; "))
    }

    /// The scope's active inside-sales reps in `month` and the share of a target each carries.
    public static func shares(reps: [Rep], month: YearMonth) -> [(rep: Rep, weight: Double)] {
        reps.filter { planningRoles.contains($0.role) && ($0.startedOn.map { $0.yearMonth <= month } ?? true) }
            .sorted { $0.id < $1.id }
            .map { ($0, $0.startedOn?.yearMonth == month ? rampUpWeight : 1) }
    }
}
