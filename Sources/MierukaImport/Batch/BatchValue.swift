import Foundation

/// One field of a record as an API client sent it in JSON: text, a number, true/false or null.
public enum BatchValue: Sendable, Hashable {
    case null
    case text(String)
    /// A JSON number, already written as the canonical text a CSV cell would hold (`125`, `1200000`, `0.5`).
    case number(String)
    case bool(Bool)
    /// An array or object (or a number beyond Double): no canonical field holds one. Carries what it was, for the message.
    case unsupported(String)

    /// The cell the CSV import would have read: numbers and booleans as their canonical text, null as an empty cell.
    public var cell: String? {
        switch self {
        case .null, .unsupported: return nil
        case .text(let s): return s
        case .number(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// Whole numbers without a fraction, so `1200000.0` reads as the yen amount `1200000` and not as a decimal.
    static func canonical(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
        return String(number)
    }
}

extension BatchValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        // Text first: it is by far the most common, and every failed guess costs a thrown error.
        if value.decodeNil() {
            self = .null
        } else if let text = try? value.decode(String.self) {
            self = .text(text)
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = try? value.decode(Int64.self) {
            self = .number(String(integer))
        } else if let number = try? value.decode(Double.self), number.isFinite {
            self = .number(Self.canonical(number))
        } else if (try? decoder.container(keyedBy: BatchKey.self)) != nil {
            self = .unsupported("an object")
        } else if (try? decoder.unkeyedContainer()) != nil {
            self = .unsupported("an array")
        } else {
            self = .unsupported("a number too large to read")
        }
    }
}

/// Any key of a JSON object.
struct BatchKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
