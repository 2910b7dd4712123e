import Foundation
import MierukaCore

/// Reads the canonical fields of one source row through a mapping, collecting an issue for every bad cell.
struct RowFields {
    let layout: RowLayout
    let cells: [String]
    let line: Int
    var issues: [ImportIssue] = []

    init(layout: RowLayout, cells: [String], line: Int) {
        self.layout = layout
        self.cells = cells
        self.line = line
    }

    /// The field's text after joining, translating and defaulting; nil when empty (unknown).
    func raw(_ field: String) -> String? {
        var text: String?
        if let indices = layout.indices[field] {
            text = indices.count == 1
                ? cells[indices[0]]
                : indices.map { cells[$0] }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        if let t = text, let translation = layout.mapping.values[field] {
            text = translation[t] ?? translation[t.trimmedCell] ?? t
        }
        if text?.isEmpty ?? true { text = layout.mapping.defaults[field] }
        return text?.isEmpty == true ? nil : text
    }

    /// Dates before 1900 are what spreadsheets show for an empty or zero date cell (1899-12-30 is Excel's day 0), never a
    /// sales event; the parsers read years of four digits only.
    static let years = (-2_208_988_800.0)..<253_402_300_800.0  // 1900-01-01T00:00:00Z ..< 10000-01-01T00:00:00Z
    static let outsideYears = "outside the years 1900–9999 (1899-12-30 or 1900-01-00 is how a spreadsheet shows an empty date: leave the cell empty for unknown)"

    /// Longest cell a mapped column may hold. Longer ones are a quote that was never closed or binary data pasted into
    /// a cell, and the message must not quote them whole.
    static let maxCellCharacters = 10_000

    mutating func issue(_ field: String, _ message: String) {
        issues.append(ImportIssue(file: layout.file, line: line, column: field, message: message, value: raw(field)))
    }

    mutating func missing(_ field: String) {
        issue(field, "is empty, but \(field) is required")
    }

    /// Ids are dedupe keys: no surrounding or inner whitespace, no full-width look-alikes that would make two ids of one.
    mutating func id(_ field: String, required: Bool = true) -> String? {
        guard let text = raw(field) else {
            if required { missing(field) }
            return nil
        }
        if text.hasSpaceOrControl {
            issue(field, "\"\(text)\" contains spaces or control characters; an id must be one word (fix the id in the source)")
            return nil
        }
        if text.utf8.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) {
            issue(field, "\"\(text)\" contains full-width letters or digits; write the id in half-width characters so it matches other files")
            return nil
        }
        return text
    }

    mutating func text(_ field: String, required: Bool = false) -> String? {
        let text = raw(field)
        if text == nil, required { missing(field) }
        return text
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ field: String, _ type: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        if let value = E(rawValue: text) ?? E(rawValue: text.lowercased()) { return value }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        issue(field, "\"\(text)\" is not one of \(allowed)" + (layout.mappingHints ? " (translate source values with the mapping's values:)" : ""))
        return nil
    }

    mutating func bool(_ field: String) -> Bool? {
        guard let text = raw(field)?.trimmedCell else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            let hint = layout.mappingHints ? "; map others such as はい/いいえ with values:" : ""
            issue(field, "\"\(text)\" is not a yes/no value (expected true/false, 1/0 or yes/no\(hint))")
            return nil
        }
    }

    mutating func integer(_ field: String, required: Bool = false, nonNegative: Bool = true, what: String = "a whole number") -> Int64? {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        if let plain = Int64(text) {
            // The common case, without any cleaning.
            if nonNegative, plain < 0 {
                issue(field, "\(text) is negative; \(field) cannot be below 0")
                return nil
            }
            return plain
        }
        // Spreadsheets write 1,234,000, 1234000.00, ¥1,234,000 and 1,234,000円; all are whole numbers.
        var cleaned = text.replacingOccurrences(of: ",", with: "")
        for affix in ["¥", "￥", "JPY", "円"] {
            if cleaned.hasPrefix(affix) { cleaned = String(cleaned.dropFirst(affix.count)).trimmingCharacters(in: .whitespaces) }
            if cleaned.hasSuffix(affix) { cleaned = String(cleaned.dropLast(affix.count)).trimmingCharacters(in: .whitespaces) }
        }
        if let dot = cleaned.firstIndex(of: "."), cleaned[cleaned.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            cleaned = String(cleaned[..<dot])
        }
        guard let value = Int64(cleaned) else {
            issue(field, "\"\(text)\" is not \(what)")
            return nil
        }
        if nonNegative, value < 0 {
            issue(field, "\(text) is negative; \(field) cannot be below 0")
            return nil
        }
        return value
    }

    /// Seconds, also written as m:ss or h:mm:ss as call tools export talk time.
    mutating func seconds(_ field: String) -> Int64? {
        guard let text = raw(field)?.trimmedCell else { return nil }
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int64($0) }
            if (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }), parts.dropFirst().allSatisfy({ $0! < 60 }) {
                return parts.reduce(0) { $0 * 60 + $1! }
            }
            issue(field, "\"\(text)\" is not a duration (expected seconds such as 125, or m:ss / h:mm:ss such as 2:05)")
            return nil
        }
        return integer(field, what: "a number of seconds")
    }

    mutating func money(_ field: String, required: Bool = false) -> Int64? {
        integer(field, required: required, what: "an amount in whole yen (e.g. 1200000)")
    }

    mutating func number(_ field: String, required: Bool = false) -> Double? {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        guard let value = Double(text.replacingOccurrences(of: ",", with: "")), value.isFinite else {
            issue(field, "\"\(text)\" is not a number")
            return nil
        }
        return value
    }

    mutating func datetime(_ field: String, required: Bool = false) -> Date? {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        if let date = layout.dateTimes.parse(Substring(text)) {
            guard RowFields.years.contains(date.timeIntervalSince1970) else {
                issue(field, "\"\(text)\" is \(RowFields.outsideYears)")
                return nil
            }
            return date
        }
        let expected = layout.mapping.datetimeFormat.map { "ISO 8601, or \($0) as the mapping says" }
            ?? "ISO 8601 such as 2026-04-01T09:30:00+09:00" + (layout.mappingHints ? ", or a datetime_format in a mapping file" : "")
        issue(field, "\"\(text)\" is not a date-time (expected \(expected))")
        return nil
    }

    mutating func date(_ field: String, required: Bool = false) -> LocalDate? {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        if let date = LocalDate(text) ?? layout.mapping.dateFormat.flatMap({ $0.match(Substring(text))?.0 }) {
            guard (1900...9999).contains(date.year) else {
                issue(field, "\"\(text)\" is \(RowFields.outsideYears)")
                return nil
            }
            return date
        }
        let expected = layout.mapping.dateFormat.map { "YYYY-MM-DD, or \($0) as the mapping says" } ?? "YYYY-MM-DD or YYYY/MM/DD"
        issue(field, "\"\(text)\" is not a date (expected \(expected))")
        return nil
    }

    mutating func month(_ field: String, required: Bool = false) -> YearMonth? {
        guard let text = raw(field)?.trimmedCell else {
            if required { missing(field) }
            return nil
        }
        if let month = YearMonth(text) ?? layout.mapping.monthFormat.flatMap({ $0.match(Substring(text))?.0.yearMonth }) {
            guard (1900...9999).contains(month.year) else {
                issue(field, "\"\(text)\" is \(RowFields.outsideYears)")
                return nil
            }
            return month
        }
        let expected = layout.mapping.monthFormat.map { "YYYY-MM, or \($0) as the mapping says" } ?? "YYYY-MM or YYYY/MM"
        issue(field, "\"\(text)\" is not a month (expected \(expected))")
        return nil
    }
}
