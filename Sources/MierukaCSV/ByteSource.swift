import Foundation

/// Where a reader's raw bytes come from: an open file read in chunks, or an in-memory buffer.
///
/// Both are read the same chunked way so that uploads and tests exercise exactly the code path
/// used for large files (including records that straddle chunk boundaries).
struct ByteSource {
    private enum Storage {
        case file(FileHandle)
        case memory(Data, offset: Int)
    }

    private var storage: Storage

    init(handle: FileHandle) { storage = .file(handle) }
    init(data: Data) { storage = .memory(data, offset: 0) }

    /// Appends up to `count` bytes to `buffer`; returns how many were appended (0 = end of input).
    mutating func read(upTo count: Int, appendingTo buffer: inout [UInt8]) throws -> Int {
        switch storage {
        case .file(let handle):
            // read(upToCount:) returns nil or empty Data at end of file.
            guard let chunk = try handle.read(upToCount: count), !chunk.isEmpty else { return 0 }
            chunk.withUnsafeBytes { buffer.append(contentsOf: $0) }
            return chunk.count
        case .memory(let data, let offset):
            let n = min(count, data.count - offset)
            guard n > 0 else { return 0 }
            let start = data.startIndex + offset
            data[start..<(start + n)].withUnsafeBytes { buffer.append(contentsOf: $0) }
            storage = .memory(data, offset: offset + n)
            return n
        }
    }

    /// Closes the file, if any; called when the reader goes away.
    func close() {
        if case .file(let handle) = storage { try? handle.close() }
    }
}
