/// One problem found in the input, located as `file:line:column` and saying what was expected.
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The canonical field (or source header) the problem is in.
    public var column: String?
    public var message: String
    /// The text that was wrong, when one cell was (the CLI's message quotes it already; the API returns it on its own).
    public var value: String?

    public init(file: String, line: Int?, column: String?, message: String, value: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.value = value
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// The import was refused: nothing was written. Carries every issue (the first 100 are listed).
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public var totalIssues: Int

    public static let listed = 100

    public init(issues: [ImportIssue], totalIssues: Int) {
        self.issues = issues
        self.totalIssues = totalIssues
    }

    public var description: String {
        var lines = issues.prefix(ImportFailure.listed).map(\.description)
        if totalIssues > lines.count { lines.append("… and \(totalIssues - lines.count) more errors") }
        lines.append("Import refused: \(totalIssues) error(s); nothing was written. Fix the rows above and run the same command again.")
        return lines.joined(separator: "\n")
    }
}
