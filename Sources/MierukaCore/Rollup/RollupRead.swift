/// What the store reads for one answer from the rollups: a few small tables and the cells of the period's days.
/// Its size grows with the period and the number of groups, not with the length of history.
public struct RollupRead: Sendable {
    public var reps: [Rep]
    public var costs: [Cost]
    public var customers: [CustomerMonth]
    public var recordedForecasts: [String: Double]
    /// Cells of the grouping's kind on the period's days (any order, several per group).
    public var cells: [(group: String?, tally: RollupTally)]
    /// The presence cells of every kind (which groups exist at all).
    public var presence: [RollupCellKey: RollupTally]
    /// Per group of the grouping's kind: the sum of pipeline changes on every day before the period's end.
    public var pipelineAtEnd: [String?: Double]

    public init(
        reps: [Rep], costs: [Cost], customers: [CustomerMonth], recordedForecasts: [String: Double],
        cells: [(group: String?, tally: RollupTally)], presence: [RollupCellKey: RollupTally], pipelineAtEnd: [String?: Double]
    ) {
        self.reps = reps
        self.costs = costs
        self.customers = customers
        self.recordedForecasts = recordedForecasts
        self.cells = cells
        self.presence = presence
        self.pipelineAtEnd = pipelineAtEnd
    }
}
