/// A problem in CSV input (or in reading/writing it), located by file, line and field.
///
/// The message is meant for the person who exported the file: it says what was found,
/// what was expected and what to do about it.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// File name used in the message (last path component, or the name given for in-memory data).
    public let file: String
    /// 1-based physical line; 0 when the problem is not about a line (e.g. the file cannot be opened).
    public let line: Int
    /// 1-based field index within the record, nil when the problem is not about a field.
    public let column: Int?
    public let message: String

    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line: message`, `file:line:column: message`, or `file: message` when line is 0.
    public var description: String {
        guard line > 0 else { return "\(file): \(message)" }
        if let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}
