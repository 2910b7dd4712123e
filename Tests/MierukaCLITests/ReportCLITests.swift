import Foundation
import Testing

/// `mieruka report` end to end: HTML with the figures, a real PDF (Chromium's print-to-PDF) whose text holds them, and
/// errors that say what to do.
@Suite("mieruka report, end to end")
struct ReportCLITests {
    /// Runs a poppler tool (pdfinfo, pdftotext); nil when it is not installed (scripts/test.sh installs poppler-utils).
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String? {
        guard let path = ["/usr/bin/", "/usr/local/bin/"].map({ $0 + tool }).first(where: FileManager.default.isExecutableFile) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static var hasChromium: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].contains(where: FileManager.default.isExecutableFile)
            || ProcessInfo.processInfo.environment["MIERUKA_CHROMIUM"] != nil
    }

    @Test("monthly and executive as PDF: %PDF, at least one A4 page, the target 1,400 and the won amount in the text")
    func pdf() async throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)
        guard Self.hasChromium else {
            // CI installs Chromium (scripts/test.sh); say so rather than pass silently.
            Issue.record("no Chromium: install it with `apt-get install chromium` (scripts/test.sh does)")
            return
        }

        let monthly = try CLI.run(["report", "monthly", "--period", "2026-06", "--today", "2026-07-10", "--format", "pdf", "--out", "out/monthly.pdf"], in: dir)
        let executive = try CLI.run(["report", "executive", "--fiscal-year", "2026", "--today", "2026-07-10", "--out", "exec.pdf", "--lang", "en"], in: dir)

        #expect(monthly.status == 0, "\(monthly.stderr)")
        #expect(executive.status == 0, "\(executive.stderr)")
        for file in ["out/monthly.pdf", "exec.pdf"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect(data.starts(with: Array("%PDF".utf8)), "\(file) is a PDF")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(file).deletingLastPathComponent().path)
                .allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary file left beside \(file)")
        }
        let path = dir.appendingPathComponent("out/monthly.pdf").path
        if let info = try Self.poppler("pdfinfo", [path]) {
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect(pages >= 1, "\(info)")
            #expect(info.contains("(A4)"), "A4 pages: \(info)")
            let text = try Self.poppler("pdftotext", ["-layout", path, "-"]) ?? ""
            #expect(text.contains("月次レポート") && text.contains("1,400"), "the PDF's text holds the title and the calls target: \(text.prefix(400))")
            let exec = try Self.poppler("pdftotext", ["-layout", dir.appendingPathComponent("exec.pdf").path, "-"]) ?? ""
            #expect(exec.contains("Executive report") && exec.contains("¥"), "\(exec.prefix(400))")
        } else {
            Issue.record("pdfinfo missing: install poppler-utils (scripts/test.sh does)")
        }
    }

    @Test("daily and weekly as HTML; flags that do not fit are refused; no Chromium says apt-get install chromium")
    func htmlAndErrors() async throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)

        let daily = try CLI.run(["report", "daily", "--date", "2026-06-10", "--format", "html", "--out", "daily.html"], in: dir)
        let weekly = try CLI.run(["report", "weekly", "--week", "2026-06-10", "--team", "インサイドセールス1課", "--out", "weekly.html", "--lang", "en"], in: dir)
        let wrongFlag = try CLI.run(["report", "daily", "--period", "2026-06", "--out", "x.html"], in: dir)
        let teamExecutive = try CLI.run(["report", "executive", "--period", "2026-06", "--team", "インサイドセールス1課", "--out", "x.html"], in: dir)
        let unknownTeam = try CLI.run(["report", "monthly", "--period", "2026-06", "--team", "営業3課", "--out", "x.html"], in: dir)
        let noChromium = try CLI.run(["report", "monthly", "--period", "2026-06", "--out", "x.pdf"], in: dir,
                                     environment: ["MIERUKA_CHROMIUM": "/nonexistent/chromium"])

        #expect(daily.status == 0, "\(daily.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("daily.html"), encoding: .utf8)
        #expect(html.contains("日次レポート") && html.contains("鈴木 葵") && html.contains("2026-06-10 (水)"))
        #expect(weekly.status == 0, "\(weekly.stderr)")
        let en = try String(contentsOf: dir.appendingPathComponent("weekly.html"), encoding: .utf8)
        #expect(en.contains("<html lang=\"en\">") && en.contains("Weekly report") && en.contains("インサイドセールス1課"))
        #expect(wrongFlag.status != 0 && wrongFlag.stderr.contains("--date"))
        #expect(teamExecutive.status != 0 && teamExecutive.stderr.contains("organisation only"))
        #expect(unknownTeam.status != 0 && unknownTeam.stderr.contains("インサイドセールス1課"))
        #expect(noChromium.status != 0 && noChromium.stderr.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }
}
