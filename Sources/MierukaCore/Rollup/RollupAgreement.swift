import Foundation

/// Compares two answers figure by figure: the rollups against the engine's full recomputation (tests, and
/// `mieruka rollup check`). Sums taken in another order may differ in the last bits, so values agree within 1e-9
/// relative; undefined must stay undefined.
public enum RollupAgreement {
    /// A description of the first figure that differs, or nil when every figure agrees.
    public static func firstDifference(_ expected: [KPIResult], _ actual: [KPIResult]) -> String? {
        guard expected.count == actual.count else {
            return "\(expected.count) figures expected, \(actual.count) given"
                + (zip(expected, actual).first { $0.kpi != $1.kpi || $0.group != $1.group }.map { " (first: \($0.0.kpi)/\($0.0.group ?? "—") vs \($0.1.kpi)/\($0.1.group ?? "—"))" } ?? "")
        }
        for (e, a) in zip(expected, actual) {
            guard e.kpi == a.kpi, e.group == a.group else { return "order: \(e.kpi)/\(e.group ?? "—") vs \(a.kpi)/\(a.group ?? "—")" }
            for (name, x, y) in [("numerator", e.value.numerator, a.value.numerator), ("denominator", e.value.denominator, a.value.denominator),
                                 ("value", e.value.value, a.value.value)] where !agree(x, y) {
                return "\(e.kpi) for \(e.group ?? "—") \(e.from)…\(e.to): \(name) \(x.map { "\($0)" } ?? "nil") vs \(y.map { "\($0)" } ?? "nil")"
            }
        }
        return nil
    }

    static func agree(_ x: Double?, _ y: Double?) -> Bool {
        switch (x, y) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1)
        default: return false
        }
    }
}
