import MierukaCore

/// The file kinds a table is exported as.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, xlsx

    public var fileExtension: String { rawValue }

    public var contentType: String {
        switch self {
        case .csv: return "text/csv"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// The text encoding of a CSV export: UTF-8 with a byte-order mark (Excel then reads it as Unicode; the default),
/// or CP932 for the Excel versions and tools that read only Shift_JIS.
public enum ExportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case cp932

    /// Accepts the names people type: utf8, UTF-8, cp932, shift_jis, sjis, windows-31j.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "cp932", "shift-jis", "sjis", "windows-31j", "ms932": self = .cp932
        default: return nil
        }
    }

    public var charset: String { self == .utf8 ? "utf-8" : "Shift_JIS" }
}
