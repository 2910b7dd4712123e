import Foundation
import MierukaCore

extension PostgresStore {
    public func addUser(_ user: UserRecord) async throws {
        // ON CONFLICT rather than a look-up first: two requests adding the same login cannot both pass.
        let added = try await rows(
            """
            INSERT INTO users (login, password_hash, role, team, rep_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (login) DO NOTHING RETURNING 1
            """,
            [.text(user.login), .text(user.passwordHash), .text(user.role.rawValue), DBValue(user.team), DBValue(user.repId),
             .int(Int64(Date().timeIntervalSince1970))]
        ) { _ in true }
        if added.isEmpty { throw StoreError.userExists(user.login) }
    }

    public func user(login: String) async throws -> UserRecord? {
        try await rows("SELECT login, password_hash, role, team, rep_id FROM users WHERE login = $1", [.text(login)]) { c -> UserRecord? in
            guard let login = c[0].text, let hash = c[1].text, let role = c[2].text.flatMap(Role.init) else { return nil }
            return UserRecord(login: login, passwordHash: hash, role: role, team: c[3].text, repId: c[4].text)
        }.first
    }

    public func userCount() async throws -> Int { Int(try await scalar("SELECT COUNT(*) FROM users")) }

    public func createSession(tokenHash: String, login: String, csrf: String, expiresAt: Date) async throws {
        try await exec(
            "INSERT INTO sessions (token_hash, login, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            [.text(tokenHash), .text(login), .text(csrf), .int(Int64(Date().timeIntervalSince1970)), .int(Int64(expiresAt.timeIntervalSince1970))])
    }

    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await rows(
            "SELECT login, csrf, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2",
            [.text(tokenHash), .int(Int64(now.timeIntervalSince1970))]
        ) { c -> SessionRecord? in
            guard let login = c[0].text, let csrf = c[1].text, let expires = c[2].int else { return nil }
            return SessionRecord(login: login, csrf: csrf, expiresAt: Date(timeIntervalSince1970: Double(expires)))
        }.first
    }

    public func deleteSession(tokenHash: String) async throws {
        try await exec("DELETE FROM sessions WHERE token_hash = $1", [.text(tokenHash)])
    }

    public func createToken(tokenHash: String, login: String) async throws {
        try await exec(
            "INSERT INTO api_tokens (token_hash, login, created_at) VALUES ($1, $2, $3)",
            [.text(tokenHash), .text(login), .int(Int64(Date().timeIntervalSince1970))])
    }

    public func tokenLogin(tokenHash: String) async throws -> String? {
        try await rows("SELECT login FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", [.text(tokenHash)]) { $0[0].text }.first
    }

    public func recordLoginFailure(login: String, at: Date) async throws {
        try await exec("INSERT INTO login_failures (login, at) VALUES ($1, $2)", [.text(login), .int(Int64(at.timeIntervalSince1970))])
    }

    public func loginFailures(login: String, since: Date) async throws -> Int {
        Int(try await scalar("SELECT COUNT(*) FROM login_failures WHERE login = $1 AND at >= $2", [.text(login), .int(Int64(since.timeIntervalSince1970))]))
    }

    public func clearLoginFailures(login: String) async throws {
        try await exec("DELETE FROM login_failures WHERE login = $1", [.text(login)])
    }
}
