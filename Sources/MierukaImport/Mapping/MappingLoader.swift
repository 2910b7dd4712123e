import Foundation
import MierukaCore
import Yams

/// Reads a mapping file (YAML or JSON) strictly: unknown keys and unknown fields are errors, so a typo never
/// silently drops a column.
public enum MappingLoader {
    static let knownKeys: Set<String> = [
        "entity", "encoding", "delimiter", "columns", "values", "defaults", "datetime_format", "date_format", "month_format", "timezone",
    ]

    public static func load(path: String) throws -> Mapping {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportIssue(file: name, line: nil, column: nil, message: "cannot read the mapping file \(path) (check the path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportIssue(file: name, line: nil, column: nil, message: "the mapping file is not UTF-8 text (save it as UTF-8)")
        }
        return try parse(text, name: name)
    }

    public static func parse(_ text: String, name: String) throws -> Mapping {
        func fail(_ message: String) -> ImportIssue { ImportIssue(file: name, line: nil, column: nil, message: message) }
        let root: Node?
        do {
            // compose keeps scalars as written, so YAML `true` stays the text "true" and `yes` stays "yes".
            root = try Yams.compose(yaml: text)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            // Yams' own text for this quotes the whole file and locates the keys at a spot that changes from run to run
            // (found by Fuzz/FuzzMapping.swift), and even its order of the keys changes when one is not text.
            let keys = duplicates.sorted().map { $0 == "<uncovertable>" ? "(a key that is not text)" : "\"\($0)\"" }.joined(separator: ", ")
            throw fail("has the key(s) \(keys) more than once in one mapping; keep one of each")
        } catch {
            throw fail("is not valid YAML or JSON: \(error)")
        }
        guard let root, let top = root.mapping else { throw fail("must be a mapping of keys (entity, columns, values, …)") }

        var mapping = Mapping(source: name)
        for (keyNode, value) in top {
            guard let key = keyNode.scalar?.string else { throw fail("has a key that is not text") }
            guard knownKeys.contains(key) else {
                throw fail("unknown key \"\(key)\" (known keys: \(knownKeys.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "entity":
                guard let s = value.scalar?.string, let entity = Entity(rawValue: s) else {
                    throw fail("entity must be one of \(Entity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mapping.entity = entity
            case "encoding":
                guard let s = value.scalar?.string.lowercased(), ["auto", "utf-8", "utf8", "cp932", "shift_jis", "sjis", "windows-31j"].contains(s)
                else { throw fail("encoding must be auto, utf-8 or cp932") }
                mapping.encoding = s
            case "delimiter":
                guard let s = value.scalar?.string else { throw fail("delimiter must be auto, \",\", \"\\t\" or \";\"") }
                switch s {
                case "auto": mapping.delimiter = nil
                case ",", "comma": mapping.delimiter = UInt8(ascii: ",")
                case "\t", "\\t", "tab": mapping.delimiter = UInt8(ascii: "\t")
                case ";", "semicolon": mapping.delimiter = UInt8(ascii: ";")
                default: throw fail("delimiter must be auto, \",\", \"\\t\" or \";\" (got \"\(s)\")")
                }
            case "columns":
                guard let entries = value.mapping else { throw fail("columns must map canonical fields to source headers") }
                for (fieldNode, sourceNode) in entries {
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
                guard let entries = value.mapping else { throw fail("values must map canonical fields to {source: canonical}") }
                for (fieldNode, table) in entries {
                    guard let field = fieldNode.scalar?.string, let pairs = table.mapping else {
                        throw fail("values must map canonical fields to {source value: canonical value}")
                    }
                    var translation: [String: String] = [:]
                    for (from, to) in pairs {
                        guard let f = from.scalar?.string, let t = to.scalar?.string else {
                            throw fail("values.\(field) must map text to text")
                        }
                        translation[f] = t
                    }
                    mapping.values[field] = translation
                }
            case "defaults":
                guard let entries = value.mapping else { throw fail("defaults must map canonical fields to values") }
                for (fieldNode, v) in entries {
                    guard let field = fieldNode.scalar?.string, let s = v.scalar?.string else {
                        throw fail("defaults must map canonical fields to text values")
                    }
                    mapping.defaults[field] = s
                }
            case "datetime_format", "date_format":
                guard let s = value.scalar?.string, let pattern = DateTimePattern(s) else {
                    throw fail("\(key) \"\(value.scalar?.string ?? "")\" is not a layout like yyyy/MM/dd H:mm (yyyy, M/MM, d/dd, H/HH, m/mm, s/ss)")
                }
                if key == "datetime_format" { mapping.datetimeFormat = pattern } else { mapping.dateFormat = pattern }
            case "month_format":
                guard let s = value.scalar?.string, let pattern = DateTimePattern(s, requiresDay: false) else {
                    throw fail("month_format must be a layout like yyyy/MM")
                }
                mapping.monthFormat = pattern
            case "timezone":
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
            // Sorted: a Set's order changes from one Set to the next, and the message must not (found by Fuzz/FuzzMapping.swift).
            for field in Set(mapping.columns.keys).union(mapping.values.keys).union(mapping.defaults.keys).sorted() where !fields.contains(field) {
                throw fail("\"\(field)\" is not a field of \(entity.rawValue) (fields: \(entity.headers.joined(separator: ", ")))")
            }
        }
        return mapping
    }
}
