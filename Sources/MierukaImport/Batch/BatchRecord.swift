/// One element of a batch as sent: normally an object keyed by canonical column names; anything else is kept to be
/// reported against its index instead of failing the whole body.
public enum BatchRecord: Sendable, Hashable {
    case object([String: BatchValue])
    /// Not an object; what it was (`an array`, `text`…).
    case other(String)

    /// The field's cell text, nil when absent, null or not an object.
    public func cell(_ field: String) -> String? {
        guard case .object(let fields) = self else { return nil }
        return fields[field]?.cell
    }
}

extension BatchRecord: Decodable {
    public init(from decoder: any Decoder) throws {
        guard let object = try? decoder.container(keyedBy: BatchKey.self) else {
            switch try BatchValue(from: decoder) {
            case .null: self = .other("null")
            case .text: self = .other("text")
            case .number: self = .other("a number")
            case .bool: self = .other("true/false")
            case .unsupported(let what): self = .other(what)
            }
            return
        }
        var fields: [String: BatchValue] = [:]
        for key in object.allKeys { fields[key.stringValue] = try object.decode(BatchValue.self, forKey: key) }
        self = .object(fields)
    }
}
