import Foundation

/// The text encoding a caller asks the CSV reader to use for a file.
///
/// Japanese inside-sales exports come either as UTF-8 (modern tools, often with a BOM) or as
/// CP932 (Excel on Japanese Windows, usually labelled "Shift_JIS"), so those are the only choices;
/// `.auto` tells them apart from the bytes themselves.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case cp932

    /// Parses an encoding name as written in mapping files or on the command line.
    ///
    /// Case-insensitive. CP932 is also accepted under the names people actually use for it
    /// ("shift_jis", "sjis", "ms932", "windows-31j"), because Windows labels CP932 as Shift_JIS
    /// and users copy whatever their tool showed them.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "cp932", "shift_jis", "shift-jis", "shiftjis", "sjis", "ms932", "windows-31j": self = .cp932
        default: return nil
        }
    }
}
