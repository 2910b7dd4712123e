import Foundation

/// Prints an HTML file to PDF with headless Chromium (Debian's `chromium` package): A4 from the page's @page rule,
/// without Chromium's own header and footer.
public struct ChromiumPDF: Sendable {
    public let executable: String

    public init(executable: String) { self.executable = executable }

    /// $MIERUKA_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on $PATH or in /usr/bin.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPDF? {
        let fm = FileManager.default
        if let given = environment["MIERUKA_CHROMIUM"], !given.isEmpty {
            return fm.isExecutableFile(atPath: given) ? ChromiumPDF(executable: given) : nil
        }
        let dirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in dirs where fm.isExecutableFile(atPath: dir + "/" + name) { return ChromiumPDF(executable: dir + "/" + name) }
        }
        return nil
    }

    /// Renders `html` into a PDF at `output`, replacing it atomically (a temporary file beside it, then a rename).
    public func render(html: String, to output: URL, timeout: TimeInterval = 120) async throws {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("mieruka-pdf-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let directory = output.deletingLastPathComponent()
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let partial = directory.appendingPathComponent("." + output.lastPathComponent + ".\(UUID().uuidString).tmp")
        defer { try? fm.removeItem(at: partial) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=" + work.appendingPathComponent("profile").path, "--no-pdf-header-footer",
            "--print-to-pdf=" + partial.path, page.absoluteString,
        ]
        let log = work.appendingPathComponent("chromium.log")
        fm.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let running = RunningProcess(process)
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: PDFError(message: "could not start \(executable): \(error)"))
                    return
                }
                // A Chromium that hangs is stopped (this process object only, never anything found by name).
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { running.stop() }
            }
        } onCancel: {
            // The server is stopping: do not wait for the print.
            running.stop()
        }
        let bytes = (try? Data(contentsOf: partial)) ?? Data()
        guard status == 0, bytes.starts(with: Array("%PDF".utf8)) else {
            let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(1500)) } ?? ""
            throw PDFError(message: "Chromium (\(executable)) did not print a PDF (exit \(status)). Its output:\n\(tail)")
        }
        guard rename(partial.path, output.path) == 0 else {
            throw PDFError(message: "could not move the PDF into \(output.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Said when no Chromium is found: how to get one.
    public static let missingMessage =
        "PDF needs headless Chromium and none was found. Install it (Debian/Ubuntu: `apt-get install chromium`) or set MIERUKA_CHROMIUM to its path; "
        + "--format html works without it. / PDF出力にはChromiumが必要です（`apt-get install chromium`）。"
}

/// The Chromium process, handed to the timeout's closure.
final class RunningProcess: @unchecked Sendable {
    private let process: Process
    init(_ process: Process) { self.process = process }
    /// SIGTERM, then SIGKILL five seconds later if it is still there (a Chromium stuck in a renderer ignores SIGTERM).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) { [self] in
            if process.isRunning, process.processIdentifier == pid { kill(pid, SIGKILL) }
        }
    }
}

/// A PDF that could not be made, and why.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
