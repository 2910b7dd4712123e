import Foundation

/// Reads the body an API client posts: a JSON array of records, or `{"records": [...]}` (room for other envelope keys
/// later, hence no others accepted now: a misspelt `"record"` must not pass as an empty batch).
public enum BatchDocument {
    /// The body is not a batch: not JSON, or JSON of another shape. The message says where and what was expected.
    public struct Unreadable: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func records(from data: Data) throws -> [BatchRecord] {
        // JSON is UTF-8 (RFC 8259); the decoder would otherwise guess UTF-16 from a stray byte pair and read garbage.
        if let offset = firstInvalidUTF8(in: data) {
            throw Unreadable(message: "the body is not UTF-8: invalid byte 0x\(String(data[data.startIndex + offset], radix: 16)) at \(place(offset, in: data))")
        }
        do {
            return try JSONDecoder().decode(Envelope.self, from: data).records
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(message: "the body is not valid JSON: \(syntaxError(in: data) ?? "\(error)")")
        }
    }

    /// Where the JSON breaks. The decoder on Linux says only "not valid JSON"; JSONSerialization names the byte
    /// ("Invalid value around character 19."), which becomes a line and column a person can find in their payload.
    static func syntaxError(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            guard var text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            if let range = text.range(of: #"(around )?character \d+"#, options: .regularExpression),
                let offset = Int(text[range].split(separator: " ").last ?? "")
            {
                text.replaceSubrange(range, with: "at \(place(offset, in: data))")
            }
            return text
        }
    }

    /// "line 2, column 9" (1-based; columns count characters) for a byte offset.
    static func place(_ offset: Int, in data: Data) -> String {
        let before = data.prefix(max(0, min(offset, data.count)))
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }

    static func firstInvalidUTF8(in data: Data) -> Int? {
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private struct Envelope: Decodable {
        var records: [BatchRecord]

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var records: [BatchRecord] = []
                while !list.isAtEnd { records.append(try list.decode(BatchRecord.self)) }
                self.records = records
                return
            }
            let expected = "expected a JSON array of records or an object {\"records\": [...]}"
            guard let object = try? decoder.container(keyedBy: BatchKey.self) else {
                throw Unreadable(message: "the body is JSON but not a batch: \(expected)")
            }
            let others = object.allKeys.map(\.stringValue).filter { $0 != "records" }.sorted()
            guard others.isEmpty else {
                throw Unreadable(message: "the body has key(s) \(others.map { "\"\($0)\"" }.joined(separator: ", ")) besides \"records\": \(expected)")
            }
            let key = BatchKey(stringValue: "records")
            guard object.contains(key), let records = try? object.decode([BatchRecord].self, forKey: key) else {
                throw Unreadable(message: "the body's \"records\" is missing or not an array: \(expected)")
            }
            self.records = records
        }
    }
}
