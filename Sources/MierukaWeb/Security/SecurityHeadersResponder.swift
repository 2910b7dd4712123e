import HTTPTypes
import Hummingbird

/// Headers every response carries — pages, API answers, downloads, errors and unknown paths alike: no framing, no
/// sniffing, no referrer leaks, no script but our own files (the pages have none; inline styles only).
///
/// A responder around the whole router rather than a router middleware: a middleware runs only once a route matched
/// and sees a thrown error before the router turns it into a response, so 404s and errors went out without the headers.
struct SecurityHeadersResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == AppRequestContext {
    typealias Context = AppRequestContext
    let base: Base

    static var headers: HTTPFields {
        var fields = HTTPFields()
        fields[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return fields
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        var response: Response
        do {
            response = try await base.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Whatever failed inside, the client gets a plain 500 with the headers and no internals; the log has the cause.
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            response = Response(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: "内部エラーです。もう一度お試しください / internal error, please try again\n")))
        }
        for field in Self.headers { response.headers[field.name] = field.value }
        return response
    }
}
