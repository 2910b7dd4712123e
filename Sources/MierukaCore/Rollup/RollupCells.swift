/// The four ways the engine groups a figure; a rollup keeps cells for each, so a team's or the organisation's distinct
/// count is counted for the team or organisation, not summed from its reps.
public enum RollupKind: String, CaseIterable, Sendable {
    case org, rep, team, channel

    public init(_ grouping: KPIGrouping) {
        switch grouping {
        case .org: self = .org
        case .rep: self = .rep
        case .team: self = .team
        case .channel: self = .channel
        }
    }
}

/// One cell: a group (nil = facts without one, as the engine's nil group) of a kind on a local day.
public struct RollupCellKey: Hashable, Sendable {
    public var kind: RollupKind
    public var group: String?
    /// LocalDate.dayNumber in the organisation's time zone; `presenceDay` for the day-less presence cells.
    public var day: Int

    /// The day of cells that say which groups exist at all (the engine's output groups), whatever the period.
    public static let presenceDay = -1 << 40

    public init(kind: RollupKind, group: String?, day: Int) {
        self.kind = kind
        self.group = group
        self.day = day
    }
}

/// A set of cells, added to or taken away from the stored rollup as records come and go.
public struct RollupCells: Sendable {
    public var cells: [RollupCellKey: RollupTally] = [:]

    public init() {}

    public mutating func update(_ key: RollupCellKey, _ body: (inout RollupTally) -> Void) {
        body(&cells[key, default: RollupTally()])
    }

    /// Adds (sign +1) or takes away (−1) every cell of `other`.
    public mutating func add(_ other: RollupCells, sign: Double = 1) {
        for (key, tally) in other.cells { cells[key, default: RollupTally()].add(tally, sign: sign) }
    }
}

extension RollupCells {
    /// What a store reads for `period` and `grouping`, from these cells held in memory (tests, and the reference the
    /// stores' SQL is checked against).
    public func read(
        period: Period, grouping: KPIGrouping, reps: [Rep], costs: [Cost] = [], customers: [CustomerMonth] = [],
        recordedForecasts: [String: Double] = [:]
    ) -> RollupRead {
        let kind = RollupKind(grouping)
        let from = period.from.dayNumber
        let to = period.to.dayNumber
        var slice: [(group: String?, tally: RollupTally)] = []
        var presence: [RollupCellKey: RollupTally] = [:]
        var pipeline: [String?: Double] = [:]
        for (key, tally) in cells {
            if key.day == RollupCellKey.presenceDay {
                presence[key] = tally
                continue
            }
            guard key.kind == kind else { continue }
            if key.day >= from && key.day < to { slice.append((key.group, tally)) }
            if key.day < to, tally[.pipelineChange] != 0 { pipeline[key.group, default: 0] += tally[.pipelineChange] }
        }
        return RollupRead(
            reps: reps, costs: costs, customers: customers, recordedForecasts: recordedForecasts, cells: slice, presence: presence,
            pipelineAtEnd: pipeline)
    }
}
