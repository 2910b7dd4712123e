import MierukaCore
import MierukaStore

/// What one import did to one entity.
public struct EntitySummary: Sendable, Hashable, Codable {
    public var entity: Entity
    public var files: [String] = []
    public var rows: Int = 0
    /// Rows whose key came again later in the same import (the later row won).
    public var duplicates: Int = 0
    /// New keys.
    public var inserted: Int = 0
    /// Rows that changed an existing record (also a later row with the same key in the same import).
    public var updated: Int = 0
    /// Rows identical to what was stored.
    public var unchanged: Int = 0
    /// Cost rows removed because the import brought those months anew.
    public var replaced: Int = 0

    public init(entity: Entity) { self.entity = entity }

    mutating func apply(_ counts: MergeCounts) {
        duplicates += counts.duplicates
        inserted += counts.inserted
        updated += counts.updated
        unchanged += counts.unchanged
        replaced += counts.replaced
    }

    public var line: String {
        if entity == .costs {
            return "\(entity.rawValue): \(rows) rows — \(inserted) written, replacing \(replaced) stored rows of the same months"
        }
        var text = "\(entity.rawValue): \(rows) rows — \(inserted) inserted, \(updated) updated, \(unchanged) unchanged"
        if duplicates > 0 { text += ", \(duplicates) duplicate ids (the last row won)" }
        return text
    }
}

/// The outcome of a committed import.
public struct ImportSummary: Sendable, Codable {
    public var entities: [EntitySummary]
    public var seconds: Double

    public var totalRows: Int { entities.reduce(0) { $0 + $1.rows } }
    public var lines: [String] { entities.map(\.line) }
}

/// Receives progress while an import runs (the CLI draws a bar on a terminal).
public protocol ImportProgress: Sendable {
    func started(file: String, entity: Entity, totalBytes: Int64?)
    func advanced(file: String, rows: Int, bytes: Int64, totalBytes: Int64?)
    func finished(file: String, rows: Int)
}
