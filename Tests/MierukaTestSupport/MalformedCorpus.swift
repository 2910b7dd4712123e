import Foundation

/// The malformed-input corpus of Tests/Corpus/malformed: the committed files, the two generated at run time (too big to
/// commit) and what each must give (expected.tsv). The CLI, import-page and API suites all read it from here.
public enum MalformedCorpus {
    public struct Case: Sendable, CustomStringConvertible {
        /// The CSV file's name (its entity comes from the name's stem, or from the mapping).
        public let file: String
        /// The CSV file's full path.
        public let path: String
        /// The mapping file's full path, if the case uses one.
        public let mappingPath: String?
        /// Refused with an error (the normal case) or accepted as data.
        public let accepted: Bool
        /// `file:line:column` as it must appear in the message (empty when accepted).
        public let location: String
        /// A stable part of the message; for an accepted case, a text the stored rows must hold verbatim.
        public let fragment: String
        /// Whether the rows are also posted as JSON records to /api/v1/<entity>.
        public let api: Bool

        public var mappingName: String? { mappingPath.map { ($0 as NSString).lastPathComponent } }
        public var description: String { file + (mappingName.map { " + " + $0 } ?? "") }

        /// The 1-based line of the CSV file the location names; nil when the location is in the mapping file.
        public var line: Int? {
            guard location.hasPrefix(file + ":") else { return nil }
            return Int(location.dropFirst(file.count + 1).prefix { $0.isNumber })
        }

        /// The field (or `column N`) the location names in the CSV file.
        public var column: String? {
            guard location.hasPrefix(file + ":") else { return nil }
            let rest = location.dropFirst(file.count + 1)
            return rest.firstIndex(of: ":").map { String(rest[rest.index(after: $0)...]) }
        }
    }

    /// Tests/Corpus/malformed, found from this file's path.
    public static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/malformed")
    }

    /// The committed cases of expected.tsv, in order.
    public static func committed() throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var cases: [Case] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("file\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6 else { throw CorpusError(description: "expected.tsv: a line with \(f.count) fields instead of 6: \(line)") }
            let location = f[3] == "-" ? "" : (f[3].first?.isNumber == true ? f[0] + ":" + f[3] : f[3])
            cases.append(Case(
                file: f[0], path: directory.appendingPathComponent(f[0]).path,
                mappingPath: f[1] == "-" ? nil : directory.appendingPathComponent("mappings/" + f[1]).path,
                accepted: f[2] == "accept", location: location, fragment: f[4], api: f[5] == "yes"))
        }
        return cases
    }

    /// The big cases, written into `folder` at run time: a 2 MB quoted field (with line breaks) and a 1 MB line.
    public static func generated(in folder: URL) throws -> [Case] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let leads = "lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title\n"
            + "X-L1,株式会社テスト,web_inquiry,2026-05-01T09:00:00+09:00,R002,,working,now,,,,,,,\n"
        let huge = "X-L2,\"" + String(repeating: "大きな会社\n", count: 350_000) + "\",seminar,2026-05-02T10:00:00+09:00,R002,,new,,,,,,,,\n"
        let activities = "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced\n"
            + "X-A1,L0000001,R002,call,outbound,2026-05-01T09:30:00+09:00,130,true,,,,,\n"
        let megabyteLine = "X-A2,L0000001,R002,call,outbound,2026-05-01T10:00:00+09:00,60,true,,,,," + String(repeating: "x", count: 1 << 20) + "\n"
        let megabyteTags = leads.replacingOccurrences(of: "X-L1,", with: "X-L0,") + "X-L3,株式会社タグ,seminar,2026-05-02T10:00:00+09:00,R002,,new,,,,,,"
            + String(repeating: "tag;", count: 262_144) + ",,\n"
        var cases: [Case] = []
        for (name, text, location, fragment) in [
            ("leads.huge-field.csv", leads + huge, "3:company", "characters long"),
            ("activities.one-megabyte-line.csv", activities + megabyteLine, "3:bounced", "characters long"),
            ("leads.one-megabyte-tags.csv", megabyteTags, "3:tags", "characters long"),
        ] {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            cases.append(Case(file: name, path: url.path, mappingPath: nil, accepted: false, location: name + ":" + location, fragment: fragment, api: false))
        }
        return cases
    }

    public struct CorpusError: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }
}
