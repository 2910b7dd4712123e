import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore
import MierukaWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users. ユーザー管理。",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from standard input.")
        @OptionGroup var store: StoreOptions
        @Option var login: String
        @Option(help: "admin | manager | rep | viewer") var role: String
        @Option(help: "The team a manager leads or a rep belongs to.") var team: String?
        @Option(help: "The rep id a rep user is.") var rep: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be admin, manager, rep or viewer") }
            if role == .manager, team == nil { throw ValidationError("a manager needs --team") }
            if role == .rep, rep == nil { throw ValidationError("a rep needs --rep REP_ID") }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("type the password on standard input (e.g. `echo 'secret123' | mieruka user add …`)")
            }
            let db = try await store.open()
            do {
                var team = self.team
                if role == .rep, let repId = rep {
                    guard let record = try await db.reps().first(where: { $0.id == repId }) else {
                        throw ValidationError("no rep \(repId) in the reps table (import reps.csv first)")
                    }
                    team = team ?? record.team
                }
                try await LoginService(store: db).addUser(login: login, password: password, role: role, team: team, repId: rep)
                try await db.close()
                print("user \(login) (\(role.rawValue)) added")
            } catch {
                try? await db.close()
                if let e = error as? WebError { throw ValidationError(e.description) }
                if let e = error as? StoreError { throw ValidationError(e.description) }
                throw error
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens (shown once, stored hashed). APIトークン。",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user; use it as Authorization: Bearer TOKEN.")
        @OptionGroup var store: StoreOptions
        @Option var login: String

        func run() async throws {
            let db = try await store.open()
            do {
                let token = try await LoginService(store: db).createToken(login: login)
                try await db.close()
                print(token)
            } catch {
                try? await db.close()
                if let e = error as? WebError { throw ValidationError(e.description) }
                throw error
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API tokens: id (from the stored hash), user, created, revoked.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            let tokens: [APITokenRecord]
            do {
                tokens = try await db.apiTokens()
                try await db.close()
            } catch {
                try? await db.close()
                throw error
            }
            let format = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
            print("id\tlogin\tcreated\trevoked")
            for t in tokens {
                print("\(t.id)\t\(t.login)\t\(t.createdAt.formatted(format))\t\(t.revokedAt.map { $0.formatted(format) } ?? "-")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke API tokens: one by --id (from `token list`) or by the token itself on standard input (--stdin), or all of a user's (--login).")
        @OptionGroup var store: StoreOptions
        @Option(help: "The token's id as `mieruka token list` shows it.") var id: String?
        @Option(help: "Revoke every token of this user.") var login: String?
        @Flag(help: "Read the token itself from standard input (kept out of the shell history and the process list).") var stdin = false

        func validate() throws {
            guard [id != nil, login != nil, stdin].filter({ $0 }).count == 1 else {
                throw ValidationError("name the tokens with exactly one of --id ID, --login USER or --stdin")
            }
            if let id, id.count < APITokenRecord.idLength || !id.allSatisfy(\.isHexDigit) {
                throw ValidationError("--id takes the \(APITokenRecord.idLength)-digit id `mieruka token list` shows")
            }
        }

        func run() async throws {
            var prefix = id
            if stdin {
                guard let token = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !token.isEmpty else {
                    throw ValidationError("type the token on standard input (e.g. `printf %s \"$TOKEN\" | mieruka token revoke --stdin`)")
                }
                prefix = Secrets.hash(token)
            }
            let db = try await store.open()
            let revoked: Int
            do {
                revoked = try await db.revokeAPITokens(idPrefix: prefix, login: login)
                try await db.close()
            } catch {
                try? await db.close()
                throw error
            }
            guard revoked > 0 else {
                throw ValidationError("no unrevoked token matched; `mieruka token list` shows the ids (一致する有効なトークンがありません)")
            }
            print("revoked \(revoked) token(s) (\(revoked)件のトークンを無効にしました)")
        }
    }
}
