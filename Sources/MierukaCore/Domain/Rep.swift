/// A member of the sales organisation whose work the KPIs count (担当者).
public struct Rep: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var team: String?
    public var role: RepRole
    public var startedOn: LocalDate?

    public init(id: String, name: String, team: String? = nil, role: RepRole, startedOn: LocalDate? = nil) {
        self.id = id
        self.name = name
        self.team = team
        self.role = role
        self.startedOn = startedOn
    }
}

/// SDR = inbound (反響型), BDR = outbound (新規開拓型), ISR = nurturing, FS = field sales.
public enum RepRole: String, Sendable, Hashable, Codable, CaseIterable {
    case sdr, bdr, isr, fs, manager, cs
}
