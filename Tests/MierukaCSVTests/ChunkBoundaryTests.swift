import Foundation
import Testing

@testable import MierukaCSV

@Suite("Records straddling chunk boundaries")
struct ChunkBoundaryTests {
    /// Every input must read the same at every tiny chunk size as in one chunk, line numbers included.
    static let inputs: [(String, [UInt8], SourceEncoding)] = [
        ("quoted newlines and escaped quotes",
            bytes("id,memo\r\n1,\"a\r\nb\"\r\n2,\"he said \"\"x\"\"\"\r\n\r\n3,\"\"\n4,\n\"\n\"\n5"), .auto),
        ("utf-8 multibyte", bytes("活動ID,日付\n髙橋,\"①\n㈱\"\n﨑,～\n"), .auto),
        ("utf-8 with BOM", [0xEF, 0xBB, 0xBF] + bytes("活動ID,日付\n1,2\n"), .auto),
        ("cp932 multibyte", SJIS.katsudouID + bytes(",") + SJIS.hizuke + bytes("\n\"") + SJIS.kabu + bytes("\n")
            + SJIS.maru1 + bytes("\",") + SJIS.taka + SJIS.saki + SJIS.wave + bytes("\r\n") + SJIS.hankakuA + bytes(",x"), .cp932),
        ("cp932 detected", SJIS.katsudouID + bytes(",") + SJIS.hizuke + bytes("\n\"") + SJIS.kabu + bytes("\n")
            + SJIS.maru1 + bytes("\",") + SJIS.taka + SJIS.saki + SJIS.wave + bytes("\r\n"), .auto),
        ("trailing CR at end", bytes("a,b\r\n1,2\r"), .auto),
    ]

    @Test(arguments: 0..<ChunkBoundaryTests.inputs.count)
    func sameRecordsAtEveryChunkSize(index: Int) throws {
        let (label, input, encoding) = Self.inputs[index]
        let (expected, reference) = try readAll(input, encoding: encoding)
        #expect(!expected.isEmpty, "\(label)")
        for size in tinyChunkSizes {
            let (records, reader) = try readAll(input, encoding: encoding, chunkSize: size)
            #expect(records == expected, "\(label), chunk size \(size)")
            #expect(reader.encoding == reference.encoding, "\(label), chunk size \(size)")
            #expect(reader.delimiter == reference.delimiter, "\(label), chunk size \(size)")
        }
    }

    @Test func quotedNewlineAndCP932CharacterExactlyAtTheBoundary() throws {
        // With 8-byte chunks the first chunk ends between the two bytes of ㈱ and the next between
        // CR and LF inside the quoted field.
        let input = bytes("ab,c\n\"x") + SJIS.kabu + bytes("yzabcd\r\nw\",1\n")
        #expect(input.count > 16 && input[8] == SJIS.kabu[1] && input[15] == 0x0D)
        let (records, _) = try readAll(input, encoding: .cp932, chunkSize: 8)
        #expect(records == [CSVRecord(line: 1, fields: ["ab", "c"]), CSVRecord(line: 2, fields: ["x㈱yzabcd\r\nw", "1"])])
    }

    @Test func progressReachesTheTotal() throws {
        var input = bytes("h1,h2\n")
        for n in 0..<500 { input += bytes("\(n),\"v\(n)\"\n") }
        let reader = try CSVReader(data: Data(input), name: "p.csv", encoding: .auto, delimiter: nil, chunkSize: 256)
        #expect(reader.totalBytes == Int64(input.count))
        var previous: Int64 = 0
        var sawPartial = false
        while try reader.next() != nil {
            #expect(reader.bytesConsumed >= previous)
            if reader.bytesConsumed > 0 && reader.bytesConsumed < Int64(input.count) { sawPartial = true }
            previous = reader.bytesConsumed
        }
        #expect(sawPartial)
        #expect(reader.bytesConsumed == Int64(input.count))
    }

    @Test func readsFromAFileInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let input = SJIS.katsudouID + bytes(",memo\n1,\"a\nb\"\n2,") + SJIS.maru1 + bytes("\n")
        try Data(input).write(to: url)
        for size in [3, CSVReader.defaultChunkSize] {
            let reader = try CSVReader(path: url.path, encoding: .auto, delimiter: nil, chunkSize: size)
            #expect(reader.name == url.lastPathComponent)
            #expect(reader.totalBytes == Int64(input.count))
            var records: [CSVRecord] = []
            while let record = try reader.next() { records.append(record) }
            #expect(records == [
                CSVRecord(line: 1, fields: ["活動ID", "memo"]), CSVRecord(line: 2, fields: ["1", "a\nb"]),
                CSVRecord(line: 4, fields: ["2", "①"]),
            ])
            #expect(reader.encoding == .cp932)
        }
    }
}
