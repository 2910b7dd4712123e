import Foundation
import MierukaCore

/// An API token as an administrator sees it: never the token itself (only its hash is stored), but a short id taken
/// from the hash, whose it is, and whether it still opens the API.
public struct APITokenRecord: Sendable, Hashable {
    /// The first 12 hex digits of the token's hash: enough to name one token in `mieruka token revoke --id`.
    public var id: String
    public var login: String
    public var createdAt: Date
    public var revokedAt: Date?

    public static let idLength = 12
}

/// Listing and revoking API tokens, on either database through `execute` / `query`. A revoked token is refused on
/// the very next request: the authentication middleware looks every bearer token up in the database.
extension Store {
    public func apiTokens() async throws -> [APITokenRecord] {
        try await query("SELECT token_hash, login, created_at, revoked_at FROM api_tokens ORDER BY created_at, token_hash", []).map { row in
            APITokenRecord(id: String((row[0].text ?? "").prefix(APITokenRecord.idLength)), login: row[1].text ?? "",
                           createdAt: row[2].date ?? Date(timeIntervalSince1970: 0), revokedAt: row[3].date)
        }
    }

    /// Revokes the unrevoked tokens whose hash starts with `idPrefix` (at least `APITokenRecord.idLength` digits, so one
    /// short id cannot match many tokens by accident), or all of `login`'s. Returns how many were revoked.
    public func revokeAPITokens(idPrefix: String? = nil, login: String? = nil, now: Date = Date()) async throws -> Int {
        var conditions: [String] = []
        var binds: [DBValue] = [DBValue(now)]
        if let idPrefix {
            guard idPrefix.count >= APITokenRecord.idLength, idPrefix.allSatisfy(\.isHexDigit) else { return 0 }
            conditions.append("substr(token_hash, 1, \(idPrefix.count)) = ?")
            binds.append(.text(idPrefix.lowercased()))
        }
        if let login {
            conditions.append("login = ?")
            binds.append(.text(login))
        }
        guard !conditions.isEmpty else { return 0 }
        let matching = "FROM api_tokens WHERE revoked_at IS NULL AND " + conditions.joined(separator: " AND ")
        let update = "UPDATE api_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND " + conditions.joined(separator: " AND ")
        let allBinds = binds
        return try await transaction {
            let before = try await self.query("SELECT COUNT(*) " + matching, Array(allBinds.dropFirst()))
            try await self.execute(update, allBinds)
            return Int(before.first?.first?.int ?? 0)
        }
    }
}
