import Foundation

/// LibreOffice's own reading of a file we wrote: `soffice --headless --convert-to csv`. In CI (CI=true) LibreOffice
/// must be there (scripts/test.sh installs it); on a developer machine without it the check says so and is skipped.
public enum LibreOffice {
    public static var executable: String? {
        for path in ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "LibreOffice is not installed (apt-get install libreoffice-calc); CI installs it" }
    }

    /// Every sheet of `xlsx` as CSV text (UTF-8) by sheet name, as LibreOffice shows the cells (formatted text).
    public static func csvSheets(of xlsx: Data, sheetNames: [String]) throws -> [String: String] {
        guard let soffice = executable else { throw Missing() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("book.xlsx")
        try xlsx.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Filter options: comma, double quote, UTF-8 (76), first line 1, …, "as shown" true, sheet -1 = every sheet to its own file.
        process.arguments = ["--headless", "-env:UserInstallation=file://\(dir.path)/profile", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        var sheets: [String: String] = [:]
        for file in files {
            // One sheet: book.csv; several: book-<sheet name>.csv.
            let name = file == "book.csv" ? sheetNames.first ?? "" : String(file.dropFirst("book-".count).dropLast(".csv".count))
            sheets[name] = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        }
        return sheets
    }
}
