import MierukaCore

/// The dashboard's arithmetic, kept apart from presentation so each rule has its own hand-computed test.
public enum DashboardMath {
    /// 達成率 = actual ÷ target; undefined without an actual, without a target or with a target of 0.
    public static func achievement(actual: Double?, target: Double?) -> Double? {
        guard let actual, let target, target != 0 else { return nil }
        return actual / target
    }

    /// Pace against the target over business days (the core's rule).
    public static func pace(actual: Double?, target: Double?, elapsed: Int, total: Int) -> Double? {
        Landing.pace(actual: actual, target: target, elapsed: elapsed, total: total)
    }

    /// 着地予測 (the core's rule).
    public static func landing(actual: Double?, elapsed: Int, total: Int) -> Double? {
        Landing.value(actual: actual, elapsed: elapsed, total: total)
    }

    /// Good or bad for a band judgement: within is good; above is good unless lower is better; below the reverse.
    public static func tone(_ judgement: BandJudgement, lowerIsBetter: Bool) -> Tone {
        switch judgement {
        case .within: return .good
        case .above: return lowerIsBetter ? .bad : .good
        case .below: return lowerIsBetter ? .good : .bad
        }
    }

    /// Good or bad against a target ratio (achievement or pace, 1.0 = on target).
    public static func tone(ratio: Double, lowerIsBetter: Bool) -> Tone {
        (lowerIsBetter ? ratio <= 1 : ratio >= 1) ? .good : .bad
    }
}

/// What a figure's colour says; always shown with a symbol as well.
public enum Tone: String, Sendable, Hashable {
    case good, bad, neutral
}
