/// A target with its five SMART findings, in S, M, A, R, T order.
public struct SMARTResult: Sendable, Hashable {
    public let target: Target
    public let findings: [SMARTFinding]

    public init(target: Target, findings: [SMARTFinding]) {
        self.target = target
        self.findings = findings
    }

    /// No letter fails (a letter not judged for lack of data does not fail the target).
    public var passes: Bool { !findings.contains { $0.verdict == .fail } }
    public var failing: [SMARTFinding] { findings.filter { $0.verdict == .fail } }
    public func finding(_ letter: SMARTLetter) -> SMARTFinding { findings.first { $0.letter == letter }! }
}
