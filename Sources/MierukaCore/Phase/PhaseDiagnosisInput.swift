/// Everything the phase diagnosis reads, as plain values: the store's services fill it, tests write it by hand.
public struct PhaseDiagnosisInput: Sendable, Hashable {
    /// The month being lived in; the months before it are complete.
    public var currentMonth: YearMonth
    /// The month of the earliest lead or activity; nil = no data yet.
    public var firstDataMonth: YearMonth?
    /// Month targets and their figures; the diagnosis reads those of the last 3 complete months.
    public var outcomes: [TargetOutcome]
    /// The manager's stored answers by item id.
    public var answers: [String: PhaseAnswer]
    /// The earliest start date of the scope's inside-sales reps and managers, if the reps table has one: shown beside the
    /// months of data, because an organisation can be older than the data it imported.
    public var earliestRepStart: LocalDate?

    public init(currentMonth: YearMonth, firstDataMonth: YearMonth?, outcomes: [TargetOutcome] = [], answers: [PhaseAnswer] = [],
                earliestRepStart: LocalDate? = nil) {
        self.currentMonth = currentMonth
        self.firstDataMonth = firstDataMonth
        self.outcomes = outcomes
        self.earliestRepStart = earliestRepStart
        self.answers = Dictionary(answers.map { ($0.itemId, $0) }, uniquingKeysWith: { a, b in a.answeredAt >= b.answeredAt ? a : b })
    }

    /// Complete calendar months from the first data month up to (not including) the current month: data that began in
    /// January reads as 5 months in June. The current month is still running, so it does not count yet.
    public var monthsOfData: Int {
        guard let first = firstDataMonth else { return 0 }
        return max(0, currentMonth.index - first.index)
    }

    /// The last `count` complete months, oldest first.
    public func lastCompleteMonths(_ count: Int) -> [YearMonth] {
        (1...max(1, count)).reversed().map { currentMonth.adding(months: -$0) }
    }
}
