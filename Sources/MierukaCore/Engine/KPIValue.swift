/// One KPI figure with the numerator and denominator it came from, so anyone can re-check it by hand.
public struct KPIValue: Sendable, Hashable, Codable {
    public var numerator: Double?
    public var denominator: Double?
    /// nil = undefined (shown as —): a zero denominator, no values for a median, no recorded forecast.
    public var value: Double?

    public init(numerator: Double?, denominator: Double?, value: Double?) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// A count or a sum: numerator = value, no denominator.
    public static func total(_ x: Double) -> KPIValue { KPIValue(numerator: x, denominator: nil, value: x) }

    /// A rate or a mean: undefined when the denominator is zero.
    public static func ratio(_ n: Double, _ d: Double) -> KPIValue {
        KPIValue(numerator: n, denominator: d, value: d == 0 ? nil : n / d)
    }

    /// A median: no numerator, the number of values as denominator; the mean of the two middle values for an even count.
    /// Found by selection in linear time rather than by sorting: a month of recontact intervals is a long list.
    public static func median(of values: [Double]) -> KPIValue {
        let n = values.count
        guard n > 0 else { return KPIValue(numerator: nil, denominator: 0, value: nil) }
        var work = values
        let upper = Selection.select(&work, rank: n / 2)
        guard n % 2 == 0 else { return KPIValue(numerator: nil, denominator: Double(n), value: upper) }
        // After selecting rank n/2, every value left of it is ≤ it: the lower middle is their maximum.
        let lower = work[0..<(n / 2)].max()!
        return KPIValue(numerator: nil, denominator: Double(n), value: (lower + upper) / 2)
    }

    public static let undefined = KPIValue(numerator: nil, denominator: nil, value: nil)
}

/// One line of the engine's answer: a KPI for one group over one period.
public struct KPIResult: Sendable, Hashable {
    public var kpi: String
    /// "org", a rep id, a team name, a channel, or nil for facts without a rep / team / channel.
    public var group: String?
    public var from: LocalDate
    public var to: LocalDate
    public var value: KPIValue

    public init(kpi: String, group: String?, from: LocalDate, to: LocalDate, value: KPIValue) {
        self.kpi = kpi
        self.group = group
        self.from = from
        self.to = to
        self.value = value
    }
}
