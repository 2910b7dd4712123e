/// The five questions of SMART (seed 000: SMARTの基準で妥当性を検証).
public enum SMARTLetter: String, Sendable, Hashable, Codable, CaseIterable {
    case specific = "S", measurable = "M", achievable = "A", relevant = "R", timeBound = "T"

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.specific, .ja): return "具体的か"
        case (.measurable, .ja): return "測れるか"
        case (.achievable, .ja): return "達成可能か"
        case (.relevant, .ja): return "関連するか"
        case (.timeBound, .ja): return "期限があるか"
        case (.specific, .en): return "Specific"
        case (.measurable, .en): return "Measurable"
        case (.achievable, .en): return "Achievable"
        case (.relevant, .en): return "Relevant"
        case (.timeBound, .en): return "Time-bound"
        }
    }
}

/// One letter's outcome for one target, with the reason in both languages (always given, also when it passes).
public struct SMARTFinding: Sendable, Hashable {
    public let letter: SMARTLetter
    public let verdict: SMARTVerdict
    public let reasonJa: String
    public let reasonEn: String

    public init(_ letter: SMARTLetter, _ verdict: SMARTVerdict, ja: String, en: String) {
        self.letter = letter
        self.verdict = verdict
        self.reasonJa = ja
        self.reasonEn = en
    }

    public func reason(_ language: Language) -> String { language == .ja ? reasonJa : reasonEn }
}

public enum SMARTVerdict: String, Sendable, Hashable, Codable {
    case pass, fail
    /// The data to judge is missing (no history yet, an unknown KPI): neither pass nor fail.
    case notJudged = "not_judged"

    public var symbol: String {
        switch self {
        case .pass: return "✓"
        case .fail: return "✗"
        case .notJudged: return "?"
        }
    }
}
