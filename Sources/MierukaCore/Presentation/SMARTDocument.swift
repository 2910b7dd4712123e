/// One checked target as JSON (`mieruka smart --format json`, one object per line, and for the API).
public struct SMARTDocument: Encodable, Sendable {
    public var kpi: String
    public var scope: TargetScope
    public var scopeId: String?
    public var period: TargetPeriod
    public var periodStart: String
    public var value: Double
    public var passes: Bool
    /// S, M, A, R, T in order.
    public var findings: [Finding]

    public struct Finding: Encodable, Sendable {
        public var letter: SMARTLetter
        public var verdict: SMARTVerdict
        public var reasonJa: String
        public var reasonEn: String
    }

    public init(_ r: SMARTResult) {
        kpi = r.target.kpi
        scope = r.target.scope
        scopeId = r.target.scopeId
        period = r.target.period
        periodStart = r.target.periodStart.description
        value = r.target.value
        passes = r.passes
        findings = r.findings.map { Finding(letter: $0.letter, verdict: $0.verdict, reasonJa: $0.reasonJa, reasonEn: $0.reasonEn) }
    }

    public func json() throws -> String { try JSONDocument.encode(self) }
}
