import Foundation
import MierukaCore

/// Where each canonical field sits in one source file: resolved once from the header row and the mapping.
struct RowLayout {
    let file: String
    let entity: Entity
    let mapping: Mapping
    /// Canonical field → indices of its source columns (missing = no such column).
    let indices: [String: [Int]]
    let headerCount: Int
    let dateTimes: DateTimeParser
    /// Whether messages may suggest a mapping file's remedies: not for API batches, whose senders have none.
    let mappingHints: Bool

    /// Fields that must have a value in every row (data-model.md "required").
    static func requiredFields(_ entity: Entity) -> [String] {
        switch entity {
        case .reps: return ["rep_id", "name", "role"]
        case .leads: return ["lead_id", "channel", "created_at", "status"]
        case .activities: return ["activity_id", "lead_id", "rep_id", "type", "direction", "occurred_at"]
        case .opportunities: return ["opportunity_id", "created_by", "source", "created_at", "stage"]
        case .customers: return ["customer_id", "month", "mrr"]
        case .costs: return ["month", "category", "amount"]
        case .targets: return ["kpi", "scope", "period", "period_start", "value"]
        }
    }

    init(file: String, entity: Entity, mapping: Mapping, header: [String], defaultTimeZone: TimeZone, mappingHints: Bool = true) throws {
        self.file = file
        self.entity = entity
        self.mapping = mapping
        self.mappingHints = mappingHints
        self.headerCount = header.count
        self.dateTimes = DateTimeParser(timeZone: mapping.timeZone ?? defaultTimeZone, pattern: mapping.datetimeFormat)
        // Headers are matched after trimming spaces (and a stray BOM), as spreadsheet exports pad them.
        var position: [String: Int] = [:]
        var twice: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let clean = name.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            if position[clean] == nil { position[clean] = i } else if twice[clean] == nil { twice[clean] = i }
        }
        // A header the mapping reads that appears twice: which of the two columns is meant cannot be guessed.
        for field in entity.headers {
            for source in mapping.sourceColumns(of: field) {
                guard let second = twice[source], let first = position[source] else { continue }
                throw ImportIssue(
                    file: file, line: 1, column: "column \(second + 1)",
                    message: "the header has \"\(source)\" twice (columns \(first + 1) and \(second + 1)); rename or remove one of them so it is clear which one holds \(field)")
            }
        }
        var indices: [String: [Int]] = [:]
        var missingColumns: [String] = []
        var firstMissing: String?
        for field in entity.headers {
            let sources = mapping.sourceColumns(of: field)
            let found = sources.compactMap { position[$0] }
            if found.count == sources.count {
                indices[field] = found
            } else if mapping.columns[field] != nil {
                // The mapping named a header the file lacks: always an error, a typo must not drop data.
                missingColumns.append(sources.filter { position[$0] == nil }.map { "\"\($0)\" (for \(field))" }.joined(separator: ", "))
                firstMissing = firstMissing ?? field
            } else if RowLayout.requiredFields(entity).contains(field), mapping.defaults[field] == nil {
                missingColumns.append("\"\(field)\"")
                firstMissing = firstMissing ?? field
            }
        }
        if !missingColumns.isEmpty {
            let shown = header.prefix(30).joined(separator: ", ")
            throw ImportIssue(
                file: file, line: 1, column: firstMissing,
                message: "the header lacks \(missingColumns.joined(separator: ", ")); found: \(shown). "
                    + "Rename the columns to the canonical names or pass --mapping FILE for this \(entity.rawValue) file")
        }
        self.indices = indices
    }
}
