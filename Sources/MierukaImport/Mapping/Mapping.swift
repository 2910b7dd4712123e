import Foundation
import MierukaCore

/// How a foreign CSV maps onto one canonical entity (data-model.md "Mapping file").
public struct Mapping: Sendable {
    /// Where the mapping came from, for error messages.
    public var source: String
    public var entity: Entity?
    public var encoding: String = "auto"
    /// nil = detect from the header line.
    public var delimiter: UInt8?
    /// Canonical field → source headers (several are joined with one space).
    public var columns: [String: [String]] = [:]
    /// Canonical field → (source text → canonical text), applied once, compared as text.
    public var values: [String: [String: String]] = [:]
    /// Canonical field → value used when the column is missing or the cell is empty.
    public var defaults: [String: String] = [:]
    public var datetimeFormat: DateTimePattern?
    public var dateFormat: DateTimePattern?
    public var monthFormat: DateTimePattern?
    public var timeZone: TimeZone?

    public init(source: String) { self.source = source }

    /// The canonical mapping: headers named as the fields.
    public static func canonical(for entity: Entity) -> Mapping {
        var m = Mapping(source: "canonical headers")
        m.entity = entity
        return m
    }

    /// The source headers a field reads; the field's own name when the mapping does not name it.
    public func sourceColumns(of field: String) -> [String] {
        columns[field] ?? [field]
    }
}
