import Foundation
import Testing

@testable import MierukaCSV

@Suite("Errors name file, line and field")
struct ErrorTests {
    @Test func unterminatedQuoteReportsWhereItOpened() {
        let input = bytes("a,b,c\n1,\"x\ny\",3\n2,3,\"never closed\n4,5,6\n")
        #expect(errorText(input, name: "leads.csv") ==
            "leads.csv:4:3: unterminated quoted field (a \" opened here is never closed; check for a missing closing quote)")
    }

    @Test func bareQuoteInUnquotedField() {
        #expect(errorText(bytes("a,b\n1,ab\"c\n")) ==
            "t.csv:2:2: bare quote in unquoted field (a \" may only appear in a field that is enclosed in quotes, doubled as \"\"; quote the whole field or remove the \")")
        // A space before the opening quote makes the field unquoted.
        #expect(errorText(bytes("a, \"b\"\n"))?.hasPrefix("t.csv:1:2: bare quote in unquoted field") == true)
    }

    @Test func textAfterClosingQuote() {
        #expect(errorText(bytes("a,b\n\"ab\"c,d\n")) ==
            "t.csv:2:1: unexpected 'c' after a closing quote (expected the delimiter comma or the end of the line; a \" inside a quoted field must be doubled as \"\")")
        #expect(errorText(bytes("a;b\n1;\"x\" ;y\n"))?.hasPrefix("t.csv:2:2: unexpected space after a closing quote (expected the delimiter semicolon") == true)
        #expect(errorText(bytes("\"a\"\rb\n"))?.hasPrefix("t.csv:1:1: unexpected carriage return after a closing quote") == true)
    }

    @Test func invalidUTF8WhenUTF8IsRequested() {
        #expect(errorText(bytes("a,b\n1,x") + [0xFF] + bytes("\n"), encoding: .utf8) ==
            "t.csv:2:2: invalid UTF-8 in field (the file is not UTF-8; if it was saved by Excel on Japanese Windows, read it with encoding cp932)")
        // Truncated sequence inside a quoted multi-line field: reported at the line the field starts.
        #expect(errorText(bytes("a,b\n1,\"x\ny") + [0xE3, 0x81] + bytes("\"\n"), encoding: .utf8)?.hasPrefix("t.csv:2:2: invalid UTF-8") == true)
    }

    @Test func bytesThatAreNotCP932() {
        #expect(errorText(bytes("a,b\n1,") + SJIS.kabu + [0x85, 0x40] + bytes("\n"), encoding: .cp932) ==
            "t.csv:2:2: bytes 0x85 0x40 do not decode as CP932 (if the file is UTF-8, set the encoding to auto or utf-8; otherwise the file is damaged)")
        // A lead byte right before the line end, and a byte that is never CP932.
        #expect(errorText(bytes("a,b\nx,y,") + [0x82] + bytes("\n"), encoding: .cp932)?.hasPrefix("t.csv:2:3: bytes 0x82 do not decode") == true)
        #expect(errorText(bytes("a\n\n") + [0xFF], encoding: .cp932)?.hasPrefix("t.csv:3:1: bytes 0xFF do not decode") == true)
        // Auto: neither valid UTF-8 nor CP932.
        #expect(errorText(bytes("a,b\n1,") + [0xA0] + bytes("\n"))?.hasPrefix("t.csv:2:2: bytes 0xA0 are neither UTF-8 nor CP932") == true)
    }

    @Test func nulByte() {
        #expect(errorText(bytes("a,b\n1,x") + [0] + bytes("y\n")) ==
            "t.csv:2:2: NUL byte (0x00) in the data (the file is probably binary or UTF-16, not CSV text; export it again as CSV)")
        #expect(errorText(bytes("a,\"b") + [0] + bytes("\"\n"))?.hasPrefix("t.csv:1:2: NUL byte") == true)
        #expect(errorText([0x41, 0x00, 0x2C, 0x00])?.hasPrefix("t.csv:1:1: NUL byte") == true)
    }

    @Test func recordLargerThanTheLimit() {
        let long = bytes("h\n\"") + [UInt8](repeating: 0x78, count: 300) + bytes("\n")
        #expect(errorText(long, chunkSize: 16, maxRecordBytes: 64) ==
            "t.csv:2: record larger than 64 bytes (probably a quote that is never closed, or the file is not CSV; check the quotes from this line on)")
        // Unquoted line with no newline at all (the decoder hits the limit before the parser).
        #expect(errorText(bytes("h\n") + [UInt8](repeating: 0x78, count: 300), chunkSize: 16, maxRecordBytes: 64)?
            .hasPrefix("t.csv:2: record larger than 64 bytes") == true)
        #expect(ReadProblem.recordTooLarge(limit: 16 << 20).message.hasPrefix("record larger than 16 MB"))
        // Just under the limit is fine.
        #expect(errorText(bytes("h\n") + [UInt8](repeating: 0x78, count: 40) + bytes("\n"), chunkSize: 16, maxRecordBytes: 64) == nil)
    }

    @Test func mixedEncodingsUTF8ThenCP932() {
        var input = bytes("id,name\n1,髙橋\n")
        for n in 0..<200 { input += bytes("\(n),x\n") }
        input += bytes("bad,") + SJIS.taka + bytes("\n")
        #expect(errorText(input, chunkSize: 512) ==
            "t.csv:203:2: mixed encodings: this field is not valid UTF-8, but earlier lines were UTF-8 (parts of the file were saved in different encodings; save the file as UTF-8 or CP932 throughout)")
    }

    @Test func mixedEncodingsCP932ThenUTF8() {
        var input = bytes("id,name\n1,") + SJIS.taka + bytes("\n")
        for n in 0..<200 { input += bytes("\(n),x\n") }
        input += bytes("bad,髙橋\n")
        #expect(errorText(input, chunkSize: 512) ==
            "t.csv:203:2: mixed encodings: this line is UTF-8, but earlier lines were CP932 (parts of the file were saved in different encodings; save the file as UTF-8 or CP932 throughout)")
    }

    @Test func byteOrderMarkInTheMiddle() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let message = "byte-order mark in the middle of the file (a file was probably concatenated; remove the stray EF BB BF bytes or export the data as one file)"
        let input = bom + bytes("a,b\n1,2\n") + bom + bytes("a,b\n")
        #expect(errorText(input) == "t.csv:3:1: " + message)
        #expect(errorText(input, encoding: .utf8) == "t.csv:3:1: " + message)
        #expect(errorText(bytes("a,b\n1,2\n") + bom + bytes("a,b\n"), encoding: .cp932) == "t.csv:3:1: " + message)
        #expect(errorText(bytes("a,\"x") + bom + bytes("\"\n"))?.hasPrefix("t.csv:1:2: byte-order mark") == true)
        // EF followed by something else is ordinary UTF-8 (fullwidth forms).
        #expect(errorText(bytes("ｱ,～\n")) == nil)
    }

    @Test func unusableStartOfFile() {
        #expect(errorText([0xFF, 0xFE, 0x61, 0x00]) ==
            "t.csv:1: the file is UTF-16, which is not supported (save it as \"CSV UTF-8\" or as CP932/Shift_JIS CSV)")
        #expect(errorText([0xEF, 0xBB, 0xBF] + bytes("a\n"), encoding: .cp932)?.hasPrefix("t.csv:1: the file starts with a UTF-8 byte-order mark but CP932 was requested") == true)
    }

    @Test func missingFile() throws {
        let error = try #require(throws: CSVError.self) { try CSVReader(path: "/nonexistent/dir/leads.csv") }
        #expect(error.file == "leads.csv")
        #expect(error.line == 0)
        #expect(error.description.hasPrefix("leads.csv: cannot open the file"))
    }

    @Test func errorsAreTheSameAtEveryChunkSize() {
        let cases: [([UInt8], SourceEncoding)] = [
            (bytes("a,b,c\n1,\"x\ny\",3\n2,3,\"never closed\n4,5,6\n"), .auto),
            (bytes("a,b\n1,ab\"c\n"), .auto),
            (bytes("a,b\n\"ab\"c,d\n"), .auto),
            (bytes("a,b\n1,x") + [0xFF] + bytes("\n"), .utf8),
            (bytes("a,b\n1,") + SJIS.kabu + [0x85, 0x40] + bytes("\n"), .cp932),
            (bytes("a,b\n1,x") + [0] + bytes("y\n"), .auto),
            (bytes("a,b\n1,2\n") + [0xEF, 0xBB, 0xBF] + bytes("a,b\n"), .auto),
            // Found by Fuzz/FuzzCSV.swift: UTF-8 Japanese lines read as CP932 (requested, or detected from an earlier
            // CP932 line) were named at the first UTF-8 line in small reads but at a later undecodable byte in one
            // big read; now the first UTF-8 line is named at every read size.
            (bytes("id,name\nR001,佐藤 翔太\nR002,x") + [0x91] + bytes("\n"), .cp932),
            (bytes("id,name\n1,") + SJIS.kabu + bytes("\nR001,佐藤 翔太\nR002,x") + [0x91] + bytes("\n"), .auto),
            (bytes("id,name\n1,") + [0x85, 0x40] + bytes("\nR001,佐藤 翔太\n"), .cp932),
        ]
        for (input, encoding) in cases {
            let expected = errorText(input, encoding: encoding)
            #expect(expected != nil)
            for size in tinyChunkSizes {
                #expect(errorText(input, encoding: encoding, chunkSize: size) == expected, "chunk size \(size)")
            }
        }
    }

    /// Found by Fuzz/FuzzCSV.swift (write CP932, read it back): CP932 text whose bytes also happen to be valid UTF-8
    /// ("あい" in UTF-8 is 縺 + ご + ≠ in CP932) is read as the CP932 it was declared to be, not refused as UTF-8.
    @Test func declaredCP932ThatIsAlsoValidUTF8ReadsAsCP932() throws {
        let input = bytes("a\n") + [0xE3, 0x81, 0x82, 0xE3, 0x81, 0x84] + bytes("\n")
        #expect(errorText(input, encoding: .cp932) == nil)
        let read = try rows(input, encoding: .cp932)
        #expect(read.count == 2 && read[1].count == 1 && read[1][0].unicodeScalars.count == 3, "\(read)")
    }

    @Test func descriptionFormats() {
        #expect(CSVError(file: "f.csv", line: 3, column: 2, message: "m").description == "f.csv:3:2: m")
        #expect(CSVError(file: "f.csv", line: 3, message: "m").description == "f.csv:3: m")
        #expect(CSVError(file: "f.csv", line: 0, message: "m").description == "f.csv: m")
    }
}
