import Foundation
import Testing

@testable import MierukaCSV

@Suite("CP932 encoder")
struct CP932EncoderTests {
    @Test("CP932 encoder: every character of the decoder's table goes back to its bytes")
    func cp932Table() {
        var checked = 0
        for code in 0..<CP932.doubleByteTable.count where CP932.doubleByteTable[code] != 0 {
            let scalar = Unicode.Scalar(UInt32(CP932.doubleByteTable[code]))!
            let (bytes, missing) = CP932Encoder.encode(String(Character(scalar)))
            #expect(missing.isEmpty)
            // NEC and IBM duplicates encode to the first code; decoding gives the same character either way.
            var decoded: [UInt8] = []
            bytes.withUnsafeBufferPointer { _ = CP932.decode($0, into: &decoded) }
            #expect(String(decoding: decoded, as: UTF8.self) == String(Character(scalar)))
            checked += 1
        }
        #expect(checked > 7000)
        #expect(CP932Encoder.encode("ｱｲｳ abc").bytes == [0xB1, 0xB2, 0xB3, 0x20, 0x61, 0x62, 0x63])
    }

    @Test("JIS-style code points go to the CP932 character Windows uses; emoji are reported")
    func variants() {
        #expect(CP932Encoder.encode("〜−‖¢£¬—").bytes == CP932Encoder.encode("～－∥￠￡￢―").bytes)
        #expect(CP932Encoder.encode("カ\u{3099}").bytes == CP932Encoder.encode("ガ").bytes && CP932Encoder.encode("カ\u{3099}").unmappable.isEmpty)
        let (bytes, missing) = CP932Encoder.encode("a😀b")
        #expect(bytes == [0x61, 0x3F, 0x62])
        #expect(missing.map(\.offset) == [1] && missing.first?.codePoints == "U+1F600")
    }
}
