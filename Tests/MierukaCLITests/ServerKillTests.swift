import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MierukaStore
import MierukaTestSupport
import Testing

/// `mieruka serve` (a real process on a loopback port, SQLite) takes batches from concurrent API writers and is killed
/// with SIGKILL at seeded random points, then restarted. Every batch has its own id range (K<round>W<writer>B<n>-<i>):
/// after each kill the database must pass integrity_check, every batch answered 2xx must be there in full, and no
/// batch may be there in part.
@Suite("Crash safety: mieruka serve killed under concurrent API writes", .serialized)
struct ServerKillTests {
    static let writers = 4
    static let batchSize = 100
    static let rounds = 10

    /// One batch of calls, its ids `<batch>-0 … <batch>-<size-1>`.
    static func batch(_ id: String, leads: [String], reps: [String]) -> Data {
        let records = (0..<batchSize).map { i in
            """
            {"activity_id":"\(id)-\(i)","lead_id":"\(leads[i % leads.count])","rep_id":"\(reps[i % reps.count])","type":"call",\
            "direction":"outbound","occurred_at":"2026-05-15T\(String(format: "%02d", 9 + i % 9)):\(String(format: "%02d", i % 60)):00+09:00",\
            "duration_seconds":\(30 + i),"connected":\(i % 3 == 0),"decision_maker":null}
            """
        }
        return Data(("[" + records.joined(separator: ",") + "]").utf8)
    }

    /// What the writers saw: batches sent, and those answered 2xx (committed, by the API's promise).
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var sent: [String] = []
        private(set) var acknowledged: Set<String> = []
        private(set) var refused: [String] = []
        func send(_ id: String) { lock.withLock { sent.append(id) } }
        func ack(_ id: String) { lock.withLock { _ = acknowledged.insert(id) } }
        func refuse(_ text: String) { lock.withLock { refused.append(text) } }
        var snapshot: (sent: [String], acknowledged: Set<String>, refused: [String]) { lock.withLock { (sent, acknowledged, refused) } }
    }

    static func freePort() -> Int {
        // A port the kernel just handed out and we released: free unless another process races us to it.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilServing(_ base: URL, session: URLSession, child: CrashHarness.Child) async throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if !child.process.isRunning { throw CLI.BinaryMissing(description: "mieruka serve exited: \(child.output)") }
            if let (_, response) = try? await session.data(from: base.appendingPathComponent("healthz")),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CLI.BinaryMissing(description: "mieruka serve did not answer /healthz within 120 s: \(child.output)")
    }

    @Test("SIGKILL while 4 writers post batches: integrity ok, every acknowledged batch complete, no batch in part")
    func killedUnderWrites() async throws {
        guard TestDatabase.suiteBackend == .sqlite else { return }
        let dir = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("server.sqlite")
        let demo = try CLI.run(["demo", "--db", db.path, "--leads", "300", "--seed", "3", "--today", "2026-05-31"], in: dir)
        try #require(demo.status == 0, "\(demo.stderr)")
        let user = try CrashHarness.run(["user", "add", "--db", db.path, "--login", "writer", "--role", "admin"], in: dir, input: "crash-test-pw\n")
        try #require(user.status == 0, "\(user.stderr)")
        let minted = try CLI.run(["token", "create", "--db", db.path, "--login", "writer"], in: dir)
        try #require(minted.status == 0, "\(minted.stderr)")
        let token = minted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let leads = (1...50).map { String(format: "L%07d", $0) }
        let reps = (2...6).map { String(format: "R%03d", $0) }
        let activitiesBefore = try await Self.activityCount(db)

        var random = CrashHarness.SeededRandom(seed: 7_0707)
        let ledger = Ledger()
        for round in 1...Self.rounds {
            let port = Self.freePort()
            let base = URL(string: "http://127.0.0.1:\(port)/")!
            let child = try CrashHarness.Child(["serve", "--db", db.path, "--host", "127.0.0.1", "--port", String(port), "--no-reports"],
                                               in: dir, log: dir.appendingPathComponent("serve-\(round).log"))
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 60
            let session = URLSession(configuration: configuration)
            try await Self.waitUntilServing(base, session: session, child: child)

            let stop = Stop()
            let writers = (1...Self.writers).map { writer in
                Task {
                    var n = 0
                    while !stop.isSet {
                        n += 1
                        let id = "K\(round)W\(writer)B\(n)"
                        var request = URLRequest(url: base.appendingPathComponent("api/v1/activities"))
                        request.httpMethod = "POST"
                        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                        request.httpBody = Self.batch(id, leads: leads, reps: reps)
                        ledger.send(id)
                        guard let (data, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse else { return }
                        if (200..<300).contains(http.statusCode) {
                            ledger.ack(id)
                        } else {
                            ledger.refuse("\(id): \(http.statusCode) \(String(decoding: data, as: UTF8.self))")
                            return
                        }
                    }
                }
            }
            let point = Double.random(in: 0.5...4.0, using: &random)
            try await Task.sleep(for: .seconds(point))
            let killed = child.kill()
            stop.set()
            for writer in writers { await writer.value }
            session.invalidateAndCancel()
            #expect(killed, "round \(round): the server had exited before the kill: \(child.output)")

            // Opened as a restarted server opens it: intact, each batch whole or absent.
            let snapshot = ledger.snapshot
            let check = try await Self.check(db, sent: snapshot.sent, acknowledged: snapshot.acknowledged)
            print("round \(round): killed at \(CrashHarness.seconds(point)); batches sent \(snapshot.sent.count), acknowledged \(snapshot.acknowledged.count), "
                + "present \(check.present); integrity \(check.integrity)")
            #expect(check.integrity == "ok", "round \(round): integrity_check says \(check.integrity)")
            #expect(check.partial.isEmpty, "round \(round): batches present in part: \(check.partial)")
            #expect(check.lost.isEmpty, "round \(round): batches acknowledged 2xx but missing: \(check.lost)")
            #expect(check.present + activitiesBefore == check.total, "round \(round): rows outside the batches appeared or vanished")
        }
        let snapshot = ledger.snapshot
        #expect(snapshot.refused.isEmpty, "batches refused: \(snapshot.refused.prefix(3))")
        #expect(snapshot.acknowledged.count >= Self.rounds, "too few batches were written to test anything")

        // And the server comes up again on the killed-and-recovered database.
        let port = Self.freePort()
        let child = try CrashHarness.Child(["serve", "--db", db.path, "--host", "127.0.0.1", "--port", String(port), "--no-reports"],
                                           in: dir, log: dir.appendingPathComponent("serve-final.log"))
        let session = URLSession(configuration: .ephemeral)
        try await Self.waitUntilServing(URL(string: "http://127.0.0.1:\(port)/")!, session: session, child: child)
        child.kill()
        session.invalidateAndCancel()
    }

    final class Stop: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.withLock { flag = true } }
        var isSet: Bool { lock.withLock { flag } }
    }

    static func activityCount(_ db: URL) async throws -> Int {
        let store = try await SQLiteStore.open(path: db.path)
        let count = try await store.count(.activities)
        try await store.close()
        return Int(count)
    }

    /// Rows per batch id (the part before the last "-"), compared with what the writers were told.
    static func check(_ db: URL, sent: [String], acknowledged: Set<String>) async throws
        -> (integrity: String, partial: [String], lost: [String], present: Int, total: Int)
    {
        let store = try await SQLiteStore.open(path: db.path)
        do {
            let integrity = try await CrashHarness.integrityCheck(store)
            let rows = try await store.query(
                "SELECT substr(activity_id, 1, instr(activity_id, '-') - 1), count(*) FROM activities WHERE activity_id LIKE 'K%W%B%-%' GROUP BY 1", [])
            var perBatch: [String: Int] = [:]
            for row in rows { perBatch[row[0].text ?? "?"] = Int(row[1].int ?? -1) }
            let total = Int(try await store.count(.activities))
            try await store.close()
            let partial = perBatch.filter { $0.value != batchSize }.map { "\($0.key): \($0.value) of \(batchSize) rows" }.sorted()
            let lost = acknowledged.filter { perBatch[$0] != batchSize }.sorted()
            let unknown = Set(perBatch.keys).subtracting(sent)
            let present = perBatch.values.reduce(0, +)
            return (integrity, partial + unknown.map { "\($0): never sent" }, lost, present, total)
        } catch {
            try? await store.close()
            throw error
        }
    }
}
