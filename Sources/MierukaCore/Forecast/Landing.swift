/// 着地予測 and pace over business days (method.md §5): the arithmetic the dashboard, the forecast command, alerts and
/// the recorded snapshots share.
public enum Landing {
    /// 着地予測 = actual + actual ÷ elapsed × (total − elapsed): the pace so far carried to the period's last business day.
    /// Undefined before the first business day has passed; once the period is over the landing is the actual.
    public static func value(actual: Double?, elapsed: Int, total: Int) -> Double? {
        guard let actual, elapsed > 0, total > 0 else { return nil }
        return actual + actual / Double(elapsed) * Double(max(0, total - elapsed))
    }

    /// Pace = actual ÷ (target × elapsed ÷ total): 1.0 is exactly on the line to the target.
    /// Undefined without a target, with a target of 0, or before the first business day has passed.
    public static func pace(actual: Double?, target: Double?, elapsed: Int, total: Int) -> Double? {
        guard let actual, let target, target != 0, elapsed > 0, total > 0 else { return nil }
        return actual / (target * Double(min(elapsed, total)) / Double(total))
    }

    /// Counts and sums accumulate over a period and can be carried forward; rates, means and medians are shown as to date.
    public static func applies(to kind: KPIKind) -> Bool { kind == .count || kind == .sum }
}
