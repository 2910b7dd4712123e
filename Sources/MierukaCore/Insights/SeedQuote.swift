/// A sentence quoted word for word from one of the seed articles, so advice shows where it comes from.
public struct SeedQuote: Sendable, Hashable, Codable {
    /// The seed's number, e.g. "002".
    public let seed: String
    /// The seed's own words (Japanese); the cells of a table row or the items of a list are joined with " / ".
    public let ja: String
    /// Our English rendering of them.
    public let en: String

    public init(seed: String, ja: String, en: String) {
        self.seed = seed
        self.ja = ja
        self.en = en
    }

    /// 「…」(002) in Japanese; "…" (seed 002, translated) in English.
    public func text(_ language: Language) -> String {
        language == .ja ? "「\(ja)」(\(seed))" : "\"\(en)\" (seed \(seed), translated)"
    }
}
