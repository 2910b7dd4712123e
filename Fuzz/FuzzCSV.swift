import Foundation

// libFuzzer target for Sources/MierukaCSV (built by scripts/fuzz.sh into one module with the reader's sources).
//
// The first two input bytes choose how to read, the rest is the file:
//   byte 0, bits 0-1: encoding (auto, utf-8, cp932, auto)
//           bits 2-4: delimiter (detect ×4, comma, tab, semicolon, or byte 1 as given, which may be an invalid one)
//           bits 5-7: record limit (0 = the default 16 MB, else 16 << n bytes, to reach "record too large")
//   byte 1: the chunk size for the second, chunked read (1–64 bytes), so records, CRLFs, quotes, BOMs and
//           multi-byte characters straddle chunk ends.
// Invariants (a violation traps, which libFuzzer reports as a crash):
//   - reading either returns records or throws CSVError located at line ≥ 1 (line 0 only for an invalid delimiter)
//     and field ≥ 1; nothing else is ever thrown;
//   - records start on strictly increasing lines within the file, have at least one field, no NUL;
//   - progress (bytesConsumed) never decreases and never passes the input size;
//   - with the default limit, tiny chunks read exactly what one big chunk reads (records, lines, error text, encoding,
//     delimiter) — where `.auto` cannot be chunk-independent by design (a file whose non-ASCII lines are partly valid
//     UTF-8 and partly not), only the other invariants are checked;
//   - what was read, written back with CSVWriter and read again, gives the same fields (and the same through CP932
//     when the input was CP932).

private struct Outcome: Equatable {
    var records: [CSVRecord] = []
    var error: CSVError?
    var encoding: DetectedEncoding?
    var delimiter: UInt8?
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: \(message())") }
}

private func read(
    _ data: Data, encoding: SourceEncoding, delimiter: UInt8?, chunkSize: Int, maxRecordBytes: Int
) -> Outcome {
    var outcome = Outcome()
    let lineCount = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        let reader = try CSVReader(
            data: data, name: "fuzz.csv", encoding: encoding, delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        outcome.delimiter = reader.delimiter
        defer { outcome.encoding = reader.encoding }
        var previousLine = 0
        var previousConsumed: Int64 = 0
        while let record = try reader.next() {
            check(record.line > previousLine, "record line \(record.line) after \(previousLine)")
            check(record.line <= lineCount, "record line \(record.line) beyond the \(lineCount) lines of the input")
            check(!record.fields.isEmpty, "record without fields at line \(record.line)")
            check(record.fields.allSatisfy { !$0.utf8.contains(0) }, "NUL in a field at line \(record.line)")
            check(reader.bytesConsumed >= previousConsumed, "progress went back")
            check(reader.bytesConsumed <= Int64(data.count), "progress \(reader.bytesConsumed) beyond \(data.count) bytes")
            previousLine = record.line
            previousConsumed = reader.bytesConsumed
            outcome.records.append(record)
        }
        check(reader.bytesConsumed == Int64(data.count), "progress \(reader.bytesConsumed) at the end of \(data.count) bytes")
    } catch let error as CSVError {
        check(error.file == "fuzz.csv", "error names \(error.file)")
        check(!error.message.isEmpty, "error without a message")
        check(error.line >= 1 || (error.line == 0 && delimiter != nil), "error at line \(error.line): \(error)")
        check(error.line <= lineCount, "error at line \(error.line) beyond the \(lineCount) lines of the input: \(error)")
        check(error.column.map { $0 >= 1 } ?? true, "error at field \(error.column!): \(error)")
        outcome.error = error
    } catch {
        fatalError("invariant violated: the reader threw \(type(of: error)), not CSVError: \(error)")
    }
    return outcome
}

/// Whether `.auto` decides the same however the input is cut: true unless the lines with non-ASCII bytes are partly
/// valid UTF-8 and partly not (then the first chunk holding such a line decides, which depends on the chunk size).
private func autoIsChunkIndependent(_ bytes: [UInt8]) -> Bool {
    var sawValid = false, sawInvalid = false
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
    while !body.isEmpty {
        let end = body.firstIndex(of: 0x0A) ?? body.endIndex
        let line = body[body.startIndex..<end]
        if line.contains(where: { $0 >= 0x80 }) {
            let valid = Array(line).withUnsafeBufferPointer { UTF8Scan.validate($0).firstInvalid == nil }
            if valid { sawValid = true } else { sawInvalid = true }
        }
        body = end < body.endIndex ? body[(end + 1)...] : []
    }
    return !(sawValid && sawInvalid)
}

/// Writes the records with our writer and reads them back; the fields must survive unchanged.
private func checkRoundTrip(_ outcome: Outcome, throughCP932: Bool) {
    guard outcome.error == nil, let delimiter = outcome.delimiter, !outcome.records.isEmpty else { return }
    var writer = CSVWriter(bom: false, delimiter: delimiter)
    for record in outcome.records { try! writer.write(record.fields) }
    try! writer.flush()
    var data = writer.data
    if throughCP932 {
        let (bytes, unmappable) = CP932Encoder.encode(String(decoding: data, as: UTF8.self))
        check(unmappable.isEmpty, "text read as CP932 has characters CP932 cannot hold: \(unmappable.map(\.codePoints))")
        data = Data(bytes)
    }
    let again = read(
        data, encoding: throughCP932 ? .cp932 : .utf8, delimiter: delimiter, chunkSize: CSVReader.defaultChunkSize,
        maxRecordBytes: CSVReader.defaultMaxRecordBytes)
    check(again.error == nil, "written records do not read back: \(again.error!)")
    check(
        again.records.map(\.fields) == outcome.records.map(\.fields),
        "written records read back differently (cp932: \(throughCP932)):\n\(outcome.records.map(\.fields))\n\(again.records.map(\.fields))")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let options = start[0]
    let encoding: SourceEncoding = [.auto, .utf8, .cp932, .auto][Int(options & 3)]
    let delimiterChoice = Int(options >> 2) & 7
    let delimiter: UInt8? = delimiterChoice < 4 ? nil : [UInt8(ascii: ","), 0x09, UInt8(ascii: ";"), start[1]][delimiterChoice - 4]
    let limitChoice = Int(options >> 5)
    let maxRecordBytes = limitChoice == 0 ? CSVReader.defaultMaxRecordBytes : 16 << limitChoice
    let chunkSize = 1 + Int(start[1]) % 64
    let bytes = Array(UnsafeBufferPointer(start: start + 2, count: size - 2))
    let data = Data(bytes)

    let whole = read(data, encoding: encoding, delimiter: delimiter, chunkSize: CSVReader.defaultChunkSize, maxRecordBytes: maxRecordBytes)
    let chunked = read(data, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    // A record limit is checked against what is buffered, which depends on the chunk size; only compare without one.
    if limitChoice == 0 && (encoding != .auto || autoIsChunkIndependent(bytes)) {
        // After an error the encoding is only what was decided so far, which depends on how much had been read.
        var comparable = chunked
        if whole.error != nil { comparable.encoding = whole.encoding }
        check(
            whole == comparable,
            "chunk size \(chunkSize) reads differently from one chunk:\n\(whole)\n\(chunked)")
    }
    checkRoundTrip(whole, throughCP932: false)
    if whole.encoding == .cp932 { checkRoundTrip(whole, throughCP932: true) }
    return 0
}
