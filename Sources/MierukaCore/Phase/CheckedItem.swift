/// A checklist item with its answer, where the answer came from, and the evidence a manager can check by hand.
public struct CheckedItem: Sendable, Hashable {
    public let item: ChecklistItem
    /// What decided the answer: the data, or the manager (for manager items, and for data items the data could not decide).
    public let source: AnswerSource
    public let answer: ItemAnswer
    public let evidenceJa: String
    public let evidenceEn: String

    public init(item: ChecklistItem, source: AnswerSource, answer: ItemAnswer, evidenceJa: String, evidenceEn: String) {
        self.item = item
        self.source = source
        self.answer = answer
        self.evidenceJa = evidenceJa
        self.evidenceEn = evidenceEn
    }

    public func evidence(_ language: Language) -> String { language == .ja ? evidenceJa : evidenceEn }
}

/// A checklist answer: an item can hold, not hold, or be not yet known (no data to decide it and no manager answer).
public enum ItemAnswer: String, Sendable, Hashable, Codable {
    case yes, no, unknown

    public init(_ value: Bool) { self = value ? .yes : .no }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.yes, .ja): return "該当"
        case (.no, .ja): return "非該当"
        case (.unknown, .ja): return "不明"
        case (.yes, .en): return "yes"
        case (.no, .en): return "no"
        case (.unknown, .en): return "unknown"
        }
    }
}
