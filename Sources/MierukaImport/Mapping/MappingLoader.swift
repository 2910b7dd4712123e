import Foundation
import MierukaCore
import Yams

/// Reads a mapping file (YAML or JSON) strictly: unknown keys and unknown fields are errors, so a typo never
/// silently drops a column.
public enum MappingLoader {
    /// Line and column (1-based) of the first line that gives one of `keys` as a block mapping key (`key:` after
    /// indentation), or nil when none does (a flow mapping, a key that is not text).
    static func firstKeyPlace(of keys: [String], in text: String) -> (Int, Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = line.drop { $0 == " " || $0 == "\t" }
            for key in keys where body.hasPrefix(key + ":") || body.hasPrefix("\"" + key + "\":") {
                return (index + 1, line.count - body.count + 1)
            }
        }
        return nil
    }

    static let knownKeys: Set<String> = [
        "entity", "encoding", "delimiter", "columns", "values", "defaults", "datetime_format", "date_format", "month_format", "timezone",
    ]

    public static func load(path: String) throws -> Mapping {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportIssue(file: name, line: nil, column: nil, message: "cannot read the mapping file \(path) (check the path)")
        }
        return try parse(data: data, name: name)
    }

    /// Parses a mapping file's bytes (an upload), refusing text that is not UTF-8 with the position of the first bad byte.
    public static func parse(data: Data, name: String) throws -> Mapping {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(in: data)
            throw ImportIssue(
                file: name, line: line, column: "\(column)",
                message: "the mapping file is not UTF-8 text (probably saved as Shift_JIS/CP932; save it as UTF-8 and run the same command again)")
        }
        return try parse(text, name: name)
    }

    public static func parse(_ text: String, name: String) throws -> Mapping {
        // Every problem is located as mapping-file:line:column (the node at fault; the file's start when there is none).
        var at: Node?
        func fail(_ message: String) -> ImportIssue {
            let mark = at?.mark
            return ImportIssue(file: name, line: mark?.line ?? 1, column: "\(mark?.column ?? 1)", message: message)
        }
        let root: Node?
        do {
            // compose keeps scalars as written, so YAML `true` stays the text "true" and `yes` stays "yes".
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw ImportIssue(
                    file: name, line: mark.line, column: "\(mark.column)",
                    message: "is not valid YAML or JSON: \(problem) (check the brackets, quotes and indentation here or just before)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                // A key given twice keeps one of two contradicting values (a field mapped twice, a source value
                // translated two ways). Yams points at a key's first occurrence — with several such keys, at one that
                // changes from run to run (found by Fuzz/FuzzMapping.swift) — so with several we point at the first
                // in the text ourselves, and the keys are named sorted.
                let keys = duplicates.sorted()
                let place = keys.count == 1 ? (context.mark.line, context.mark.column) : Self.firstKeyPlace(of: keys, in: text) ?? (1, 1)
                throw ImportIssue(
                    file: name, line: place.0, column: "\(place.1)",
                    message: keys.map { $0 == "<uncovertable>" ? "(a key that is not text) twice" : "\"\($0)\" twice" }.joined(separator: ", ")
                        + " in one mapping (given here and again below; the two contradict each other): keep one of them")
            default:
                throw fail("is not valid YAML or JSON: \(error)")
            }
        } catch {
            throw fail("is not valid YAML or JSON: \(error)")
        }
        guard let root, let top = root.mapping else {
            at = root
            throw fail("must be a mapping of keys (entity, columns, values, …); see examples/mappings/ for complete mapping files")
        }
        /// A key given twice would silently keep one of two contradicting values.
        func checkUnique(_ pairs: Node.Mapping, in what: String) throws {
            var seen: Set<String> = []
            for (key, _) in pairs {
                guard let k = key.scalar?.string else { continue }
                if !seen.insert(k).inserted {
                    at = key
                    throw fail("\(what) has \"\(k)\" twice; keep one of them")
                }
            }
        }
        try checkUnique(top, in: "the mapping")

        var mapping = Mapping(source: name)
        var fieldNodes: [String: Node] = [:]
        for (keyNode, value) in top {
            at = keyNode
            guard let key = keyNode.scalar?.string else { throw fail("has a key that is not text") }
            guard knownKeys.contains(key) else {
                throw fail("unknown key \"\(key)\" (known keys: \(knownKeys.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "entity":
                at = value
                guard let s = value.scalar?.string, let entity = Entity(rawValue: s) else {
                    throw fail("entity must be one of \(Entity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mapping.entity = entity
            case "encoding":
                at = value
                guard let s = value.scalar?.string.lowercased(), ["auto", "utf-8", "utf8", "cp932", "shift_jis", "sjis", "windows-31j"].contains(s)
                else { throw fail("encoding must be auto, utf-8 or cp932") }
                mapping.encoding = s
            case "delimiter":
                at = value
                guard let s = value.scalar?.string else { throw fail("delimiter must be auto, \",\", \"\\t\" or \";\"") }
                switch s {
                case "auto": mapping.delimiter = nil
                case ",", "comma": mapping.delimiter = UInt8(ascii: ",")
                case "\t", "\\t", "tab": mapping.delimiter = UInt8(ascii: "\t")
                case ";", "semicolon": mapping.delimiter = UInt8(ascii: ";")
                default: throw fail("delimiter must be auto, \",\", \"\\t\" or \";\" (got \"\(s)\")")
                }
            case "columns":
                at = value
                guard let entries = value.mapping else { throw fail("columns must map canonical fields to source headers") }
                try checkUnique(entries, in: "columns")
                for (fieldNode, sourceNode) in entries {
                    at = fieldNode
                    if let field = fieldNode.scalar?.string { fieldNodes[field] = fieldNodes[field] ?? fieldNode }
                    guard let field = fieldNode.scalar?.string else { throw fail("columns has a key that is not text") }
                    if let s = sourceNode.scalar?.string {
                        mapping.columns[field] = [s]
                    } else if let list = sourceNode.sequence {
                        let headers = list.compactMap { $0.scalar?.string }
                        guard headers.count == list.count, !headers.isEmpty else {
                            throw fail("columns.\(field) must be a header or a list of headers")
                        }
                        mapping.columns[field] = headers
                    } else {
                        throw fail("columns.\(field) must be a header or a list of headers")
                    }
                }
            case "values":
                at = value
                guard let entries = value.mapping else { throw fail("values must map canonical fields to {source: canonical}") }
                try checkUnique(entries, in: "values")
                for (fieldNode, table) in entries {
                    at = fieldNode
                    if let field = fieldNode.scalar?.string { fieldNodes[field] = fieldNodes[field] ?? fieldNode }
                    guard let field = fieldNode.scalar?.string, let pairs = table.mapping else {
                        throw fail("values must map canonical fields to {source value: canonical value}")
                    }
                    try checkUnique(pairs, in: "values.\(field)")
                    var translation: [String: String] = [:]
                    var keyNodes: [(String, Node)] = []
                    for (from, to) in pairs {
                        at = from
                        guard let f = from.scalar?.string, let t = to.scalar?.string else {
                            throw fail("values.\(field) must map text to text")
                        }
                        translation[f] = t
                        keyNodes.append((f, from))
                    }
                    // Translations are applied once. A value that is itself translated into something else makes the table
                    // mean two things (A→B, B→A swaps; A→B, B→C reads as A→C to some and A→B to others): refuse it.
                    for (f, node) in keyNodes {
                        let t = translation[f]!
                        guard t != f, let next = translation[t], next != t else { continue }
                        at = node
                        let kind = next == f ? "a cycle" : "a chain"
                        throw fail("values.\(field) maps \"\(f)\" to \"\(t)\" and \"\(t)\" to \"\(next)\", \(kind): translations are applied once, so "
                            + "write each source value with its final canonical value (e.g. \(f): \(next == f ? "<canonical value>" : next))")
                    }
                    mapping.values[field] = translation
                }
            case "defaults":
                at = value
                guard let entries = value.mapping else { throw fail("defaults must map canonical fields to values") }
                try checkUnique(entries, in: "defaults")
                for (fieldNode, v) in entries {
                    at = fieldNode
                    if let field = fieldNode.scalar?.string { fieldNodes[field] = fieldNodes[field] ?? fieldNode }
                    guard let field = fieldNode.scalar?.string, let s = v.scalar?.string else {
                        throw fail("defaults must map canonical fields to text values")
                    }
                    mapping.defaults[field] = s
                }
            case "datetime_format", "date_format":
                at = value
                guard let s = value.scalar?.string, let pattern = DateTimePattern(s) else {
                    throw fail("\(key) \"\(value.scalar?.string ?? "")\" is not a layout like yyyy/MM/dd H:mm (yyyy, M/MM, d/dd, H/HH, m/mm, s/ss)")
                }
                if key == "datetime_format" { mapping.datetimeFormat = pattern } else { mapping.dateFormat = pattern }
            case "month_format":
                at = value
                guard let s = value.scalar?.string, let pattern = DateTimePattern(s, requiresDay: false) else {
                    throw fail("month_format must be a layout like yyyy/MM")
                }
                mapping.monthFormat = pattern
            case "timezone":
                at = value
                guard let s = value.scalar?.string, let tz = TimeZone(identifier: s) else {
                    throw fail("timezone must be an IANA name such as Asia/Tokyo")
                }
                mapping.timeZone = tz
            default:
                break
            }
        }
        if let entity = mapping.entity {
            let fields = Set(entity.headers)
            let named = Set(mapping.columns.keys).union(mapping.values.keys).union(mapping.defaults.keys)
            // The first unknown field as written in the file; ties (a flow mapping on one line) by column, then name, so
            // the message never depends on a Set's order (found by Fuzz/FuzzMapping.swift).
            func place(_ f: String) -> (Int, Int, String) { (fieldNodes[f]?.mark?.line ?? 0, fieldNodes[f]?.mark?.column ?? 0, f) }
            for field in named.sorted(by: { place($0) < place($1) }) where !fields.contains(field) {
                at = fieldNodes[field]
                throw fail("\"\(field)\" is not a field of \(entity.rawValue) (fields: \(entity.headers.joined(separator: ", ")))")
            }
        }
        return mapping
    }

    /// Line and column (1-based, in bytes) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            guard length > 0, i + length <= bytes.count, String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil else {
                return (line, i - lineStart + 1)
            }
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        return (line, max(1, i - lineStart + 1))
    }
}
