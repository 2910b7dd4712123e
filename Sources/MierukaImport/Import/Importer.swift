import Foundation
import MierukaCSV
import MierukaCore
import MierukaStore

/// Imports CSV files all or nothing: one invocation is one transaction; any error anywhere and nothing is written.
public struct Importer: Sendable {
    public let store: any Store
    public let timeZone: TimeZone
    public let progress: (any ImportProgress)?
    /// Rows per multi-row upsert statement.
    public var batchSize = 500

    public init(store: any Store, timeZone: TimeZone, progress: (any ImportProgress)? = nil) {
        self.store = store
        self.timeZone = timeZone
        self.progress = progress
    }

    /// Imports the sources (already in dependency order). Throws `ImportFailure` with every issue when anything is wrong.
    /// A dry run does all of it — validation, references, the merge and its counts — and then rolls back.
    public func run(_ sources: [ImportSource], dryRun: Bool = false) async throws -> ImportSummary {
        let started = Date()
        let state = ImportState()
        if dryRun {
            do {
                _ = try await store.transaction { () -> [EntitySummary] in
                    throw DryRunFinished(entities: try await importAll(sources, state: state, started: started, dryRun: true))
                }
            } catch let finished as DryRunFinished {
                return ImportSummary(entities: finished.entities, seconds: Date().timeIntervalSince(started))
            }
        }
        let entities = try await store.transaction { try await importAll(sources, state: state, started: started, dryRun: false) }
        return ImportSummary(entities: entities, seconds: Date().timeIntervalSince(started))
    }

    /// Lines are read up to LF (or CRLF); a CR alone is old-Mac line ends, or CR and CRLF mixed by an editor.
    static let bareCarriageReturn = "a carriage return (CR) without a line feed ends a line here: the file's lines end in CR only, "
        + "or CR and CRLF are mixed (save the file again with CRLF or LF line ends, e.g. as \"CSV UTF-8\" from Excel)"

    /// Thrown at the end of a dry run so the transaction rolls back with the counts in hand.
    private struct DryRunFinished: Error {
        var entities: [EntitySummary]
    }

    private func importAll(_ sources: [ImportSource], state: ImportState, started: Date, dryRun: Bool) async throws -> [EntitySummary] {
        var summaries: [Entity: EntitySummary] = [:]
        for (index, source) in sources.enumerated() {
            var summary = summaries[source.entity] ?? EntitySummary(entity: source.entity)
            try await importFile(source, into: &summary, state: state)
            // Merge once all files of an entity are staged (sources come in dependency order), so that
            // duplicates across files follow "the last row wins" too.
            if index == sources.count - 1 || sources[index + 1].entity != source.entity, state.issueCount == 0 {
                // The rollups follow in the same transaction (a dry run is rolled back: they need not).
                summary.apply(dryRun ? try await store.mergeStaged(source.entity) : try await store.mergeStagedKeepingRollups(source.entity))
            }
            summaries[source.entity] = summary
        }
        if state.issueCount > 0 {
            throw ImportFailure(issues: state.issues, totalIssues: state.issueCount)
        }
        if !dryRun { try await store.finishRollups() }
        let ordered = Entity.allCases.compactMap { summaries[$0] }
        try await store.logImport(startedAt: started, files: sources.map(\.path), summary: ordered.map(\.line).joined(separator: "\n"))
        return ordered
    }

    private func importFile(_ source: ImportSource, into summary: inout EntitySummary, state: ImportState) async throws {
        summary.files.append(source.name)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: source.path, encoding: SourceEncoding(name: source.mapping.encoding) ?? .auto, delimiter: source.mapping.delimiter)
        } catch let error as CSVError {
            state.add(ImportIssue(file: source.name, line: error.line, column: nil, message: error.message))
            return
        } catch {
            state.add(ImportIssue(file: source.name, line: nil, column: nil, message: "cannot read the file: \(error)"))
            return
        }
        progress?.started(file: source.name, entity: source.entity, totalBytes: reader.totalBytes)

        let layout: RowLayout
        do {
            guard let header = try reader.next() else {
                state.add(ImportIssue(
                    file: source.name, line: 1, column: "column 1",
                    message: "the file is empty (expected a header row with the \(source.entity.rawValue) columns, then one row per record; export the data again)"))
                return
            }
            if let column = header.fields.firstIndex(where: { $0.contains("\r") }) {
                state.add(ImportIssue(file: source.name, line: 1, column: "column \(column + 1)", message: Self.bareCarriageReturn))
                return
            }
            layout = try RowLayout(file: source.name, entity: source.entity, mapping: source.mapping, header: header.fields, defaultTimeZone: timeZone)
        } catch let issue as ImportIssue {
            state.add(issue)
            return
        } catch let error as CSVError {
            // A problem of the whole file (UTF-16, a BOM against the requested encoding) is located at its start.
            state.add(ImportIssue(file: source.name, line: error.line, column: "column \(error.column ?? 1)", message: error.message))
            return
        }

        var batch: [[DBValue]] = []
        batch.reserveCapacity(batchSize)
        var rows = 0
        let references = ReferenceCheck(file: source.name)
        let writer = PipelinedWriter(store: store, entity: source.entity)
        // Load the referenced keys before the first batch is written, so no two store calls ever overlap.
        try await references.prepare(for: source.entity, state: state, store: store)

        while true {
            let record: CSVRecord?
            do {
                record = try reader.next()
            } catch let error as CSVError {
                // The reader cannot find the next row boundary reliably after a quoting error: stop this file here.
                state.add(ImportIssue(file: source.name, line: error.line, column: layout.columnName(at: error.column ?? 1), message: error.message))
                break
            }
            guard let record else { break }
            if writer.failed { try await writer.finish() }
            rows += 1
            if record.fields.count != layout.headerCount, let column = record.fields.firstIndex(where: { $0.contains("\r") }) {
                // Lines joined by a CR that is not followed by LF: say so rather than count fields.
                state.add(ImportIssue(file: source.name, line: record.line, column: "column \(column + 1)", message: Self.bareCarriageReturn))
                continue
            }
            if record.fields.count != layout.headerCount {
                // The column where the row stops matching the header: the first missing one, or the first extra one.
                state.add(ImportIssue(
                    file: source.name, line: record.line, column: "column \(min(record.fields.count, layout.headerCount) + 1)",
                    message: "has \(record.fields.count) fields, the header has \(layout.headerCount) (a missing or extra delimiter, or an unquoted comma?)"))
                continue
            }
            let (decoded, key, issues) = RecordDecoder.decode(layout, cells: record.fields, line: record.line)
            if let key { state.remember(key, of: source.entity) }
            for issue in issues { state.add(issue) }
            guard let decoded else { continue }
            try await references.check(decoded, line: record.line, state: state, store: store)
            guard state.issueCount == 0 else { continue }  // keep validating, stop writing
            batch.append(decoded.cells)
            if batch.count >= batchSize {
                try await writer.stage(batch)
                batch.removeAll(keepingCapacity: true)
            }
            if rows % 10_000 == 0 { progress?.advanced(file: source.name, rows: rows, bytes: reader.bytesConsumed, totalBytes: reader.totalBytes) }
        }
        if rows == 0, state.issueCount == 0 {
            // A header without rows is almost always a failed or filtered-out export; importing "nothing" would hide that.
            state.add(ImportIssue(
                file: source.name, line: 2, column: "column 1",
                message: "there are no rows after the header (nothing to import: check the export's filter, or leave this file out of the import)"))
        }
        for issue in references.issues() { state.add(issue) }
        if state.issueCount == 0, !batch.isEmpty { try await writer.stage(batch) }
        try await writer.finish()
        progress?.advanced(file: source.name, rows: rows, bytes: reader.bytesConsumed, totalBytes: reader.totalBytes)
        progress?.finished(file: source.name, rows: rows)

        summary.rows += rows
    }
}

extension RowLayout {
    /// The canonical field read from a 1-based source column, or the column number.
    func columnName(at column: Int) -> String {
        indices.first { $0.value.contains(column - 1) }?.key ?? "column \(column)"
    }
}
