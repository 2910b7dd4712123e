import Foundation
import MierukaCSV
import MierukaCore

/// A table as a CSV file: the header row, then the rows as `ExportCell.csvText` gives them (numbers without separators,
/// text with formulas neutralised, — for undefined), RFC 4180 quoting, LF line ends.
public enum TableCSV {
    public static func data(_ table: ExportTable, encoding: ExportEncoding = .utf8, replacingUnmappable: Bool = false) throws -> Data {
        let lines = [table.headers.map(FormulaGuard.neutralised)] + table.rows.map { $0.map(\.csvText) }
        switch encoding {
        case .utf8:
            var writer = CSVWriter(bom: true)
            for line in lines { try writer.write(line) }
            try writer.flush()
            return writer.data
        case .cp932:
            var missing: [UnmappableCharacters.Place] = []
            for (index, line) in lines.enumerated() {
                for (column, field) in line.enumerated() {
                    for found in CP932Encoder.encode(field).unmappable {
                        missing.append(.init(line: index + 1, column: column < table.headers.count ? table.headers[column] : "\(column + 1)",
                                             character: found.character, codePoints: found.codePoints))
                    }
                }
            }
            if !missing.isEmpty && !replacingUnmappable { throw UnmappableCharacters(file: table.name + ".csv", places: missing) }
            var bytes: [UInt8] = []
            for line in lines {
                bytes += CP932Encoder.encode(CSVWriter.line(line)).bytes
                bytes.append(0x0A)
            }
            return Data(bytes)
        }
    }
}

/// Characters a CP932 export cannot hold, each with its place: the export is refused rather than losing them silently.
public struct UnmappableCharacters: Error, CustomStringConvertible, Sendable {
    public struct Place: Sendable, Hashable {
        /// 1-based line of the CSV file (1 = the header row).
        public var line: Int
        public var column: String
        public var character: Character
        public var codePoints: String
    }

    public var file: String
    public var places: [Place]

    public var description: String {
        let shown = places.prefix(20).map { "\(file):\($0.line):\($0.column): \"\($0.character)\" (\($0.codePoints))" }
        let more = places.count > 20 ? "\n… and \(places.count - 20) more" : ""
        return "Shift_JIS (CP932) にない文字が \(places.count) 個あります。UTF-8 で出力するか、? に置き換えて出力してください。\n"
            + "\(places.count) character(s) have no CP932 code; export in UTF-8, or ask to replace them with ?.\n"
            + shown.joined(separator: "\n") + more
    }
}
