import ArgumentParser
import Foundation
import MierukaCore
import MierukaExport

/// `--format csv|xlsx`, `--encoding`, `--out` as every exporting command takes them.
struct ExportOptions: ParsableArguments {
    @Option(help: "CSV encoding: utf-8 (with BOM, the default) or cp932 (Shift_JIS for older Excel).") var encoding: String = "utf-8"
    @Flag(help: "CP932: write ? for characters Shift_JIS lacks instead of stopping with their list.") var replaceUnmappable = false
    @Option(help: "Write the file here (required for xlsx; CSV goes to standard output without it).") var out: String?

    func validate() throws {
        guard ExportEncoding(name: encoding) != nil else { throw ValidationError("--encoding must be utf-8 or cp932") }
    }

    /// Writes the tables as a CSV (one table) or a workbook; the message names the file and what it holds.
    func write(_ tables: [ExportTable], format: ExportFormat, title: String) throws {
        let data: Data
        switch format {
        case .csv:
            guard tables.count == 1, let table = tables.first else { throw ValidationError("CSV holds one table; ask for --format xlsx") }
            do {
                data = try TableCSV.data(table, encoding: ExportEncoding(name: encoding)!, replacingUnmappable: replaceUnmappable)
            } catch let error as UnmappableCharacters {
                throw ValidationError(error.description + "\n(--replace-unmappable writes ? instead)")
            }
        case .xlsx:
            guard out != nil else { throw ValidationError("--format xlsx needs --out FILE.xlsx (a workbook is not text for a terminal)") }
            data = try XLSXWorkbook.data(tables, title: title)
        }
        guard let out else {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: out)
        // Written beside the target, then renamed: a reader never sees half a file.
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try data.write(to: temporary)
        if FileManager.default.fileExists(atPath: url.path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary) } else {
            try FileManager.default.moveItem(at: temporary, to: url)
        }
        let rows = tables.map(\.rows.count).reduce(0, +)
        printError("\(out): \(format.rawValue), \(tables.count) 表 / table(s), \(rows) 行 / rows, \(data.count) bytes")
    }
}
