/// Byte-level checks on UTF-8 used to decide and verify a file's encoding without building Strings.
enum UTF8Scan {
    /// Index of the first byte >= 0x80, or nil when all bytes are ASCII.
    ///
    /// Checks eight bytes at a time because most CSV input is ASCII and this runs on every chunk
    /// while `.auto` is still undecided.
    static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return i }
            i += 1
        }
        return nil
    }

    struct Validity {
        /// Offset of the first byte that is not part of a valid UTF-8 sequence, nil when all valid.
        var firstInvalid: Int?
        /// Whether a valid three- or four-byte sequence was seen (Japanese text in UTF-8 always has them).
        var hasLongSequence: Bool
    }

    /// Validates UTF-8 per RFC 3629 (no overlongs, no surrogates, nothing above U+10FFFF).
    /// A sequence cut off by the end of the buffer counts as invalid: callers pass whole lines.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Validity {
        guard let p = bytes.baseAddress else { return Validity(firstInvalid: nil, hasLongSequence: false) }
        let n = bytes.count
        var long = false
        var i = 0
        @inline(__always) func isCont(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b < 0xC2 { return Validity(firstInvalid: i, hasLongSequence: long) }
            if b < 0xE0 {
                guard isCont(i + 1) else { return Validity(firstInvalid: i, hasLongSequence: long) }
                i += 2
            } else if b < 0xF0 {
                guard i + 1 < n else { return Validity(firstInvalid: i, hasLongSequence: long) }
                let c = p[i + 1]
                let secondOK = b == 0xE0 ? (0xA0...0xBF).contains(c) : b == 0xED ? (0x80...0x9F).contains(c) : c & 0xC0 == 0x80
                guard secondOK, isCont(i + 2) else { return Validity(firstInvalid: i, hasLongSequence: long) }
                long = true
                i += 3
            } else if b < 0xF5 {
                guard i + 1 < n else { return Validity(firstInvalid: i, hasLongSequence: long) }
                let c = p[i + 1]
                let secondOK = b == 0xF0 ? (0x90...0xBF).contains(c) : b == 0xF4 ? (0x80...0x8F).contains(c) : c & 0xC0 == 0x80
                guard secondOK, isCont(i + 2), isCont(i + 3) else { return Validity(firstInvalid: i, hasLongSequence: long) }
                long = true
                i += 4
            } else {
                return Validity(firstInvalid: i, hasLongSequence: long)
            }
        }
        return Validity(firstInvalid: nil, hasLongSequence: long)
    }
}
