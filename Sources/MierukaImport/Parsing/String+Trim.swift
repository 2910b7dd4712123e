extension String {
    /// The text without leading and trailing spaces and tabs (ASCII and the ideographic space U+3000).
    /// Returns the string itself, without copying, in the common case where there is nothing to trim:
    /// Foundation's trimmingCharacters costs a third of an import's time otherwise.
    var trimmedCell: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !String.isPadByte(first) && !String.isPadByte(last) { return self }
        var scalars = Substring(self).unicodeScalars[...]
        while let s = scalars.first, String.isPad(s) { scalars = scalars.dropFirst() }
        while let s = scalars.last, String.isPad(s) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A byte that may start or end padding: space, tab, or the lead byte of U+3000 (E3 80 80) / its last byte.
    private static func isPadByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0xE3 || b == 0x80 }
    private static func isPad(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }

    /// True when the text holds whitespace or control characters anywhere (ids must not).
    var hasSpaceOrControl: Bool {
        for b in utf8 where b <= 0x20 || b == 0x7F { return true }
        // Non-ASCII whitespace (U+3000, U+00A0, …) only needs the slow check when there is non-ASCII text at all.
        guard utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
