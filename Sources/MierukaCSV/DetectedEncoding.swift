/// The encoding a `CSVReader` decided the input is in, reported so callers can show or log it.
///
/// `.ascii` means "undecided so far": everything read is ASCII, which is valid in both UTF-8 and
/// CP932, so `.auto` keeps reading before committing.
public enum DetectedEncoding: String, Sendable {
    case ascii
    case utf8
    case utf8BOM = "utf-8-bom"
    case cp932
}
