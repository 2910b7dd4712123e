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
        subcommands: [Create.self]
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
}
