import Foundation
import MierukaCore
import MierukaStore
import MierukaViews

/// Makes a report's document from the store (through ReportService) and writes it as HTML and PDF files: the one path
/// the CLI, the scheduler and the reports page's "generate now" take.
public struct ReportGenerator: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// The report of `kind` for the period starting `from` (daily: the day; weekly: the week holding it; monthly: its month;
    /// executive: [from, to), default the month of `from`). `today` is the organisation's today (monthly landing as of it).
    public func document(_ kind: ReportKind, from: LocalDate, to: LocalDate? = nil, scope: ReportScope, today: LocalDate, now: Date = Date())
        async throws -> ReportDocument
    {
        if !kind.allowsTeam, scope != .org {
            throw ReportError(message: "the executive report is for the organisation only (CAC, ROI and LTV have no team figures); leave out --team")
        }
        let service = ReportService(store: store)
        switch kind {
        case .daily: return .daily(try await service.daily(day: from, scope: scope, now: now))
        case .weekly: return .weekly(try await service.weekly(weekStart: from, scope: scope, now: now))
        case .monthly: return .monthly(try await service.monthly(month: from.yearMonth, scope: scope, today: today, now: now))
        case .executive:
            return .executive(try await service.executive(from: from, to: to ?? from.yearMonth.adding(months: 1).firstDay, now: now))
        }
    }

    /// Writes the report in each language and format into `directory`, each file atomically; returns the files written.
    /// Without Chromium the HTML files are still written and `PDFError` says how to get PDFs.
    public func write(_ kind: ReportKind, from: LocalDate, to: LocalDate? = nil, scope: ReportScope, today: LocalDate, now: Date = Date(),
                      into directory: URL, languages: [Language], formats: [ReportFile.Format], chromium: ChromiumPDF?) async throws -> [URL]
    {
        let document = try await self.document(kind, from: from, to: to, scope: scope, today: today, now: now)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        var pdfProblem: Error?
        for language in languages {
            let file = ReportFile(kind: kind, from: document.header.from, scope: scope, language: language, format: .html)
            let other = languages.first { $0 != language }.map { file.with(language: $0).name }
            let html = ReportView.render(document, language: language, alternate: other)
            if formats.contains(.html) {
                let url = directory.appendingPathComponent(file.name)
                try Self.writeAtomically(Data(html.utf8), to: url)
                written.append(url)
            }
            if formats.contains(.pdf) {
                guard let chromium else {
                    pdfProblem = PDFError(message: ChromiumPDF.missingMessage)
                    continue
                }
                let url = directory.appendingPathComponent(file.with(format: .pdf).name)
                do {
                    try await chromium.render(html: html, to: url)
                    written.append(url)
                } catch {
                    pdfProblem = error
                }
            }
        }
        if let pdfProblem { throw ReportsWritten(files: written, problem: pdfProblem) }
        return written
    }

    /// A temporary file beside the target, then rename(2): readers see the old file or the new one, never half of one.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".\(UUID().uuidString).tmp")
        do {
            try data.write(to: partial)
            guard rename(partial.path, url.path) == 0 else { throw PDFError(message: "could not move \(partial.path) to \(url.path): \(String(cString: strerror(errno)))") }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}

/// Some files were written, but not every one asked for (a PDF without Chromium, say).
public struct ReportsWritten: Error, CustomStringConvertible, Sendable {
    public var files: [URL]
    public var problem: any Error
    public var description: String { "\(problem)" }
}
