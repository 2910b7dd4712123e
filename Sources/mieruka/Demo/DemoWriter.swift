import Foundation
import MierukaCore
import MierukaDemo
import MierukaImport
import MierukaStore

/// Generates the demo organisation as canonical CSV, then imports it like any user's files.
enum DemoWriter {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    static func writeCSV(options: DemoOptions, directory: String) throws {
        let generator = DemoGenerator(options: options, timeZone: tokyo)
        let started = Date()
        var sink = try DemoCSVSink(directory: directory, timeZone: tokyo)
        let estimate = generator.estimatedActivities
        let isTerminal = isatty(STDERR_FILENO) != 0
        if isTerminal {
            sink.onProgress = { done in
                let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
                let percent = estimate > 0 ? min(100, Double(done) / Double(estimate) * 100) : 0
                FileHandle.standardError.write(Data(String(format: "\r\u{1B}[Kgenerating: %@ activities (≈%.0f%%), %@ rows/s",
                    NumberFormat.grouped(Double(done)), percent, NumberFormat.grouped(rate)).utf8))
            }
        }
        try generator.generate(into: &sink)
        try sink.close()
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let counts = Entity.allCases.map { "\($0.rawValue) \(NumberFormat.grouped(Double(sink.counts[$0] ?? 0)))" }.joined(separator: ", ")
        printError("generated \(counts) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s → \(directory)")
    }

    static func importCSV(directory: String, into store: any Store) async throws -> ImportSummary {
        let sources = try ImportSource.resolve(paths: [directory], mappings: [])
        return try await Importer(store: store, timeZone: tokyo, progress: TerminalProgress()).run(sources)
    }
}
