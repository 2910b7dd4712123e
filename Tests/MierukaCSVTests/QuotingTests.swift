import Foundation
import Testing

@testable import MierukaCSV

@Suite("RFC 4180 quoting and record structure")
struct QuotingTests {
    @Test func plainRecordsWithAndWithoutFinalNewline() throws {
        #expect(try rows(bytes("a,b,c\n1,2,3\n")) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try rows(bytes("a,b,c\n1,2,3")) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try rows(bytes("a,b\r\n1,2\r\n")) == [["a", "b"], ["1", "2"]])
        #expect(try rows(bytes("a,b\r\n1,2\r")) == [["a", "b"], ["1", "2"]])
    }

    @Test func embeddedDelimiterQuoteAndNewlines() throws {
        let input = "h1,h2\n\"x,y\",z\n\"he said \"\"hi\"\"\",\"\"\"\"\n\"l1\nl2\",lf\n\"c1\r\nc2\",crlf\r\n"
        #expect(try rows(bytes(input)) == [
            ["h1", "h2"], ["x,y", "z"], ["he said \"hi\"", "\""], ["l1\nl2", "lf"], ["c1\r\nc2", "crlf"],
        ])
    }

    @Test func emptyFields() throws {
        #expect(try rows(bytes("\"\",a\n")) == [["", "a"]])
        #expect(try rows(bytes("a,b,\n")) == [["a", "b", ""]])
        #expect(try rows(bytes("a,b,")) == [["a", "b", ""]])
        #expect(try rows(bytes(",,\n")) == [["", "", ""]])
        #expect(try rows(bytes("a,\"\"")) == [["a", ""]])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let (records, _) = try readAll(bytes("\n\nh\n\n\r\nv1\n\n"))
        #expect(records == [CSVRecord(line: 3, fields: ["h"]), CSVRecord(line: 6, fields: ["v1"])])
        #expect(try rows(bytes("")) == [])
        #expect(try rows(bytes("\n\r\n\n")) == [])
    }

    @Test func bareCarriageReturnInUnquotedFieldIsKept() throws {
        #expect(try rows(bytes("a\rb,c\n")) == [["a\rb", "c"]])
    }

    @Test func lineNumbersCountPhysicalLinesInsideQuotedFields() throws {
        let input = "id,memo\n1,\"first\nsecond\r\nthird\"\n2,\"x\"\n\n3,\"\n\"\n4,y"
        let (records, _) = try readAll(bytes(input))
        #expect(records.map(\.line) == [1, 2, 5, 7, 9])
        #expect(records[1].fields == ["1", "first\nsecond\r\nthird"])
        #expect(records[4].fields == ["4", "y"])
    }

    @Test func fieldCountsMayVaryBetweenRecords() throws {
        // Ragged rows are the caller's business (it knows the header); the reader returns them as is.
        #expect(try rows(bytes("a,b,c\n1\n1,2,3,4\n")) == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    }
}

@Suite("Delimiter detection")
struct DelimiterTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09)),
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("\"x;y;z\",b\n", UInt8(ascii: ",")),  // delimiters inside quotes do not count
        ("a,b;c\n", UInt8(ascii: ",")),  // tie: comma wins
        ("a\tb;c;d,e\n", UInt8(ascii: ";")),
        ("single\n", UInt8(ascii: ",")),  // none at all: comma
        ("\n\r\na\tb\n", UInt8(0x09)),  // leading empty lines are not the header
    ])
    func detectsFromHeaderLine(input: String, expected: UInt8) throws {
        let (_, reader) = try readAll(bytes(input))
        #expect(reader.delimiter == expected)
    }

    @Test func detectionOnlyLooksAtTheHeader() throws {
        let (records, reader) = try readAll(bytes("a;b\n1,2,3,4,5;6\n"))
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(records[1].fields == ["1,2,3,4,5", "6"])
    }

    @Test func detectionWorksWhenTheHeaderSpansChunks() throws {
        for size in tinyChunkSizes {
            let (records, reader) = try readAll(bytes("\"q\tq\";b;c;d\n1;2;3;4\n"), chunkSize: size)
            #expect(reader.delimiter == UInt8(ascii: ";"), "chunk size \(size)")
            #expect(records.last?.fields == ["1", "2", "3", "4"])
        }
    }

    @Test func explicitDelimiterIsUsed() throws {
        let (records, reader) = try readAll(bytes("a;b,c\n"), delimiter: UInt8(ascii: ","))
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(records[0].fields == ["a;b", "c"])
        #expect(try rows(bytes("a|b\n"), delimiter: UInt8(ascii: "|")) == [["a", "b"]])
    }

    @Test func unusableDelimiterIsRejected() {
        #expect(errorText(bytes("a\n"), delimiter: 0x22)?.hasPrefix("t.csv: invalid delimiter byte 0x22") == true)
        #expect(errorText(bytes("a\n"), delimiter: 0x0A) != nil)
        #expect(errorText(bytes("a\n"), delimiter: 0xE3) != nil)
    }
}
