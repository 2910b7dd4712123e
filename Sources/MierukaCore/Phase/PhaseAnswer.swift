import Foundation

/// A manager's stored answer to one checklist item, for the organisation (team nil) or one team.
public struct PhaseAnswer: Sendable, Hashable, Codable {
    public var itemId: String
    /// nil = the organisation as a whole.
    public var team: String?
    public var answer: Bool
    public var answeredBy: String
    public var answeredAt: Date

    public init(itemId: String, team: String? = nil, answer: Bool, answeredBy: String, answeredAt: Date) {
        self.itemId = itemId
        self.team = team
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
