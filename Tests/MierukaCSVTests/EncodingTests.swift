import Foundation
import Testing

@testable import MierukaCSV

@Suite("Encodings: UTF-8, BOM, CP932 and auto-detection")
struct EncodingTests {
    @Test func asciiStaysUndecided() throws {
        let (records, reader) = try readAll(bytes("a,b\n1,2\n"))
        #expect(reader.encoding == .ascii)
        #expect(records.count == 2)
    }

    @Test func utf8WithoutBOM() throws {
        let (records, reader) = try readAll(bytes("活動ID,日付\nA1,2024-04-01\n"))
        #expect(reader.encoding == .utf8)
        #expect(records[0].fields == ["活動ID", "日付"])
    }

    @Test func utf8BOMIsStrippedAndReported() throws {
        for encoding in [SourceEncoding.auto, .utf8] {
            let (records, reader) = try readAll([0xEF, 0xBB, 0xBF] + bytes("活動ID,日付\n1,2\n"), encoding: encoding)
            #expect(reader.encoding == .utf8BOM)
            #expect(records[0] == CSVRecord(line: 1, fields: ["活動ID", "日付"]))
            #expect(records[0].fields[0].unicodeScalars.first != "\u{FEFF}")
        }
    }

    @Test func cp932HeadersAndExtensionCharacters() throws {
        let comma: [UInt8] = [0x2C], lf: [UInt8] = [0x0A]
        let input =
            SJIS.katsudouID + comma + SJIS.hizuke + comma + bytes("memo") + lf
            + SJIS.kabu + bytes("ABC") + comma + SJIS.maru1 + comma + SJIS.taka + SJIS.saki + SJIS.wave + SJIS.hankakuA + lf
        for encoding in [SourceEncoding.cp932, .auto] {
            let (records, reader) = try readAll(input, encoding: encoding)
            #expect(reader.encoding == .cp932)
            #expect(records.map(\.fields) == [["活動ID", "日付", "memo"], ["㈱ABC", "①", "髙﨑\u{FF5E}ｱ"]])
        }
    }

    @Test func cp932QuotedFieldWithYenAndTrailBytesThatLookLikeASCII() throws {
        // 0x5C (backslash) and 0x40..0x7E occur as CP932 trail bytes: ソ = 83 5C, 表 = 95 5C.
        // They must not be mistaken for ASCII; quote/comma/LF can never be trail bytes.
        let input: [UInt8] = [0x22, 0x83, 0x5C, 0x2C, 0x95, 0x5C, 0x22, 0x2C, 0x83, 0x5C, 0x0A]
        #expect(try rows(input, encoding: .cp932) == [["ソ,表", "ソ"]])
    }

    @Test func cp932TableAgreesWithFoundationForEveryDoubleByteCode() {
        var mismatches: [String] = []
        var assigned = 0
        for lead in UInt8(0x81)...0xFC where CP932.isLeadByte(lead) {
            for trail in UInt8(0x40)...0xFC where trail != 0x7F {
                let pair = [lead, trail]
                let expected = String(data: Data(pair), encoding: .shiftJIS)
                var out: [UInt8] = []
                let failure = pair.withUnsafeBufferPointer { CP932.decode($0, into: &out) }
                let actual = failure == nil ? String(decoding: out, as: UTF8.self) : nil
                if expected != nil { assigned += 1 }
                if expected != actual { mismatches.append(String(format: "%02X%02X", lead, trail)) }
            }
        }
        #expect(mismatches.isEmpty, "differs from Foundation at \(mismatches.prefix(10))")
        #expect(assigned > 9000)  // JIS X 0208 + NEC + IBM extensions + user-defined area
        for single in UInt8(0x80)...0xFF where !CP932.isLeadByte(single) {
            var out: [UInt8] = []
            let failure = [single].withUnsafeBufferPointer { CP932.decode($0, into: &out) }
            let actual = failure == nil ? String(decoding: out, as: UTF8.self) : nil
            #expect(actual == String(data: Data([single]), encoding: .shiftJIS), "single byte \(single)")
        }
    }

    @Test func autoDetectsCP932AfterLongASCIIPrefix() throws {
        var input = bytes("id,name,date\n")
        var n = 0
        while input.count < 100_000 {
            input += bytes("\(n),name\(n),2024-04-01\n")
            n += 1
        }
        input += bytes("late,") + SJIS.kabu + SJIS.hizuke + bytes(",x\n")
        for chunkSize in [4096, CSVReader.defaultChunkSize] {
            let reader = try CSVReader(data: Data(input), name: "t.csv", encoding: .auto, delimiter: nil, chunkSize: chunkSize)
            _ = try reader.next()
            if chunkSize == 4096 { #expect(reader.encoding == .ascii) }
            var last: CSVRecord?
            while let record = try reader.next() { last = record }
            #expect(reader.encoding == .cp932)
            #expect(last?.fields == ["late", "㈱日付", "x"])
            #expect(last?.line == n + 2)
        }
    }

    @Test func autoDetectsUTF8AfterLongASCIIPrefix() throws {
        var input = bytes("id,name\n")
        for n in 0..<5000 { input += bytes("\(n),name\(n)\n") }
        input += bytes("late,髙﨑\n")
        let (records, reader) = try readAll(input, chunkSize: 4096)
        #expect(reader.encoding == .utf8)
        #expect(records.last?.fields == ["late", "髙﨑"])
    }

    @Test func encodingNamesIncludeCommonAliases() {
        #expect(SourceEncoding(name: "Shift_JIS") == .cp932)
        #expect(SourceEncoding(name: "sjis") == .cp932)
        #expect(SourceEncoding(name: "CP932") == .cp932)
        #expect(SourceEncoding(name: "windows-31j") == .cp932)
        #expect(SourceEncoding(name: "UTF-8") == .utf8)
        #expect(SourceEncoding(name: "utf8") == .utf8)
        #expect(SourceEncoding(name: " auto ") == .auto)
        #expect(SourceEncoding(name: "latin1") == nil)
        #expect(SourceEncoding(rawValue: "utf-8") == .utf8)
        #expect(DetectedEncoding.utf8BOM.rawValue == "utf-8-bom")
    }
}
