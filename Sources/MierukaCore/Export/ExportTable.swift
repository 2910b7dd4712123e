/// A table as the pages show it, ready for a file: the header row and the cells, with a name for the sheet or file.
/// Pages and exports are built from the same figures, so a download shows exactly the numbers of the page.
public struct ExportTable: Sendable, Hashable {
    /// Short ASCII name: the file name stem and the `table=` value that picks it (e.g. "reps").
    public var name: String
    /// The sheet's title in the user's language (xlsx sheet names are cut to 31 characters).
    public var title: String
    public var headers: [String]
    public var rows: [[ExportCell]]

    public init(name: String, title: String, headers: [String], rows: [[ExportCell]] = []) {
        self.name = name
        self.title = title
        self.headers = headers
        self.rows = rows
    }

    /// Each row as the page shows it (tests compare pages with exports through this).
    public var displayRows: [[String]] { rows.map { $0.map(\.displayText) } }
}
