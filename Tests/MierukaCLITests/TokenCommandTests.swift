import Foundation
import Testing

@Suite("mieruka user and token: passwords and tokens from standard input, tokens listed by id and revoked")
struct TokenCommandTests {
    @Test("a token is made, listed without its secret, revoked by id, by the token itself and by user; revoking nothing fails")
    func lifecycle() throws {
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = ["--db", dir.appendingPathComponent("t.sqlite").path]
        let password = "Pa55word-from-stdin"
        let add = try CLI.run(["user", "add", "--login", "alice", "--role", "viewer"] + db, in: dir, input: password + "\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(!add.stdout.contains(password) && !add.stderr.contains(password))

        let tokens = try (0..<3).map { _ in try CLI.run(["token", "create", "--login", "alice"] + db, in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(tokens.allSatisfy { $0.hasPrefix("mk_") } && Set(tokens).count == 3)

        let list = try CLI.run(["token", "list"] + db, in: dir)
        let rows = list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 3 && rows.allSatisfy { $0[1] == "alice" && $0[3] == "-" })
        #expect(!tokens.contains { list.stdout.contains($0) || list.stdout.contains($0.dropFirst(3)) })

        let byToken = try CLI.run(["token", "revoke", "--stdin"] + db, in: dir, input: tokens[1] + "\n")
        #expect(byToken.status == 0 && byToken.stdout.contains("revoked 1"), "\(byToken.stderr)")
        let again = try CLI.run(["token", "revoke", "--stdin"] + db, in: dir, input: tokens[1] + "\n")
        #expect(again.status != 0 && again.stderr.contains("token list"))
        let live = try CLI.run(["token", "list"] + db, in: dir).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t").map(String.init) }.filter { $0[3] == "-" }
        #expect(live.count == 2)
        let byId = try CLI.run(["token", "revoke", "--id", live[0][0]] + db, in: dir)
        #expect(byId.status == 0 && byId.stdout.contains("revoked 1"))
        let byUser = try CLI.run(["token", "revoke", "--login", "alice"] + db, in: dir)
        #expect(byUser.status == 0 && byUser.stdout.contains("revoked 1"))
        let after = try CLI.run(["token", "list"] + db, in: dir).stdout.split(separator: "\n").dropFirst()
        #expect(after.count == 3 && after.allSatisfy { !$0.hasSuffix("\t-") })

        let short = try CLI.run(["token", "revoke", "--id", "abc"] + db, in: dir)
        #expect(short.status != 0 && short.stderr.contains("--id"))
        let none = try CLI.run(["token", "revoke"] + db, in: dir)
        #expect(none.status != 0)
    }
}
