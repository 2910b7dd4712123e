import Foundation
import Testing

@testable import MierukaCSV

@Suite("CSVWriter")
struct WriterTests {
    static let awkward: [[String]] = [
        ["活動ID", "日付", "メモ"],
        ["A-1", "2024-04-01", "plain"],
        ["A,2", "he said \"hi\"", "line1\nline2"],
        ["crlf\r\ninside", "", "㈱テスト ① 髙﨑 ～"],
        ["\"", "\"\"", ",", ],
        ["trailing", "empty", ""],
        [""],
        ["ｱ\r", " spaced ", "semi;colon"],
    ]

    @Test func roundTripThroughMemory() throws {
        var writer = CSVWriter()
        for row in Self.awkward { try writer.write(row) }
        try writer.flush()
        let (records, reader) = try readAll(Array(writer.data))
        #expect(reader.encoding == .utf8BOM)
        #expect(records.map(\.fields) == Self.awkward)
    }

    @Test func roundTripWithTabsAndNoBOM() throws {
        var writer = CSVWriter(bom: false, delimiter: 0x09)
        for row in Self.awkward { try writer.write(row + ["tab\there"]) }
        let data = writer.data
        #expect(Array(data.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let (records, reader) = try readAll(Array(data))
        #expect(reader.delimiter == 0x09)
        #expect(reader.encoding == .utf8)
        #expect(records.map(\.fields) == Self.awkward.map { $0 + ["tab\there"] })
    }

    @Test func quotesOnlyWhenNeeded() throws {
        var writer = CSVWriter(bom: false)
        try writer.write(["a", "b c", "d,e", "f\"g", "h\ni", "j\rk", ""])
        #expect(String(decoding: writer.data, as: UTF8.self) == "a,b c,\"d,e\",\"f\"\"g\",\"h\ni\",\"j\rk\",\n")
        #expect(CSVWriter.line(["x", "y,z"]) == "x,\"y,z\"")
        #expect(CSVWriter.line(["x;y", "z,"], delimiter: UInt8(ascii: ";")) == "\"x;y\";z,")
        #expect(CSVWriter.line([""]) == "\"\"")
    }

    @Test func bomIsWrittenOnceAtTheStart() throws {
        var writer = CSVWriter()
        #expect(Array(writer.data) == [0xEF, 0xBB, 0xBF])
        try writer.write(["a"])
        try writer.write(["b"])
        #expect(Array(writer.data) == [0xEF, 0xBB, 0xBF] + bytes("a\nb\n"))
    }

    @Test func writesToAFileHandleInLargeBuffers() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-csvw-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        var writer = CSVWriter(handle: handle)
        let count = 50_000  // about 2.4 MB, so the 1 MB threshold flushes on its own
        for n in 0..<count { try writer.write(["\(n)", "担当者\(n % 7)", "memo, \"quoted\"\nsecond line"]) }
        try writer.flush()
        try handle.close()
        let reader = try CSVReader(path: url.path)
        #expect(reader.encoding == .utf8BOM)
        var n = 0
        while let record = try reader.next() {
            #expect(record.fields == ["\(n)", "担当者\(n % 7)", "memo, \"quoted\"\nsecond line"])
            #expect(record.line == 2 * n + 1)
            n += 1
        }
        #expect(n == count)
        #expect((reader.totalBytes ?? 0) > 2_000_000)
    }
}
