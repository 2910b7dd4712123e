import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore

extension Request {
    /// Reads an application/x-www-form-urlencoded body (up to 1 MB). Malformed input never traps: a pair whose
    /// percent-encoding is broken keeps its raw text (URLComponents would abort the process on such a body).
    mutating func form() async throws -> [String: String] {
        let buffer = try await collectBody(upTo: 1 << 20)
        return Self.formFields(String(buffer: buffer))
    }

    static func formFields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if out[name] == nil { out[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return out
    }

    /// Behind a TLS-terminating proxy the scheme arrives in X-Forwarded-Proto.
    var isSecure: Bool {
        headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

extension Language {
    /// `?lang=en|ja`, else the `lang` cookie, else Japanese.
    static func of(_ request: Request) -> Language {
        if let q = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return q }
        if let c = request.cookies["lang"]?.value, let l = Language(rawValue: c) { return l }
        return .ja
    }
}

extension Response {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
