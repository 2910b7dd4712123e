/// One CSV record (row) as read from a file, with the physical line it starts on.
///
/// `line` is 1-based and counts physical lines (LF), so a record following a quoted field that
/// contains newlines still reports the line a text editor would show; error messages in later
/// stages (mapping, validation) can then point users at the right place.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line where the record starts (the header is line 1 unless preceded by empty lines).
    public let line: Int
    /// The field values, unquoted and unescaped.
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
