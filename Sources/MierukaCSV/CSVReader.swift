import Foundation

/// Reads CSV records one at a time from a file or an in-memory upload, in constant memory.
///
/// The input is read in chunks, converted to UTF-8 (UTF-8 with or without BOM, or CP932; see
/// `SourceEncoding`) and parsed as bytes per RFC 4180. Problems are thrown as `CSVError` with the
/// file name, physical line and field number. The first record returned is the header row;
/// interpreting it is the caller's job.
public final class CSVReader {
    /// File name used in errors (last path component).
    public let name: String
    /// The encoding decided so far; `.ascii` while `.auto` has seen only ASCII.
    public private(set) var encoding: DetectedEncoding
    /// The field delimiter in use, given or detected from the header line.
    public private(set) var delimiter: UInt8
    /// Size of the input in bytes when known (regular files and in-memory data).
    public let totalBytes: Int64?
    /// Input bytes consumed by the records returned so far, for progress bars.
    public private(set) var bytesConsumed: Int64 = 0

    static let defaultChunkSize = 1 << 20
    static let defaultMaxRecordBytes = 16 << 20

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    private var decoder: SegmentDecoder
    /// UTF-8 bytes not yet parsed start at `position`; the rest of a record may be still to come.
    private var buffer: [UInt8] = []
    private var position = 0
    /// Physical line (1-based) at `position`.
    private var line = 1
    /// True once the decoder has delivered everything.
    private var inputDone = false
    private let maxRecordBytes: Int
    /// Two 256-entry tables: bytes that end the fast scan in an unquoted field (first 256) and in
    /// a quoted field (next 256). A table lookup per byte keeps the inner loops branch-light.
    private let stops: UnsafeMutablePointer<Bool>
    private var fieldCountHint = 16
    private var scratch: [UInt8] = []

    /// Opens a file for reading. Throws `CSVError` if it cannot be opened, or if the start of the
    /// file is unusable (e.g. UTF-16).
    /// - Parameter delimiter: nil = detect from the header line (comma, tab or semicolon,
    ///   whichever occurs most outside quotes; comma when none does).
    public convenience init(path: String, encoding: SourceEncoding = .auto, delimiter: UInt8? = nil) throws {
        try self.init(path: path, encoding: encoding, delimiter: delimiter, chunkSize: CSVReader.defaultChunkSize)
    }

    /// Reads CSV from memory (uploads, tests). `name` is used in error messages.
    public convenience init(data: Data, name: String, encoding: SourceEncoding = .auto, delimiter: UInt8? = nil) throws {
        try self.init(data: data, name: name, encoding: encoding, delimiter: delimiter, chunkSize: CSVReader.defaultChunkSize)
    }

    /// Like the public initialiser, with a chunk size and record limit so tests can make records
    /// straddle chunks and hit the limit without megabytes of input.
    convenience init(
        path: String, encoding: SourceEncoding, delimiter: UInt8?, chunkSize: Int,
        maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes
    ) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw CSVError(file: name, line: 0, message: ReadProblem.cannotOpen(Self.reason(error)).message)
        }
        var total: Int64?
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? NSNumber
        {
            total = size.int64Value
        }
        try self.init(
            source: ByteSource(handle: handle), name: name, totalBytes: total, encoding: encoding,
            delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    convenience init(
        data: Data, name: String, encoding: SourceEncoding, delimiter: UInt8?, chunkSize: Int,
        maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes
    ) throws {
        try self.init(
            source: ByteSource(data: data), name: name, totalBytes: Int64(data.count), encoding: encoding,
            delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    init(
        source: ByteSource, name: String, totalBytes: Int64?, encoding: SourceEncoding, delimiter: UInt8?,
        chunkSize: Int, maxRecordBytes: Int
    ) throws {
        self.name = name
        self.totalBytes = totalBytes
        self.maxRecordBytes = maxRecordBytes
        decoder = SegmentDecoder(source: source, requested: encoding, chunkSize: chunkSize, maxPendingBytes: maxRecordBytes)
        self.encoding = decoder.detected
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        stops = .allocate(capacity: 512)
        stops.initialize(repeating: false, count: 512)
        if let delimiter {
            // A delimiter that the parser gives another meaning to would silently mis-split.
            guard delimiter != Self.quote, delimiter != Self.lf, delimiter != Self.cr, delimiter != 0, delimiter < 0x80 else {
                throw CSVError(file: name, line: 0, message: ReadProblem.invalidDelimiter(delimiter).message)
            }
        } else {
            try detectDelimiter()
        }
        for b in [self.delimiter, Self.lf, Self.cr, Self.quote, 0, 0xEF] { stops[Int(b)] = true }
        for b in [Self.quote, Self.lf, 0, 0xEF] { stops[256 + Int(b)] = true }
    }

    deinit {
        stops.deallocate()
        decoder.close()
    }

    /// The next record, or nil at the end of the input. Completely empty lines are skipped.
    public func next() throws -> CSVRecord? {
        while true {
            switch try parseRecord() {
            case .record(let record):
                let unparsed = Double(buffer.count - position) * decoder.rawPerOutputByte
                bytesConsumed = max(bytesConsumed, decoder.rawDelivered - Int64(unparsed))
                return record
            case .end:
                bytesConsumed = decoder.rawDelivered
                return nil
            case .needMore(let recordLine, let lineNow, let column):
                if buffer.count - position > maxRecordBytes {
                    throw error(.recordTooLarge(limit: maxRecordBytes), line: recordLine, column: nil)
                }
                try refill(recordLine: recordLine, line: lineNow, column: column)
            }
        }
    }

    // MARK: - Input

    /// Drops parsed bytes and appends the next decoded segment.
    private func refill(recordLine: Int, line lineNow: Int, column: Int?) throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let result: SegmentDecoder.Fill
        do {
            result = try decoder.fill(into: &buffer)
        } catch {
            throw self.error(.readFailed(Self.reason(error)), line: lineNow, column: nil)
        }
        encoding = decoder.detected
        switch result {
        case .appended:
            break
        case .finished:
            inputDone = true
        case .failed(let problem):
            switch problem {
            case .utf16, .bomButCP932Requested, .readFailed:
                throw error(problem, line: lineNow, column: nil)
            default:
                throw error(problem, line: lineNow, column: column)
            }
        case .tooLarge:
            throw error(.recordTooLarge(limit: maxRecordBytes), line: recordLine, column: nil)
        }
    }

    /// Picks comma, tab or semicolon by counting them outside quotes in the first non-empty line.
    /// Problems found on the way are left for `next()` to report at the right record.
    private func detectDelimiter() throws {
        var counts = (comma: 0, tab: 0, semicolon: 0)
        var inQuotes = false
        var sawContent = false
        var scanned = 0
        scan: while true {
            while scanned < buffer.count {
                let b = buffer[scanned]
                scanned += 1
                if b == Self.quote {
                    inQuotes.toggle()  // "" inside quotes toggles twice, which is what we want
                    sawContent = true
                } else if !inQuotes {
                    switch b {
                    case Self.lf: if sawContent { break scan }
                    case Self.cr: break
                    case UInt8(ascii: ","): counts.comma += 1; sawContent = true
                    case 0x09: counts.tab += 1; sawContent = true
                    case UInt8(ascii: ";"): counts.semicolon += 1; sawContent = true
                    default: sawContent = true
                    }
                }
            }
            if inputDone || buffer.count > maxRecordBytes { break }
            let result: SegmentDecoder.Fill
            do {
                result = try decoder.fill(into: &buffer)
            } catch {
                throw self.error(.readFailed(Self.reason(error)), line: 1, column: nil)
            }
            encoding = decoder.detected
            switch result {
            case .appended: continue
            case .finished: inputDone = true
            case .failed, .tooLarge: break scan
            }
        }
        // Ties go to the more common delimiter: comma, then tab, then semicolon.
        if counts.tab > counts.comma && counts.tab >= counts.semicolon {
            delimiter = 0x09
        } else if counts.semicolon > counts.comma && counts.semicolon > counts.tab {
            delimiter = UInt8(ascii: ";")
        } else {
            delimiter = UInt8(ascii: ",")
        }
    }

    // MARK: - Parsing

    private enum Step {
        case record(CSVRecord)
        case end
        /// The buffer ran out inside a record (or before one); `column` is the field being read.
        case needMore(recordLine: Int, line: Int, column: Int?)
    }

    /// Parses one record starting at `position`. When the buffered bytes end before the record
    /// does, returns `.needMore` without consuming anything; the record is parsed again from its
    /// start after a refill. That costs a re-scan only for the one record per chunk that straddles
    /// the boundary, and keeps the parser free of resumable state.
    private func parseRecord() throws -> Step {
        let end = buffer.count
        let atEOF = inputDone
        let delimiter = self.delimiter
        let quote = Self.quote, lf = Self.lf, cr = Self.cr
        let unquotedStops = UnsafePointer(stops)
        let quotedStops = UnsafePointer(stops + 256)

        return try buffer.withUnsafeBufferPointer { (whole) throws -> Step in
            guard let p = whole.baseAddress, position < end else {
                return atEOF ? .end : .needMore(recordLine: line, line: line, column: 1)
            }
            var i = position
            var line = self.line

            // Skip completely empty lines; they still count as lines.
            while i < end {
                let b = p[i]
                if b == lf {
                    i += 1
                    line += 1
                } else if b == cr && i + 1 < end && p[i + 1] == lf {
                    i += 2
                    line += 1
                } else if b == cr && i + 1 == end && !atEOF {
                    break  // CR LF may be split by the buffer end; look again after a refill
                } else {
                    break
                }
            }
            position = i
            self.line = line
            if i == end || (p[i] == cr && i + 1 == end) {
                if atEOF { return .end }
                return .needMore(recordLine: line, line: line, column: 1)
            }

            let recordLine = line
            var fields: [String] = []
            fields.reserveCapacity(fieldCountHint)

            fieldLoop: while true {
                let column = fields.count + 1
                if i < end && p[i] == quote {
                    // Quoted field: runs to the next quote not followed by another quote.
                    let openLine = line
                    let contentStart = i + 1
                    var j = contentStart
                    var hasEscapedQuotes = false
                    while true {
                        while j < end && !quotedStops[Int(p[j])] { j += 1 }
                        if j >= end {
                            if atEOF { throw error(.unterminatedQuote, line: openLine, column: column) }
                            return .needMore(recordLine: recordLine, line: line, column: column)
                        }
                        let b = p[j]
                        if b == quote {
                            if j + 1 < end {
                                if p[j + 1] != quote { break }
                                hasEscapedQuotes = true
                                j += 2
                            } else if atEOF {
                                break
                            } else {
                                return .needMore(recordLine: recordLine, line: line, column: column)
                            }
                        } else if b == lf {
                            line += 1
                            j += 1
                        } else if b == 0 {
                            throw error(.nulByte, line: line, column: column)
                        } else {  // 0xEF: maybe a byte-order mark
                            if j + 2 < end {
                                if p[j + 1] == 0xBB && p[j + 2] == 0xBF { throw error(.bomInMiddle, line: line, column: column) }
                            } else if !atEOF {
                                return .needMore(recordLine: recordLine, line: line, column: column)
                            }
                            j += 1
                        }
                    }
                    // j is at the closing quote.
                    fields.append(try makeField(p, contentStart, j, unescape: hasEscapedQuotes, line: openLine, column: column))
                    i = j + 1
                    if i >= end {
                        if atEOF { break fieldLoop }
                        return .needMore(recordLine: recordLine, line: line, column: column)
                    }
                    let next = p[i]
                    if next == delimiter {
                        i += 1
                        continue fieldLoop
                    }
                    if next == lf {
                        i += 1
                        line += 1
                        break fieldLoop
                    }
                    if next == cr {
                        if i + 1 < end {
                            if p[i + 1] == lf {
                                i += 2
                                line += 1
                                break fieldLoop
                            }
                        } else if atEOF {
                            i += 1
                            break fieldLoop
                        } else {
                            return .needMore(recordLine: recordLine, line: line, column: column)
                        }
                    }
                    throw error(.textAfterClosingQuote(found: next, delimiter: delimiter), line: line, column: column)
                } else {
                    // Unquoted field: runs to the delimiter or end of line.
                    let start = i
                    var j = i
                    while true {
                        while j < end && !unquotedStops[Int(p[j])] { j += 1 }
                        if j >= end {
                            if atEOF {
                                fields.append(try makeField(p, start, j, unescape: false, line: line, column: column))
                                i = j
                                break fieldLoop
                            }
                            return .needMore(recordLine: recordLine, line: line, column: column)
                        }
                        let b = p[j]
                        if b == delimiter {
                            fields.append(try makeField(p, start, j, unescape: false, line: line, column: column))
                            i = j + 1
                            continue fieldLoop
                        } else if b == lf {
                            fields.append(try makeField(p, start, j, unescape: false, line: line, column: column))
                            i = j + 1
                            line += 1
                            break fieldLoop
                        } else if b == cr {
                            if j + 1 < end {
                                if p[j + 1] == lf {
                                    fields.append(try makeField(p, start, j, unescape: false, line: line, column: column))
                                    i = j + 2
                                    line += 1
                                    break fieldLoop
                                }
                                j += 1  // a bare CR is kept as part of the field
                            } else if atEOF {
                                fields.append(try makeField(p, start, j, unescape: false, line: line, column: column))
                                i = j + 1
                                break fieldLoop
                            } else {
                                return .needMore(recordLine: recordLine, line: line, column: column)
                            }
                        } else if b == quote {
                            throw error(.bareQuote, line: line, column: column)
                        } else if b == 0 {
                            throw error(.nulByte, line: line, column: column)
                        } else {  // 0xEF: maybe a byte-order mark
                            if j + 2 < end {
                                if p[j + 1] == 0xBB && p[j + 2] == 0xBF { throw error(.bomInMiddle, line: line, column: column) }
                            } else if !atEOF {
                                return .needMore(recordLine: recordLine, line: line, column: column)
                            }
                            j += 1
                        }
                    }
                }
            }
            position = i
            self.line = line
            fieldCountHint = fields.count
            return .record(CSVRecord(line: recordLine, fields: fields))
        }
    }

    /// Makes a field's String, checking UTF-8 on the way (the decoder leaves that to the parser
    /// so the error can name the field).
    @inline(__always)
    private func makeField(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, unescape: Bool, line: Int, column: Int
    ) throws -> String {
        if start == end { return "" }
        if unescape {
            // Collapse each "" to ". The scanner guarantees quotes inside come in pairs.
            scratch.removeAll(keepingCapacity: true)
            var k = start
            while k < end {
                let b = p[k]
                scratch.append(b)
                k += b == Self.quote ? 2 : 1
            }
            return try scratch.withUnsafeBufferPointer { try makeString($0, line: line, column: column) }
        }
        return try makeString(UnsafeBufferPointer(start: p + start, count: end - start), line: line, column: column)
    }

    /// Validates and converts. `String(validating:)` would do both but is unspecialised generic
    /// code that spent most of the parse time in metadata lookups; the own check plus the
    /// specialised `String(decoding:)` is several times faster and ASCII fields skip validation.
    @inline(__always)
    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) throws -> String {
        if let firstHigh = UTF8Scan.firstNonASCII(bytes),
            UTF8Scan.validate(UnsafeBufferPointer(rebasing: bytes[firstHigh...])).firstInvalid != nil
        {
            let problem: ReadProblem =
                decoder.requested == .auto && encoding == .utf8 ? .mixedUTF8ThenOther : .invalidUTF8
            throw error(problem, line: line, column: column)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func error(_ problem: ReadProblem, line: Int, column: Int?) -> CSVError {
        CSVError(file: name, line: line, column: column, message: problem.message)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
