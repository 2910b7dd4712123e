import Hummingbird
import Logging

/// One log line per request — method and path — with the values of secret-bearing query parameters masked. Passwords
/// and tokens travel in bodies and headers, which are never logged; the mask covers a client that puts one in the URL
/// (a mistyped form, a scraper's `?token=`), since Hummingbird's own request logger prints the whole URI.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.info("Request", metadata: [
            "hb.request.method": .string(request.method.rawValue),
            "hb.request.path": .string(RequestLogMasking.loggable(request.uri.path, request.uri.query)),
        ])
        return try await next(request, context)
    }
}

/// What of a URL may be logged.
public enum RequestLogMasking {
    static let secretParameters: Set<String> = ["password", "pass", "passwd", "token", "access_token", "api_key", "csrf", "secret"]

    /// The path and query with each secret parameter's value replaced by ***.
    public static func loggable(_ path: String, _ query: String?) -> String {
        guard let query, !query.isEmpty else { return path }
        let masked = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let decoded = (name.removingPercentEncoding ?? name).lowercased()
            return secretParameters.contains(decoded) && pair.contains("=") ? "\(name)=***" : String(pair)
        }
        return path + "?" + masked.joined(separator: "&")
    }
}
