import Foundation
import MierukaCSV

/// Reads just the header row of a file, to choose among several mapping files.
enum HeaderPeek {
    static func header(of path: String, mappings: [Mapping]) -> [String] {
        let encoding = SourceEncoding(name: mappings.first?.encoding ?? "auto") ?? .auto
        guard let reader = try? CSVReader(path: path, encoding: encoding, delimiter: mappings.first?.delimiter),
            let record = try? reader.next()
        else { return [] }
        return record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
