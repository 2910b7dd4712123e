import Foundation
import MierukaCore
import MierukaStore
import Testing

@Suite("Reads while a transaction writes")
struct ReadWhileWritingTests {
    @Test("a read from another task neither waits for an open transaction nor sees its uncommitted rows")
    func readerIsolation() async throws {
        try await TestFixtures.withFreshStore { store in
            let rep: [DBValue] = [.text("R1"), .text("佐藤"), .text("T"), .text("sdr"), .null]
            let opened = AsyncStream<Void>.makeStream()
            let release = AsyncStream<Void>.makeStream()
            let writer = Task {
                try await store.transaction {
                    try await store.stage(.reps, rows: [rep])
                    _ = try await store.mergeStaged(.reps)
                    opened.continuation.yield()
                    // Hold the transaction open until the reader has looked.
                    for await _ in release.stream { break }
                }
            }
            for await _ in opened.stream { break }
            // MUT: read while the transaction is open (with one shared connection this would wait, or see the row).
            let during = try await store.count(.reps)
            release.continuation.yield()
            try await writer.value
            let after = try await store.count(.reps)

            #expect(during == 0)
            #expect(after == 1)
        }
    }
}
