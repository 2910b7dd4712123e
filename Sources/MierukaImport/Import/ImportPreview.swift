import Foundation
import MierukaCSV
import MierukaCore
import MierukaStore

/// What a file will import as, before anything is written: the encoding and delimiter found, which source columns feed
/// which canonical field, and the first rows as canonical records (with their problems). The import page shows it.
public struct ImportPreview: Sendable {
    public var file: String
    public var entity: Entity
    public var encoding: String
    public var delimiter: String
    public var header: [String]
    /// Canonical field → the source columns it is read from (empty: not in the file; a default or nothing).
    public var mapped: [(field: String, sources: [String], defaultValue: String?)]
    /// The first rows: source line, canonical cells in `entity.headers` order (nil when the row does not decode), problems.
    public var rows: [(line: Int, cells: [String]?, issues: [ImportIssue])]
    /// A problem with the file as a whole (unreadable, no header, a mapped column missing).
    public var fileIssue: ImportIssue?

    public static func make(_ source: ImportSource, timeZone: TimeZone, rows limit: Int = 10) -> ImportPreview {
        var preview = ImportPreview(file: source.name, entity: source.entity, encoding: "—", delimiter: "—", header: [], mapped: [], rows: [])
        let reader: CSVReader
        do {
            reader = try CSVReader(path: source.path, encoding: SourceEncoding(name: source.mapping.encoding) ?? .auto, delimiter: source.mapping.delimiter)
        } catch let error as CSVError {
            preview.fileIssue = ImportIssue(file: source.name, line: error.line, column: nil, message: error.message)
            return preview
        } catch {
            preview.fileIssue = ImportIssue(file: source.name, line: nil, column: nil, message: "cannot read the file: \(error)")
            return preview
        }
        do {
            guard let header = try reader.next() else {
                preview.fileIssue = ImportIssue(file: source.name, line: 1, column: nil, message: "the file is empty (expected a header row)")
                return preview
            }
            preview.encoding = reader.encoding.rawValue
            preview.delimiter = reader.delimiter == 9 ? "tab" : String(UnicodeScalar(reader.delimiter))
            preview.header = header.fields
            preview.mapped = source.entity.headers.map { field in
                (field, source.mapping.sourceColumns(of: field), source.mapping.defaults[field])
            }
            let layout = try RowLayout(file: source.name, entity: source.entity, mapping: source.mapping, header: header.fields, defaultTimeZone: timeZone)
            let canonical = CanonicalRow(timeZone: timeZone)
            while preview.rows.count < limit, let record = try reader.next() {
                guard record.fields.count == layout.headerCount else {
                    preview.rows.append((record.line, nil, [ImportIssue(file: source.name, line: record.line, column: nil,
                        message: "has \(record.fields.count) fields, the header has \(layout.headerCount)")]))
                    continue
                }
                let (decoded, _, issues) = RecordDecoder.decode(layout, cells: record.fields, line: record.line)
                preview.rows.append((record.line, decoded.map { canonical.cells(of: $0) }, issues))
            }
        } catch let issue as ImportIssue {
            preview.fileIssue = issue
        } catch let error as CSVError {
            preview.fileIssue = ImportIssue(file: source.name, line: error.line, column: error.column.map { "column \($0)" }, message: error.message)
        } catch {
            preview.fileIssue = ImportIssue(file: source.name, line: nil, column: nil, message: "\(error)")
        }
        return preview
    }
}

extension CanonicalRow {
    /// Any canonical record's cells as canonical CSV text.
    func cells(of record: CanonicalRecord) -> [String] {
        switch record {
        case .rep(let r): return cells(r)
        case .lead(let l): return cells(l)
        case .activity(let a): return cells(a)
        case .opportunity(let o): return cells(o)
        case .customer(let c): return cells(c)
        case .cost(let c): return cells(c)
        case .target(let t): return cells(t)
        }
    }
}
