/// Turns raw input bytes into UTF-8 for the record parser, one segment at a time.
///
/// A segment ends just after the last LF byte read so far (or at the end of input). Cutting at
/// LF is safe in both encodings: 0x0A is never part of a UTF-8 multi-byte sequence nor a CP932
/// trail byte, so no character is split and each segment can be checked and decoded on its own.
/// This is also where `.auto` makes up its mind, and where encoding problems are found; a problem
/// is not thrown at once but remembered, after handing over the good bytes before it, so that the
/// parser reaches the exact spot and can name the line and field.
struct SegmentDecoder {
    enum Fill {
        /// Bytes (possibly none) were appended; call again when they are used up.
        case appended
        /// End of input; nothing more will come.
        case finished
        /// The input has a problem right after the bytes already delivered.
        case failed(ReadProblem)
        /// No LF within the size limit, so no segment can be cut.
        case tooLarge
    }

    private var source: ByteSource
    let requested: SourceEncoding
    private(set) var detected: DetectedEncoding
    private let chunkSize: Int
    private let maxPendingBytes: Int
    /// Bytes read but not yet delivered: always a partial line (no LF).
    private var raw: [UInt8] = []
    private var sourceDone = false
    private var started = false
    private var finished = false
    private var pending: ReadProblem?
    /// Raw input bytes delivered so far (including a stripped BOM), for progress reporting.
    private(set) var rawDelivered: Int64 = 0
    /// Raw bytes per delivered UTF-8 byte in the last segment (1 except for CP932), for progress.
    private(set) var rawPerOutputByte: Double = 1

    init(source: ByteSource, requested: SourceEncoding, chunkSize: Int, maxPendingBytes: Int) {
        self.source = source
        self.requested = requested
        self.chunkSize = max(1, chunkSize)
        self.maxPendingBytes = maxPendingBytes
        switch requested {
        case .auto: detected = .ascii
        case .utf8: detected = .utf8
        case .cp932: detected = .cp932
        }
    }

    func close() { source.close() }

    /// Appends the next segment, converted to UTF-8, to `output`.
    mutating func fill(into output: inout [UInt8]) throws -> Fill {
        if let pending { return .failed(pending) }
        if finished { return .finished }
        if !started {
            started = true
            while raw.count < 3, !sourceDone { try readChunk() }
            if let problem = checkStart() {
                pending = problem
                return .failed(problem)
            }
        }
        // Read until there is a LF to cut at. `raw` never holds a LF between calls, so only
        // newly read bytes need searching.
        var searched = 0
        var cut = 0
        while true {
            if let lf = raw[searched...].lastIndex(of: 0x0A) {
                cut = lf + 1
                break
            }
            if sourceDone {
                cut = raw.count
                break
            }
            if raw.count > maxPendingBytes { return .tooLarge }
            searched = raw.count
            try readChunk()
        }
        if cut == 0 {
            finished = true
            return .finished
        }
        let before = output.count
        let problem = raw.withUnsafeBufferPointer { all in
            deliver(UnsafeBufferPointer(rebasing: all[0..<cut]), into: &output)
        }
        raw.removeSubrange(0..<cut)
        rawDelivered += Int64(cut)
        let produced = output.count - before
        if produced > 0 { rawPerOutputByte = Double(cut) / Double(produced) }
        if let problem { pending = problem }
        return .appended
    }

    private mutating func readChunk() throws {
        if try source.read(upTo: chunkSize, appendingTo: &raw) == 0 { sourceDone = true }
    }

    /// Handles byte-order marks at the very start of the input.
    private mutating func checkStart() -> ReadProblem? {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            if requested == .cp932 { return .bomButCP932Requested }
            raw.removeSubrange(0..<3)
            rawDelivered += 3
            detected = .utf8BOM
        } else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            return .utf16
        }
        return nil
    }

    /// Checks/decodes one segment and appends UTF-8 to `output`; returns the problem found, if any,
    /// after appending everything before it.
    private mutating func deliver(_ segment: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> ReadProblem? {
        switch detected {
        case .utf8, .utf8BOM:
            // Validated field by field in the parser, which knows the line and column.
            output.append(contentsOf: segment)
            return nil
        case .ascii:
            // `.auto`, undecided: ASCII is the same in both encodings, so keep going until the
            // first segment with other bytes, then decide on the whole segment.
            guard UTF8Scan.firstNonASCII(segment) != nil else {
                output.append(contentsOf: segment)
                return nil
            }
            if UTF8Scan.validate(segment).firstInvalid == nil {
                detected = .utf8
                output.append(contentsOf: segment)
                return nil
            }
            // Decide on the first line with other bytes, not on the whole segment (which holds many lines): UTF-8
            // lines followed by CP932 ones are a UTF-8 file with something appended, and the parser must name the
            // first CP932 line; deciding CP932 for the whole segment blamed the first UTF-8 line instead.
            if let firstHigh = UTF8Scan.firstNonASCII(segment) {
                let lineEnd = segment[firstHigh...].firstIndex(of: 0x0A).map { $0 + 1 } ?? segment.count
                if UTF8Scan.validate(UnsafeBufferPointer(rebasing: segment[0..<lineEnd])).firstInvalid == nil {
                    detected = .utf8
                    output.append(contentsOf: segment)
                    return nil
                }
            }
            detected = .cp932
            return deliverCP932(segment, into: &output)
        case .cp932:
            return deliverCP932(segment, into: &output)
        }
    }

    /// A CP932 segment, checked line by line: the first line that is valid UTF-8 with multi-byte sequences (all Japanese
    /// in UTF-8) means UTF-8 text — appended to a CP932 file, or a UTF-8 file with CP932 requested — which CP932 would
    /// decode into plausible-looking kanji instead of failing. Line by line, not on the whole segment, so the answer does
    /// not depend on how many lines a read happened to bring (found by Fuzz/FuzzCSV.swift: one big chunk and 4-byte
    /// chunks named different lines). CP932 text fails UTF-8 validation within a few bytes, so this stays cheap.
    ///
    /// Only when the encoding was detected: CP932 that the user asked for is read as CP932, even where a line happens
    /// to be valid UTF-8 too (short kanji runs can be both; the fuzzer's write-then-read-back check found our own CP932
    /// output refused). A UTF-8 file declared cp932 then shows as headers the mapping does not find.
    private func deliverCP932(_ segment: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> ReadProblem? {
        guard requested == .auto else { return decodeCP932(segment, into: &output) }
        var lineStart = 0
        while lineStart < segment.count {
            let lineEnd = segment[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? segment.count
            if let high = segment[lineStart..<lineEnd].firstIndex(where: { $0 >= 0x80 }), !segment[high...].starts(with: [0xEF, 0xBB, 0xBF]) {
                let validity = UTF8Scan.validate(UnsafeBufferPointer(rebasing: segment[lineStart..<lineEnd]))
                if validity.firstInvalid == nil && validity.hasLongSequence {
                    if let earlier = decodeCP932(UnsafeBufferPointer(rebasing: segment[0..<lineStart]), into: &output) { return earlier }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: segment[lineStart..<high]))
                    return .mixedCP932ThenUTF8
                }
            }
            lineStart = lineEnd
        }
        return decodeCP932(segment, into: &output)
    }

    private func decodeCP932(_ segment: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> ReadProblem? {
        guard let bad = CP932.decode(segment, into: &output) else { return nil }
        let rest = segment[bad...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { return .bomInMiddle }
        // Show the pair only when the second byte could be a trail byte; a lead byte before a
        // newline or comma is the whole problem, and showing 0x0A would confuse.
        let pair = CP932.isLeadByte(segment[bad]) && bad + 1 < segment.count && CP932.isTrailByte(segment[bad + 1])
        let length = pair ? 2 : 1
        return .notCP932(bytes: Array(segment[bad..<(bad + length)]), auto: requested == .auto)
    }
}
