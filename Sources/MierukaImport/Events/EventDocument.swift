import Foundation

/// Reads the body posted to /api/v1/events: one event object, `{"events": [...]}`, or a JSON array of events.
public enum EventDocument {
    public static func events(from data: Data) throws -> [BatchRecord] {
        if let offset = BatchDocument.firstInvalidUTF8(in: data) {
            throw BatchDocument.Unreadable(
                message: "the body is not UTF-8: invalid byte 0x\(String(data[data.startIndex + offset], radix: 16)) at \(BatchDocument.place(offset, in: data))")
        }
        do {
            return try JSONDecoder().decode(Envelope.self, from: data).events
        } catch let error as BatchDocument.Unreadable {
            throw error
        } catch {
            throw BatchDocument.Unreadable(message: "the body is not valid JSON: \(BatchDocument.syntaxError(in: data) ?? "\(error)")")
        }
    }

    private struct Envelope: Decodable {
        var events: [BatchRecord]

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var events: [BatchRecord] = []
                while !list.isAtEnd { events.append(try list.decode(BatchRecord.self)) }
                self.events = events
                return
            }
            let expected = "expected one event object, an object {\"events\": [...]} or a JSON array of events"
            guard let object = try? decoder.container(keyedBy: BatchKey.self) else {
                throw BatchDocument.Unreadable(message: "the body is JSON but not an event: \(expected)")
            }
            let key = BatchKey(stringValue: "events")
            guard object.contains(key) else {
                // One event on its own.
                events = [try BatchRecord(from: decoder)]
                return
            }
            let others = object.allKeys.map(\.stringValue).filter { $0 != "events" }.sorted()
            guard others.isEmpty else {
                throw BatchDocument.Unreadable(message: "the body has key(s) \(others.map { "\"\($0)\"" }.joined(separator: ", ")) besides \"events\": \(expected)")
            }
            guard let events = try? object.decode([BatchRecord].self, forKey: key) else {
                throw BatchDocument.Unreadable(message: "the body's \"events\" is not an array: \(expected)")
            }
            self.events = events
        }
    }
}
