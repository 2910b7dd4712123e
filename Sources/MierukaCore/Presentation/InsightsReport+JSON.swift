import Foundation

extension InsightsReport {
    /// The report as one JSON object (CLI `--format json` and the API): snake_case keys, sorted, dates as YYYY-MM-DD,
    /// rates as fractions, advice and seed quotes in both languages.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
