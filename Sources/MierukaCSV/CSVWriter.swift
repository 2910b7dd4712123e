import Foundation

/// Writes RFC 4180 CSV text (UTF-8, LF line endings) to a FileHandle or into an in-memory buffer.
///
/// Output is buffered and handed to the file about every megabyte, so exporting millions of rows
/// costs few system calls; call `flush()` at the end. Fields are quoted only when they contain the
/// delimiter, a quote, CR or LF, with quotes doubled, which is what `CSVReader` and Excel expect.
/// The optional UTF-8 byte-order mark makes Excel on Japanese Windows open the file as UTF-8
/// instead of misreading it as CP932.
public struct CSVWriter {
    /// How much output to collect before writing it to the file.
    static let flushThreshold = 1 << 20

    private let handle: FileHandle?
    private let delimiter: UInt8
    private var buffer: [UInt8] = []
    /// Everything written so far when writing to memory (no handle).
    private var memory: [UInt8] = []

    /// Writes to `handle` (not closed by the writer). The BOM, if any, is written with the first flush.
    public init(handle: FileHandle, bom: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.handle = handle
        self.delimiter = delimiter
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Writes into memory; read the result with `data`.
    public init(bom: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.handle = nil
        self.delimiter = delimiter
        if bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// The text written so far (memory writer only; empty for a FileHandle writer).
    public var data: Data {
        Data(memory + buffer)
    }

    /// Writes one record followed by "\n".
    ///
    /// A record with a single empty field is written as `""`, because an empty line is skipped
    /// by readers and the record would be lost. An empty array writes an empty line.
    public mutating func write(_ fields: [String]) throws {
        Self.append(fields, delimiter: delimiter, to: &buffer)
        buffer.append(0x0A)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Hands everything buffered to the file (or to the memory result).
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        if let handle {
            try handle.write(contentsOf: buffer)
        } else {
            memory.append(contentsOf: buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One record as CSV text, without the trailing newline (for small uses such as messages).
    public static func line(_ fields: [String], delimiter: UInt8 = 44) -> String {
        var bytes: [UInt8] = []
        append(fields, delimiter: delimiter, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ fields: [String], delimiter: UInt8, to out: inout [UInt8]) {
        if fields.count == 1 && fields[0].isEmpty {
            out.append(contentsOf: [0x22, 0x22])
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            var field = field
            field.withUTF8 { bytes in
                let needsQuotes = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                guard needsQuotes else {
                    out.append(contentsOf: bytes)
                    return
                }
                out.append(0x22)
                for b in bytes {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            }
        }
    }
}
