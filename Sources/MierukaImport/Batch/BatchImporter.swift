import Foundation
import MierukaCore
import MierukaStore

/// Imports one batch of canonical records (the API's JSON) all or nothing, through the CSV import's own field
/// decoding, id rules and reference checks: a record is accepted here exactly when the same row would be in a file.
public struct BatchImporter: Sendable {
    public let store: any Store
    public let timeZone: TimeZone
    /// Records per request: enough for a dialer's or an MA tool's sync, small enough to validate in one go in memory.
    public static let maxRecords = 10_000
    /// Rows per multi-row insert into the staging table (as the CSV import).
    static let stageSize = 500

    public init(store: any Store, timeZone: TimeZone) {
        self.store = store
        self.timeZone = timeZone
    }

    /// Validates every record, then stages and merges them in one transaction. Throws `BatchFailure` (nothing written)
    /// when any record is wrong, `BatchTooLarge` beyond `maxRecords`. `origin` is recorded in the import log.
    public func run(_ entity: Entity, records: [BatchRecord], origin: String) async throws -> MergeCounts {
        guard records.count <= Self.maxRecords else { throw BatchTooLarge(count: records.count, limit: Self.maxRecords) }
        guard !records.isEmpty else { return MergeCounts() }
        let started = Date()
        let store = self.store
        let timeZone = self.timeZone
        return try await store.transaction {
            let layout = try RowLayout(
                file: "batch", entity: entity, mapping: .canonical(for: entity), header: entity.headers, defaultTimeZone: timeZone,
                mappingHints: false)
            let state = ImportState()
            let references = ReferenceCheck(file: "batch", perRecord: true)
            try await references.prepare(for: entity, state: state, store: store)
            var rows: [[DBValue]] = []
            rows.reserveCapacity(records.count)
            for (index, record) in records.enumerated() {
                let (cells, shapeIssues) = Self.cells(of: record, index: index, entity: entity)
                for issue in shapeIssues { state.add(issue) }
                guard let cells else { continue }
                let (decoded, key, issues) = RecordDecoder.decode(layout, cells: cells, line: index)
                if let key { state.remember(key, of: entity) }
                // A field already reported as missing or of the wrong JSON type would only be reported again as empty.
                let reported = Set(shapeIssues.compactMap(\.column))
                for issue in issues where !reported.contains(issue.column ?? "") { state.add(issue) }
                guard let decoded, shapeIssues.isEmpty else { continue }
                try await references.check(decoded, line: index, state: state, store: store)
                if state.issueCount == 0 { rows.append(decoded.cells) }
            }
            if state.issueCount > 0 {
                throw BatchFailure(
                    issues: state.issues.map { RecordIssue(record: $0.line ?? 0, field: $0.column, value: $0.value, message: $0.message) },
                    totalIssues: state.issueCount)
            }
            var start = 0
            while start < rows.count {
                let end = min(start + Self.stageSize, rows.count)
                try await store.stage(entity, rows: Array(rows[start..<end]))
                start = end
            }
            let counts = try await store.mergeStagedKeepingRollups(entity)
            try await store.finishRollups()
            var summary = EntitySummary(entity: entity)
            summary.rows = records.count
            summary.apply(counts)
            try await store.logImport(startedAt: started, files: [origin], summary: summary.line)
            return counts
        }
    }

    /// The record as a row of cells in canonical header order, and what is wrong with its shape: not an object, unknown
    /// keys, missing required keys, arrays or objects as values. Absent keys and nulls are empty cells, as in a file.
    static func cells(of record: BatchRecord, index: Int, entity: Entity) -> (cells: [String]?, issues: [ImportIssue]) {
        let fields: [String: BatchValue]
        switch record {
        case .object(let object):
            fields = object
        case .other(let what):
            let message = "is \(what), not an object; each record is a JSON object keyed by the \(entity.rawValue) columns"
            return (nil, [ImportIssue(file: "batch", line: index, column: nil, message: message)])
        }
        var issues: [ImportIssue] = []
        let columns = Set(entity.headers)
        for key in fields.keys.sorted() where !columns.contains(key) {
            issues.append(ImportIssue(
                file: "batch", line: index, column: key,
                message: "\"\(key)\" is not a column of \(entity.rawValue) (columns: \(entity.headers.joined(separator: ", ")))",
                value: fields[key]?.cell))
        }
        for field in RowLayout.requiredFields(entity) where fields[field] == nil {
            issues.append(ImportIssue(file: "batch", line: index, column: field, message: "is missing, but \(field) is required"))
        }
        for field in entity.headers {
            if case .unsupported(let what) = fields[field] {
                issues.append(ImportIssue(
                    file: "batch", line: index, column: field,
                    message: "is \(what); a field holds text, a number, true/false or null"))
            }
        }
        return (entity.headers.map { fields[$0]?.cell ?? "" }, issues)
    }
}
