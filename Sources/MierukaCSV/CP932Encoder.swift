/// Text to CP932 bytes (what Excel on Japanese Windows calls Shift_JIS), for exports people open in old Excel.
///
/// The table is the decoder's, reversed, so what we write reads back to the same text. Where Unicode has two code
/// points for one CP932 character (WAVE DASH 〜 U+301C vs FULLWIDTH TILDE ～ U+FF5E, MINUS SIGN − vs －, …) both map to the
/// CP932 code: text typed on a Mac or copied from JIS-based sources uses the first. Characters CP932 has not (emoji,
/// 𠮷, most accented letters) are listed back to the caller instead of being dropped or replaced silently.
public enum CP932Encoder {
    /// A character CP932 cannot hold, where it was.
    public struct Unmappable: Sendable, Hashable {
        public var character: Character
        /// Index of the character in the encoded text (0-based, in Characters).
        public var offset: Int
        public var codePoints: String { character.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ") }
    }

    /// Unicode scalar → CP932 code (one byte < 0x100, else lead << 8 | trail).
    static let table: [UInt32: UInt16] = {
        var map: [UInt32: UInt16] = [:]
        for scalar in UInt32(0)..<0x80 { map[scalar] = UInt16(scalar) }
        // Half-width katakana: single bytes 0xA1–0xDF ↔ U+FF61–U+FF9F.
        for b in UInt32(0xA1)...0xDF { map[0xFF61 + b - 0xA1] = UInt16(b) }
        let double = CP932.doubleByteTable
        // Later codes of the same character are IBM duplicates of NEC ones: keep the first, as Windows does.
        for code in 0..<double.count where double[code] != 0 {
            let scalar = UInt32(double[code])
            if map[scalar] == nil { map[scalar] = UInt16(code) }
        }
        // JIS-style code points for characters CP932 holds under Microsoft's mapping.
        let variants: [(UInt32, UInt32)] = [(0x301C, 0xFF5E), (0x2016, 0x2225), (0x2212, 0xFF0D), (0x00A2, 0xFFE0), (0x00A3, 0xFFE1),
                                            (0x00AC, 0xFFE2), (0x2014, 0x2015), (0x00A5, 0x005C)]
        for (variant, target) in variants where map[variant] == nil {
            if let code = map[target] { map[variant] = code }
        }
        return map
    }()

    /// The CP932 codes of a character's scalars; nil when one has none. A variation selector after a kanji (髙󠄀) has no
    /// code; the kanji alone is what CP932 means.
    static func codes<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> [UInt16]? {
        var codes: [UInt16] = []
        for scalar in scalars {
            if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { continue }
            guard let code = table[scalar.value] else { return nil }
            codes.append(code)
        }
        return codes.isEmpty ? nil : codes
    }

    /// The bytes, and every character that had no CP932 code (written as "?" so the file stays readable).
    public static func encode(_ text: String) -> (bytes: [UInt8], unmappable: [Unmappable]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var missing: [Unmappable] = []
        for (offset, character) in text.enumerated() {
            // As written, else composed: ガ typed on a Mac arrives as カ + U+3099, which CP932 has only as the one
            // character ガ. (Not composed first: NFC turns CP932's own Å U+212B and compatibility kanji into others.)
            guard let codes = codes(character.unicodeScalars) ?? codes(String(character).precomposedStringWithCanonicalMapping.unicodeScalars) else {
                missing.append(Unmappable(character: character, offset: offset))
                bytes.append(0x3F)
                continue
            }
            for code in codes {
                if code < 0x100 { bytes.append(UInt8(code)) } else { bytes.append(UInt8(code >> 8)); bytes.append(UInt8(code & 0xFF)) }
            }
        }
        return (bytes, missing)
    }
}
