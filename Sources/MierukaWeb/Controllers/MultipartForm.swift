import Foundation
import Hummingbird
import MultipartKit

/// A multipart/form-data body (file uploads), read with MultipartKit's parser: each part's name, file name and bytes.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part] = []

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The uploaded file of this field, if one was chosen (browsers send an empty part with an empty file name otherwise).
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.filename.map { !$0.isEmpty } == true }
    }

    /// Reads the request's body (up to `limit` bytes) as multipart/form-data.
    static func read(_ request: inout Request, limit: Int) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.parameter("boundary", in: type)
        else { throw HTTPError(.unsupportedMediaType, message: "send the form as multipart/form-data") }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge, message: "the upload is larger than \(limit / 1_000_000) MB; import big files with `mieruka import`")
        }
        var form = MultipartForm()
        var headers: [(String, String)] = []
        var data = Data()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            form.parts.append(Part(name: Self.parameter("name", in: disposition) ?? "", filename: Self.parameter("filename", in: disposition), data: data))
            headers = []
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "the form could not be read (\(error)); send it again")
        }
        return form
    }

    /// `key=value` or `key="value"` from a header value such as `form-data; name="file"; filename="a.csv"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "%22", with: "\"")
        }
        return nil
    }
}
