import Foundation
import MierukaCore

/// A generated report's file name, which says everything the reports page needs: `KIND_FROM_SCOPE_LANG.EXT`, e.g.
/// `daily_2026-06-15_org_ja.pdf`; a team's scope is `team-` and the team name's UTF-8 bytes in hex (file names stay ASCII).
public struct ReportFile: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case html, pdf
        public var contentType: String { self == .html ? "text/html; charset=utf-8" : "application/pdf" }
    }

    public var kind: ReportKind
    public var from: LocalDate
    public var scope: ReportScope
    public var language: Language
    public var format: Format

    public init(kind: ReportKind, from: LocalDate, scope: ReportScope, language: Language, format: Format) {
        self.kind = kind
        self.from = from
        self.scope = scope
        self.language = language
        self.format = format
    }

    public var name: String {
        let scopeText: String
        switch scope {
        case .org: scopeText = "org"
        case .team(let t): scopeText = "team-" + t.utf8.map { String(format: "%02x", $0) }.joined()
        }
        return "\(kind.rawValue)_\(from)_\(scopeText)_\(language.rawValue).\(format.rawValue)"
    }

    /// The same report in another language or format.
    public func with(language: Language? = nil, format: Format? = nil) -> ReportFile {
        ReportFile(kind: kind, from: from, scope: scope, language: language ?? self.language, format: format ?? self.format)
    }

    /// Parses a name made by `name`; nil for anything else (so a request can never name a path outside the folder).
    public init?(name: String) {
        guard let dot = name.lastIndex(of: "."), let format = Format(rawValue: String(name[name.index(after: dot)...])) else { return nil }
        let parts = name[..<dot].split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 4, let kind = ReportKind(rawValue: String(parts[0])), let from = LocalDate(parts[1]),
              parts[1].count == 10, let language = Language(rawValue: String(parts[3])) else { return nil }
        let scope: ReportScope
        if parts[2] == "org" {
            scope = .org
        } else if parts[2].hasPrefix("team-") {
            let hex = Array(parts[2].dropFirst(5).utf8)
            guard !hex.isEmpty, hex.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            for i in stride(from: 0, to: hex.count, by: 2) {
                guard let b = UInt8(String(decoding: hex[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(b)
            }
            guard let team = String(bytes: bytes, encoding: .utf8), !team.isEmpty else { return nil }
            scope = .team(team)
        } else {
            return nil
        }
        self.init(kind: kind, from: from, scope: scope, language: language, format: format)
        guard self.name == name else { return nil }
    }
}
