import Foundation
import Testing

@testable import MierukaCSV

/// Chunk sizes that make records, quotes, CRLFs and multi-byte characters straddle chunk ends.
let tinyChunkSizes = [1, 2, 3, 4, 5, 7, 11, 16, 64]

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Reads every record; tests use the internal initialiser to control chunking and limits.
func readAll(
    _ input: [UInt8], name: String = "t.csv", encoding: SourceEncoding = .auto, delimiter: UInt8? = nil,
    chunkSize: Int = CSVReader.defaultChunkSize, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes
) throws -> (records: [CSVRecord], reader: CSVReader) {
    let reader = try CSVReader(
        data: Data(input), name: name, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize,
        maxRecordBytes: maxRecordBytes)
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return (records, reader)
}

func rows(_ input: [UInt8], encoding: SourceEncoding = .auto, delimiter: UInt8? = nil, chunkSize: Int = CSVReader.defaultChunkSize) throws -> [[String]] {
    try readAll(input, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize).records.map(\.fields)
}

/// The description of the CSVError reading `input` throws, or nil when it reads cleanly.
func errorText(
    _ input: [UInt8], name: String = "t.csv", encoding: SourceEncoding = .auto, delimiter: UInt8? = nil,
    chunkSize: Int = CSVReader.defaultChunkSize, maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes
) -> String? {
    do {
        _ = try readAll(input, name: name, encoding: encoding, delimiter: delimiter, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        return nil
    } catch let error as CSVError {
        return error.description
    } catch {
        return "unexpected error type: \(error)"
    }
}

/// CP932 bytes used across tests, written out by hand (checked against Foundation's encoder).
enum SJIS {
    static let katsudouID: [UInt8] = [0x8A, 0x88, 0x93, 0xAE, 0x49, 0x44]  // 活動ID
    static let hizuke: [UInt8] = [0x93, 0xFA, 0x95, 0x74]  // 日付
    static let maru1: [UInt8] = [0x87, 0x40]  // ① (NEC special)
    static let kabu: [UInt8] = [0x87, 0x8A]  // ㈱ (NEC special)
    static let taka: [UInt8] = [0xFB, 0xFC]  // 髙 (IBM extension)
    static let saki: [UInt8] = [0xFA, 0xB1]  // 﨑 (IBM extension)
    static let wave: [UInt8] = [0x81, 0x60]  // ～ U+FF5E in CP932
    static let hankakuA: [UInt8] = [0xB1]  // ｱ
}
