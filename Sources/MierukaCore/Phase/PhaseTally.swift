/// How a phase's checklist items were answered, against the seed's threshold for that phase.
public struct PhaseTally: Sendable, Hashable {
    public let phase: Phase
    public let yes: Int
    public let no: Int
    public let unknown: Int
    public let threshold: Int

    public var items: Int { yes + no + unknown }
    /// The seed's rule: at least `threshold` items hold.
    public var qualifies: Bool { yes >= threshold }
    /// Not qualifying yet, but the unknown items could still make it qualify.
    public var undecided: Bool { !qualifies && yes + unknown >= threshold }
    /// Share of the phase's items that hold: the tie rule's measure when no phase qualifies.
    public var share: Double { items == 0 ? 0 : Double(yes) / Double(items) }
}
