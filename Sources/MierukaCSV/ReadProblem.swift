/// Everything that can be wrong with CSV input, with the wording users see.
///
/// Kept in one place so the messages stay consistent: each says what was found, what was
/// expected, and what to do. The reader attaches file, line and field to make a `CSVError`.
enum ReadProblem: Equatable {
    case cannotOpen(String)
    case readFailed(String)
    case invalidDelimiter(UInt8)
    case utf16
    case bomButCP932Requested
    case unterminatedQuote
    case bareQuote
    case textAfterClosingQuote(found: UInt8, delimiter: UInt8)
    case nulByte
    case invalidUTF8
    case mixedUTF8ThenOther
    case mixedCP932ThenUTF8
    case notCP932(bytes: [UInt8], auto: Bool)
    case bomInMiddle
    case recordTooLarge(limit: Int)

    var message: String {
        switch self {
        case .cannotOpen(let why):
            return "cannot open the file (\(why))"
        case .readFailed(let why):
            return "reading the file failed (\(why))"
        case .invalidDelimiter(let b):
            return "invalid delimiter byte 0x\(hex(b)) (use an ASCII character other than a quote, CR, LF or NUL, such as a comma, tab or semicolon)"
        case .utf16:
            return "the file is UTF-16, which is not supported (save it as \"CSV UTF-8\" or as CP932/Shift_JIS CSV)"
        case .bomButCP932Requested:
            return "the file starts with a UTF-8 byte-order mark but CP932 was requested (the file is UTF-8; set the encoding to auto or utf-8)"
        case .unterminatedQuote:
            return "unterminated quoted field (a \" opened here is never closed; check for a missing closing quote)"
        case .bareQuote:
            return "bare quote in unquoted field (a \" may only appear in a field that is enclosed in quotes, doubled as \"\"; quote the whole field or remove the \")"
        case .textAfterClosingQuote(let found, let delimiter):
            return "unexpected \(describe(found)) after a closing quote (expected the delimiter \(describe(delimiter)) or the end of the line; a \" inside a quoted field must be doubled as \"\")"
        case .nulByte:
            return "NUL byte (0x00) in the data (the file is probably binary or UTF-16, not CSV text; export it again as CSV)"
        case .invalidUTF8:
            return "invalid UTF-8 in field (the file is not UTF-8; if it was saved by Excel on Japanese Windows, read it with encoding cp932)"
        case .mixedUTF8ThenOther:
            return "mixed encodings: this field is not valid UTF-8, but earlier lines were UTF-8 (parts of the file were saved in different encodings; save the file as UTF-8 or CP932 throughout)"
        case .mixedCP932ThenUTF8:
            return "mixed encodings: this line is UTF-8, but earlier lines were CP932 (parts of the file were saved in different encodings; save the file as UTF-8 or CP932 throughout)"
        case .notCP932(let bytes, let auto):
            let shown = bytes.map { "0x" + hex($0) }.joined(separator: " ")
            if auto {
                return "bytes \(shown) are neither UTF-8 nor CP932 (the file is in another encoding or damaged; save it as UTF-8 or CP932 CSV)"
            }
            return "bytes \(shown) do not decode as CP932 (if the file is UTF-8, set the encoding to auto or utf-8; otherwise the file is damaged)"
        case .bomInMiddle:
            return "byte-order mark in the middle of the file (a file was probably concatenated; remove the stray EF BB BF bytes or export the data as one file)"
        case .recordTooLarge(let limit):
            return "record larger than \(limit / (1 << 20) > 0 ? "\(limit / (1 << 20)) MB" : "\(limit) bytes") (probably a quote that is never closed, or the file is not CSV; check the quotes from this line on)"
        }
    }

    private func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    private func describe(_ b: UInt8) -> String {
        switch b {
        case 0x09: return "tab"
        case 0x0D: return "carriage return"
        case 0x20: return "space"
        case 0x2C: return "comma"
        case 0x3B: return "semicolon"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        default: return "byte 0x\(hex(b))"
        }
    }
}
