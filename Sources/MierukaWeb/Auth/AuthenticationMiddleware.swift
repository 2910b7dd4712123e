import Foundation
import Hummingbird
import MierukaCore
import MierukaStore

/// Finds who is asking: a session cookie (browser) or `Authorization: Bearer TOKEN` (API clients).
/// Leaves `viewer` nil when neither is valid; routes decide whether that is allowed.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "mieruka_session"
    let store: any Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            if let login = try await store.tokenLogin(tokenHash: Secrets.hash(token)), let user = try await store.user(login: login) {
                context.viewer = user.viewer
            }
        } else if let cookie = request.cookies[Self.sessionCookie]?.value {
            let hash = Secrets.hash(cookie)
            if let session = try await store.session(tokenHash: hash, now: Date()), let user = try await store.user(login: session.login) {
                context.viewer = user.viewer
                context.session = session
                context.sessionTokenHash = hash
            }
        }
        return try await next(request, context)
    }
}
