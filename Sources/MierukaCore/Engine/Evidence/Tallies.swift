/// The group tallies of one computation, and the one group (if any) whose counted records are kept for a drill-down.
struct Tallies {
    var byGroup: [String?: GroupTally] = [:]
    let traced: TracedGroup?

    init(traced: TracedGroup?) { self.traced = traced }

    /// Runs `body` on the tally of `key`'s group, creating it on first use.
    mutating func with(_ key: Attribution.Key, _ body: (inout GroupTally) -> Void) {
        guard case .group(let group) = key else { return }
        // Mutate in place: copying the tally out and back would copy its sets and arrays on every fact (quadratic).
        body(&byGroup[group, default: GroupTally(keepsRecords: traced?.group == group && traced != nil)])
    }
}

/// The group a drill-down asks about; `group == nil` is the group of facts without a rep / team / channel.
struct TracedGroup {
    var group: String?
}
