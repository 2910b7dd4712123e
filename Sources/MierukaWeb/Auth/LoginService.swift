import Foundation
import HummingbirdBcrypt
import MierukaCore
import MierukaStore

/// Passwords, sessions and throttling: the rules of logging in, apart from HTTP.
public struct LoginService: Sendable {
    public let store: any Store
    /// Sessions end after this long.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// After this many failures within `throttleWindow`, further attempts are refused until the window passes.
    public var maxFailures = 5
    public var throttleWindow: TimeInterval = 15 * 60

    public init(store: any Store) { self.store = store }

    public enum Outcome: Sendable {
        case success(sessionToken: String, csrf: String, viewer: Viewer)
        case invalid
        case throttled
    }

    public static func hashPassword(_ password: String) -> String { Bcrypt.hash(password, cost: 10) }

    public func login(_ login: String, password: String, now: Date = Date()) async throws -> Outcome {
        if try await store.loginFailures(login: login, since: now.addingTimeInterval(-throttleWindow)) >= maxFailures { return .throttled }
        guard let user = try await store.user(login: login), Bcrypt.verify(password, hash: user.passwordHash) else {
            try await store.recordLoginFailure(login: login, at: now)
            return .invalid
        }
        try await store.clearLoginFailures(login: login)
        // A new session id on every login (no fixation).
        let token = Secrets.randomToken()
        let csrf = Secrets.randomToken(bytes: 16)
        try await store.createSession(tokenHash: Secrets.hash(token), login: login, csrf: csrf, expiresAt: now.addingTimeInterval(sessionLifetime))
        return .success(sessionToken: token, csrf: csrf, viewer: user.viewer)
    }

    /// Creates a user; the password is stored only as a bcrypt hash.
    public func addUser(login: String, password: String, role: Role, team: String?, repId: String?) async throws {
        guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw WebError.badRequest("a login may hold letters, digits and . _ - @ only")
        }
        guard password.count >= 8 else { throw WebError.badRequest("the password must have at least 8 characters") }
        try await store.addUser(UserRecord(login: login, passwordHash: Self.hashPassword(password), role: role, team: team, repId: repId))
    }

    /// A new API token for a user, shown once.
    public func createToken(login: String) async throws -> String {
        guard try await store.user(login: login) != nil else { throw WebError.badRequest("no user \"\(login)\"") }
        let token = "mk_" + Secrets.randomToken()
        try await store.createToken(tokenHash: Secrets.hash(token), login: login)
        return token
    }
}

/// Errors a request can cause, with the status and a message that says what to do.
public enum WebError: Error, CustomStringConvertible {
    case badRequest(String)
    case unauthorized
    case forbidden(String)
    case notFound

    public var description: String {
        switch self {
        case .badRequest(let m): return m
        case .unauthorized: return "log in first (or send Authorization: Bearer TOKEN; `mieruka token create` makes one)"
        case .forbidden(let m): return m
        case .notFound: return "no such page"
        }
    }
}
