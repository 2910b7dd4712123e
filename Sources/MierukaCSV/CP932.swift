import Foundation

/// CP932 (Windows Japanese, "Shift_JIS" as Excel writes it) to UTF-8 conversion.
///
/// The mapping is Foundation's own `.shiftJIS` decoder, which on Linux is CP932 including the
/// NEC and IBM extension characters (①, ㈱, 髙, 﨑) and the Microsoft mappings (0x8160 → U+FF5E).
/// Calling Foundation per chunk decodes only ~30 MB/s and, when it fails, does not say where;
/// so a lookup table is filled once from Foundation (about 3,000 small calls, a few ms) and the
/// bytes are converted here. The result is identical and the first bad byte is known exactly.
enum CP932 {
    /// Unicode scalar for each double-byte code `lead << 8 | trail`; 0 = not a CP932 character.
    /// Every CP932 character is in the BMP, so UInt16 suffices.
    static let doubleByteTable: [UInt16] = buildTable()

    static func isLeadByte(_ b: UInt8) -> Bool { (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) }

    static func isTrailByte(_ b: UInt8) -> Bool { (0x40...0x7E).contains(b) || (0x80...0xFC).contains(b) }

    private static let trailBytes: [UInt8] = Array(0x40...0x7E) + Array(0x80...0xFC)

    private static func buildTable() -> [UInt16] {
        var table = [UInt16](repeating: 0, count: 0x1_0000)
        func store(_ lead: UInt8, _ trail: UInt8, _ scalar: Unicode.Scalar) {
            if scalar.value <= 0xFFFF { table[Int(lead) << 8 | Int(trail)] = UInt16(scalar.value) }
        }
        for lead in UInt8(0x81)...0xFC where isLeadByte(lead) {
            // Try the whole row of 188 codes at once; fall back to one code at a time when some
            // code in the row is unassigned (Foundation then rejects the whole row).
            var row = [UInt8]()
            row.reserveCapacity(trailBytes.count * 2)
            for t in trailBytes { row.append(lead); row.append(t) }
            if let text = String(data: Data(row), encoding: .shiftJIS), text.unicodeScalars.count == trailBytes.count {
                for (t, scalar) in zip(trailBytes, text.unicodeScalars) { store(lead, t, scalar) }
                continue
            }
            for t in trailBytes {
                if let text = String(data: Data([lead, t]), encoding: .shiftJIS), text.unicodeScalars.count == 1,
                    let scalar = text.unicodeScalars.first
                {
                    store(lead, t, scalar)
                }
            }
        }
        return table
    }

    /// Converts CP932 bytes to UTF-8, appending to `output`.
    /// Returns nil on success, or the offset of the first byte that is not CP932; everything
    /// before that offset has been appended (so the parser can report the right line and field).
    static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
        guard let p = input.baseAddress else { return nil }
        let n = input.count
        output.reserveCapacity(output.count + n + n / 2)
        return doubleByteTable.withUnsafeBufferPointer { table -> Int? in
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    output.append(b)
                    i += 1
                } else if b >= 0xA1 && b <= 0xDF {
                    // Half-width katakana: U+FF61 + (b - 0xA1), always three UTF-8 bytes EF BD/BE xx.
                    appendUTF8(0xFF61 + UInt32(b - 0xA1), to: &output)
                    i += 1
                } else if isLeadByte(b) && i + 1 < n {
                    let scalar = table[Int(b) << 8 | Int(p[i + 1])]
                    if scalar == 0 { return i }
                    appendUTF8(UInt32(scalar), to: &output)
                    i += 2
                } else {
                    // 0x80, 0xA0, 0xFD-0xFF, or a lead byte with no trail byte.
                    return i
                }
            }
            return nil
        }
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to output: inout [UInt8]) {
        if v < 0x80 {
            output.append(UInt8(v))
        } else if v < 0x800 {
            output.append(UInt8(0xC0 | (v >> 6)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            output.append(UInt8(0xE0 | (v >> 12)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
