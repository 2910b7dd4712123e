import Foundation
import MierukaCore

// libFuzzer target for the mapping-file loader (Sources/MierukaImport/Mapping, YAML and JSON through Yams), built by
// scripts/fuzz.sh into one module with the loader's sources. The input is the mapping file's text.
// Invariants (a violation traps, which libFuzzer reports as a crash):
//   - loading either returns a mapping or throws ImportIssue naming the file, with a message and, when it is
//     located, a line and column ≥ 1; nothing else is ever thrown, and the same text always gives the same answer
//     (checked on one input in eight);
//   - a loaded mapping only names fields of its entity, maps each field to at least one header, has a delimiter
//     the CSV reader accepts and an encoding name the CSV reader understands (SourceEncoding(name:));
//   - its date layouts read back from their own text to the same layout.

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

/// The answer for one text, reduced to something comparable.
private func load(_ text: String) -> String {
    do {
        let mapping = try MappingLoader.parse(text, name: "fuzz.yaml")
        check(mapping.source == "fuzz.yaml", "mapping names its source \(mapping.source)")
        if let entity = mapping.entity {
            let fields = Set(entity.headers)
            for field in Set(mapping.columns.keys).union(mapping.values.keys).union(mapping.defaults.keys) {
                check(fields.contains(field), "\(field) is not a field of \(entity.rawValue) but was loaded")
            }
        }
        for (field, headers) in mapping.columns { check(!headers.isEmpty, "columns.\(field) has no header") }
        check([nil, 0x2C, 0x09, 0x3B].contains(mapping.delimiter), "delimiter \(String(describing: mapping.delimiter))")
        check(SourceEncoding(name: mapping.encoding) != nil, "encoding \(mapping.encoding) is not one the CSV reader reads")
        for pattern in [mapping.datetimeFormat, mapping.dateFormat].compactMap({ $0 }) {
            check(DateTimePattern(pattern.description) == pattern, "layout \(pattern) does not read back")
        }
        if let month = mapping.monthFormat {
            check(DateTimePattern(month.description, requiresDay: false) == month, "month layout \(month) does not read back")
        }
        return "mapping \(String(describing: mapping.entity)) \(mapping.encoding) \(String(describing: mapping.delimiter)) "
            + "\(mapping.columns.sorted { $0.key < $1.key }) \(mapping.values.keys.sorted()) \(mapping.defaults.sorted { $0.key < $1.key }) "
            + "\(String(describing: mapping.datetimeFormat)) \(String(describing: mapping.dateFormat)) "
            + "\(String(describing: mapping.monthFormat)) \(String(describing: mapping.timeZone?.identifier))"
    } catch let issue as ImportIssue {
        check(issue.file == "fuzz.yaml", "issue names \(issue.file)")
        check(!issue.message.isEmpty, "issue without a message")
        check(issue.line.map { $0 >= 1 } ?? true, "issue at line \(issue.line!)")
        // The loader's column is a position in the file when it is a number.
        check(issue.column.flatMap { Int($0) }.map { $0 >= 1 } ?? true, "issue at column \(issue.column!)")
        return "issue \(issue)"
    } catch {
        fatalError("invariant violated: the loader threw \(type(of: error)), not ImportIssue: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The loader reads files as UTF-8 and refuses others before parsing, so only UTF-8 text reaches the parser.
    guard let text = String(validating: UnsafeBufferPointer(start: start, count: size), as: UTF8.self) else { return 0 }
    let first = load(text)
    // Loading twice halves the executions per second, so one input in eight (picked by its bytes, so a crash input
    // reproduces) is loaded again: enough to catch an answer that depends on Set or Dictionary order.
    if UnsafeBufferPointer(start: start, count: size).reduce(0, &+) % 8 == 0 {
        let second = load(text)
        check(first == second, "the same text loads differently:\n\(first)\n\(second)")
    }
    return 0
}
