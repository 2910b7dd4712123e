import Foundation
import MierukaCore
import SQLiteNIO

extension SQLiteStore {
    public func addUser(_ user: UserRecord) async throws {
        if try await self.user(login: user.login) != nil { throw StoreError.userExists(user.login) }
        try await exec(
            "INSERT INTO users (login, password_hash, role, team, rep_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(user.login), .text(user.passwordHash), .text(user.role.rawValue), DBValue(user.team).sqlite, DBValue(user.repId).sqlite,
             .integer(Int(Date().timeIntervalSince1970))])
    }

    public func user(login: String) async throws -> UserRecord? {
        try await rows("SELECT login, password_hash, role, team, rep_id FROM users WHERE login = ?", [.text(login)]) { c -> UserRecord? in
            guard let login = c[0].string, let hash = c[1].string, let role = c[2].string.flatMap(Role.init) else { return nil }
            return UserRecord(login: login, passwordHash: hash, role: role, team: c[3].string, repId: c[4].string)
        }.first
    }

    public func userCount() async throws -> Int { Int(try await scalar("SELECT COUNT(*) FROM users")) }

    public func createSession(tokenHash: String, login: String, csrf: String, expiresAt: Date) async throws {
        try await exec(
            "INSERT INTO sessions (token_hash, login, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            [.text(tokenHash), .text(login), .text(csrf), .integer(Int(Date().timeIntervalSince1970)), .integer(Int(expiresAt.timeIntervalSince1970))])
    }

    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await rows("SELECT login, csrf, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?",
                       [.text(tokenHash), .integer(Int(now.timeIntervalSince1970))]) { c -> SessionRecord? in
            guard let login = c[0].string, let csrf = c[1].string, let expires = c[2].integer else { return nil }
            return SessionRecord(login: login, csrf: csrf, expiresAt: Date(timeIntervalSince1970: Double(expires)))
        }.first
    }

    public func deleteSession(tokenHash: String) async throws {
        try await exec("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)])
    }

    public func createToken(tokenHash: String, login: String) async throws {
        try await exec("INSERT INTO api_tokens (token_hash, login, created_at) VALUES (?, ?, ?)",
                       [.text(tokenHash), .text(login), .integer(Int(Date().timeIntervalSince1970))])
    }

    public func tokenLogin(tokenHash: String) async throws -> String? {
        try await rows("SELECT login FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", [.text(tokenHash)]) { $0[0].string }.first
    }

    public func recordLoginFailure(login: String, at: Date) async throws {
        try await exec("INSERT INTO login_failures (login, at) VALUES (?, ?)", [.text(login), .integer(Int(at.timeIntervalSince1970))])
    }

    public func loginFailures(login: String, since: Date) async throws -> Int {
        Int(try await rows("SELECT COUNT(*) FROM login_failures WHERE login = ? AND at >= ?",
                           [.text(login), .integer(Int(since.timeIntervalSince1970))]) { $0[0].integer.map(Int64.init) }.first ?? 0)
    }

    public func clearLoginFailures(login: String) async throws {
        try await exec("DELETE FROM login_failures WHERE login = ?", [.text(login)])
    }
}
