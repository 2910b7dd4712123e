/// The KPIs on the planner's chain from the KGI down to the daily activity (method.md §2): revenue → wins → win rate
/// → meetings → appointments → valid conversations → connects → calls, and the lead side (new leads → MQL → SQL).
/// A target on one of these moves the KGI; the SMART check's "Relevant" asks for it.
public enum KGIChain {
    public static let kgi = "won_amount"

    /// The planner's steps and rates (KGIPlanner is the one definition of the chain).
    public static var kpis: [String] { KGIPlanner.chainKPIs.sorted() }

    public static func contains(_ kpi: String) -> Bool { KGIPlanner.chainKPIs.contains(kpi) }
}
