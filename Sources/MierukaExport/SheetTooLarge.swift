import MierukaCore

/// A table larger than a spreadsheet's worksheet: refused rather than written and cut off when opened.
public struct SheetTooLarge: Error, Sendable, CustomStringConvertible {
    public let table: String
    /// Rows including the header row.
    public let rows: Int
    public let columns: Int
    public let maxRows: Int
    public let maxColumns: Int

    public var description: String {
        func n(_ x: Int) -> String { NumberFormat.grouped(Double(x)) }
        return """
        「\(table)」は \(n(rows)) 行 × \(n(columns)) 列で、Excel のシートの上限（\(n(maxRows)) 行 × \(n(maxColumns)) 列）を超えます。CSV で出力するか、期間・対象を絞ってください。
        "\(table)" has \(n(rows)) rows × \(n(columns)) columns, more than a spreadsheet holds (\(n(maxRows)) × \(n(maxColumns))): export it as CSV (format=csv) or choose a shorter period or a smaller scope.
        """
    }
}
