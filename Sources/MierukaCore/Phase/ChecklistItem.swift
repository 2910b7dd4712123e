/// One of the ten statements of seed 002's phase checklist (自社の現在フェーズを診断するチェックリスト).
public struct ChecklistItem: Sendable, Hashable, Identifiable {
    /// Stable id, stored with the manager's answers.
    public let id: String
    /// Short code for typing and reading (L1…L4, G1…G4, M1, M2).
    public let code: String
    /// The phase whose features the item describes.
    public let phase: Phase
    /// The seed's wording.
    public let ja: String
    public let en: String
    /// What decides the item when the data can: nil = only the manager can answer it.
    public let dataCheck: DataCheck?

    public func text(_ language: Language) -> String { language == .ja ? ja : en }

    /// Who answers the item in the first place.
    public var source: AnswerSource { dataCheck == nil ? .manager : .data }
}

/// Where an item's answer came from.
public enum AnswerSource: String, Sendable, Hashable, Codable {
    case data, manager
}

/// The checklist items the store's data can decide, and how.
public enum DataCheck: String, Sendable, Hashable, Codable {
    /// Complete months of data < 6.
    case underSixMonths
    /// Action-layer targets were not all met in every one of the last 3 complete months.
    case actionTargetsNotStable
    /// Action-layer targets were all met in every one of the last 3 complete months.
    case actionTargetsStable
    /// Complete months of data ≥ 3.
    case threeMonthsOfData
    /// Tactical-layer (efficiency) targets were all met in every one of the last 3 complete months.
    case efficiencyTargetsStable
}
