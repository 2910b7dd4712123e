/// A week's flow against the week before (seed 000: 週次 = 流れ; seed 002: 各KPIの目標達成状況と前週比較, ボトルネック):
/// each funnel step's rate by the core's one bottleneck rule (`FunnelDiagnosis`), the same the dashboard draws.
public struct WeeklyReport: Sendable, Hashable {
    public var header: ReportHeader
    public var weekStart: LocalDate { header.from }
    public var previousWeekStart: LocalDate { header.from.adding(days: -7) }
    /// Stage counts and rates of this week and the week before (KPI id → the engine's value).
    public var thisWeek: [String: KPIValue]
    public var lastWeek: [String: KPIValue]
    /// The funnel of each week, judged against the rate targets of that week, else the benchmark bands.
    public var thisFunnel: FunnelDiagnosis
    public var lastFunnel: FunnelDiagnosis

    public init(header: ReportHeader, thisWeek: [String: KPIValue], lastWeek: [String: KPIValue], thisTargets: [String: Double] = [:],
                lastTargets: [String: Double] = [:], catalog: KPICatalog = .standard) {
        self.header = header
        self.thisWeek = thisWeek
        self.lastWeek = lastWeek
        thisFunnel = FunnelDiagnosis(counts: WeeklyReport.counts(thisWeek), targets: thisTargets, catalog: catalog)
        lastFunnel = FunnelDiagnosis(counts: WeeklyReport.counts(lastWeek), targets: lastTargets, catalog: catalog)
    }

    /// The stage counts FunnelDiagnosis reads.
    static func counts(_ values: [String: KPIValue]) -> [String: Double] {
        var counts: [String: Double] = [:]
        for kpi in FunnelStep.stageKPIs { counts[kpi] = values[kpi]?.value }
        return counts
    }

    /// This week's bottleneck and what to review (FunnelAdvice), if any step is below its standard.
    public var bottleneck: (figure: FunnelDiagnosis.StepFigure, advice: FunnelAdvice)? {
        thisFunnel.bottleneck.map { ($0, FunnelAdvice.of($0.step)) }
    }
}
