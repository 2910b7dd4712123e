import Foundation
import MierukaCore

/// A database cell, independent of the driver: what the importer writes and the fact queries read.
public enum DBValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    /// Bytes (rollup cells); never a canonical record's cell.
    case blob([UInt8])

    public init(_ v: String?) { self = v.map(DBValue.text) ?? .null }
    public init(_ v: Bool?) { self = v.map { .int($0 ? 1 : 0) } ?? .null }
    public init(_ v: Int64?) { self = v.map(DBValue.int) ?? .null }
    public init(_ v: Int?) { self = v.map { .int(Int64($0)) } ?? .null }
    public init(_ v: Date?) { self = v.map { .int(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? .null }
    public init(_ v: LocalDate?) { self = v.map { .text($0.description) } ?? .null }
    public init<E: RawRepresentable>(_ v: E?) where E.RawValue == String { self = v.map { .text($0.rawValue) } ?? .null }

    public var int: Int64? {
        switch self {
        case .int(let v): return v
        case .double(let v): return Int64(v)
        case .text(let s): return Int64(s)
        case .null, .blob: return nil
        }
    }
    public var double: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .text(let s): return Double(s)
        case .null, .blob: return nil
        }
    }
    public var text: String? {
        switch self {
        case .text(let s): return s
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .null, .blob: return nil
        }
    }
    public var bool: Bool? { int.map { $0 != 0 } }
    public var date: Date? { int.map { Date(timeIntervalSince1970: Double($0)) } }
    public var localDate: LocalDate? { text.flatMap { LocalDate($0) } }
}
