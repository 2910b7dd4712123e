/// One problem with one record of a batch: its index (0-based, as sent), the field, the value sent and what to do.
public struct RecordIssue: Sendable, Hashable, Encodable {
    public var record: Int
    /// The canonical column, or nil when the record as a whole is wrong (not an object).
    public var field: String?
    public var value: String?
    public var message: String

    public init(record: Int, field: String?, value: String?, message: String) {
        self.record = record
        self.field = field
        self.value = value
        self.message = message
    }

    /// Always the same four keys, null when empty, so clients can read every error the same way.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record, forKey: .record)
        try c.encode(field, forKey: .field)
        try c.encode(value, forKey: .value)
        try c.encode(message, forKey: .message)
    }

    private enum CodingKeys: String, CodingKey { case record, field, value, message }
}

/// The batch was refused: nothing was written. Carries the first `ImportFailure.listed` issues and how many there were.
public struct BatchFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [RecordIssue]
    public var totalIssues: Int

    public var description: String {
        "\(totalIssues) error(s) in the batch; nothing was written: "
            + issues.prefix(5).map { "record \($0.record)\($0.field.map { " \($0)" } ?? ""): \($0.message)" }.joined(separator: "; ")
    }
}

/// More records than one request may carry.
public struct BatchTooLarge: Error, Sendable, CustomStringConvertible {
    public var count: Int
    public var limit: Int

    public init(count: Int, limit: Int) {
        self.count = count
        self.limit = limit
    }

    public var description: String {
        "the batch holds \(count) records; at most \(limit) are taken per request (split it into several requests)"
    }
}
