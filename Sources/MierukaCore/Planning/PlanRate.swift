/// The rate a plan step divides by, and where it came from: the organisation's own recent months when they hold enough
/// cases, else the seed benchmark (clearly marked), or a rate the manager typed.
public struct PlanRate: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case history, benchmark, manual
    }

    /// The catalog id of the rate (connect_rate …) or of the average (avg_deal_size).
    public var kpi: String
    public var value: Double
    public var source: Source
    /// With history: the months read and the cases behind the rate (its denominator).
    public var months: Int?
    public var sample: Double?
    /// With a benchmark: the seed's text (e.g. "20–30 % (002)"); with history too thin, what the history said.
    public var note: String?

    public init(kpi: String, value: Double, source: Source, months: Int? = nil, sample: Double? = nil, note: String? = nil) {
        self.kpi = kpi
        self.value = value
        self.source = source
        self.months = months
        self.sample = sample
        self.note = note
    }
}
