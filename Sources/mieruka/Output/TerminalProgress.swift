import Foundation
import MierukaCore
import MierukaImport

/// A progress bar on a terminal (rows, rows/s, percent of bytes, ETA); plain lines when standard error is not a terminal.
final class TerminalProgress: ImportProgress, @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var fileStarted = Date()
    private var lastDraw = Date.distantPast

    func started(file: String, entity: Entity, totalBytes: Int64?) {
        lock.withLock { fileStarted = Date() }
        if !isTerminal { printError("reading \(file) (\(entity.rawValue))") }
    }

    func advanced(file: String, rows: Int, bytes: Int64, totalBytes: Int64?) {
        guard isTerminal else { return }
        let now = Date()
        let (elapsed, shouldDraw) = lock.withLock { () -> (Double, Bool) in
            let draw = now.timeIntervalSince(lastDraw) > 0.2
            if draw { lastDraw = now }
            return (now.timeIntervalSince(fileStarted), draw)
        }
        guard shouldDraw else { return }
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        var line = "\(file): \(NumberFormat.grouped(Double(rows))) rows, \(NumberFormat.grouped(rate)) rows/s"
        if let total = totalBytes, total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
            line = "[\(bar)] \(String(format: "%5.1f", fraction * 100))% " + line + String(format: ", ETA %.0f s", eta)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func finished(file: String, rows: Int) {
        if isTerminal { clear() }
        printError("\(file): \(NumberFormat.grouped(Double(rows))) rows read")
    }

    func clear() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
