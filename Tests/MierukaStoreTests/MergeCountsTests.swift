import Foundation
import MierukaCore
import MierukaStore
import MierukaTestSupport
import Testing

/// The staging merge's exact counts and the transaction's all-or-nothing, on every backend: the same answers on SQLite and
/// PostgreSQL.
@Suite("Store: merge counts and transactions")
struct MergeCountsTests {
    static func rep(_ id: String, _ name: String, team: String? = "IS1") -> [DBValue] {
        CanonicalRecord.rep(Rep(id: id, name: name, team: team, role: .sdr, startedOn: nil)).cells
    }

    static func cost(_ month: String, _ amount: Int64) -> [DBValue] {
        CanonicalRecord.cost(Cost(month: YearMonth(month)!, channel: "web_inquiry", category: .marketing, amount: amount, visits: nil)).cells
    }

    @Test("text with tabs, newlines, backslashes and \\N round-trips through staging (COPY's escaping on PostgreSQL)", arguments: TestBackend.allCases)
    func awkwardText(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            let names = ["タブ\tあり", "改行\nと\r復帰", "バック\\スラッシュ", "\\N", "末尾\\", ""]
            _ = try await store.transaction {
                try await store.stage(.reps, rows: names.enumerated().map { Self.rep("R\($0.offset)", $0.element, team: $0.offset == 3 ? nil : "IS1") })
                return try await store.mergeStaged(.reps)
            }
            let stored = try await store.reps().sorted { $0.id < $1.id }
            #expect(stored.map(\.name) == names)
            #expect(stored[3].team == nil && stored[2].team == "IS1")
        }
    }

    @Test("keyed rows: inserted, updated, unchanged and duplicates (the last staged row per key wins)", arguments: TestBackend.allCases)
    func keyed(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            // setup
            let first = try await store.transaction {
                try await store.stage(.reps, rows: [Self.rep("R1", "A"), Self.rep("R2", "B"), Self.rep("R3", "C")])
                return try await store.mergeStaged(.reps)
            }
            #expect(first.staged == 3 && first.inserted == 3 && first.updated == 0 && first.unchanged == 0 && first.duplicates == 0)

            // MUT: R1 unchanged, R2 changed twice (the later wins), R3 changed to a null team, R4 new; staged in two batches.
            let second = try await store.transaction {
                try await store.stage(.reps, rows: [Self.rep("R1", "A"), Self.rep("R2", "B first")])
                try await store.stage(.reps, rows: [Self.rep("R2", "B second"), Self.rep("R3", "C", team: nil), Self.rep("R4", "D")])
                return try await store.mergeStaged(.reps)
            }

            // validate
            #expect(second.staged == 5)
            #expect(second.duplicates == 1)
            #expect(second.inserted == 1)
            #expect(second.updated == 2)
            #expect(second.unchanged == 1)
            let rows = try await store.allRows(.reps)
            #expect(rows.map { $0[1] } == [.text("A"), .text("B second"), .text("C"), .text("D")])
            #expect(rows[2][2] == .null)
        }
    }

    @Test("costs: the months staged replace the stored months; other months stay", arguments: TestBackend.allCases)
    func costsReplaceMonths(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            _ = try await store.transaction {
                try await store.stage(.costs, rows: [Self.cost("2026-04", 10), Self.cost("2026-05", 20), Self.cost("2026-05", 30)])
                return try await store.mergeStaged(.costs)
            }
            let counts = try await store.transaction {
                try await store.stage(.costs, rows: [Self.cost("2026-05", 40), Self.cost("2026-06", 50)])
                return try await store.mergeStaged(.costs)
            }
            #expect(counts.staged == 2 && counts.inserted == 2 && counts.replaced == 2)
            #expect(try await store.allRows(.costs).map { $0[3] } == [.int(10), .int(40), .int(50)])
        }
    }

    @Test("a transaction that throws leaves nothing behind, and the store stays usable", arguments: TestBackend.allCases)
    func rollback(backend: TestBackend) async throws {
        struct Planned: Error {}
        try await TestFixtures.withFreshStore(backend) { store in
            await #expect(throws: Planned.self) {
                try await store.transaction {
                    try await store.stage(.reps, rows: [Self.rep("R1", "A")])
                    _ = try await store.mergeStaged(.reps)
                    try await store.stage(.reps, rows: [Self.rep("R2", "B")])
                    throw Planned()
                }
            }
            #expect(try await store.count(.reps) == 0)
            let counts = try await store.transaction {
                try await store.stage(.reps, rows: [Self.rep("R2", "B")])
                return try await store.mergeStaged(.reps)
            }
            #expect(counts.inserted == 1 && counts.staged == 1)
        }
    }

    @Test("settings keep their history in order", arguments: TestBackend.allCases)
    func settingsHistory(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            let at = Date(timeIntervalSince1970: 1_780_000_000)
            try await store.setSetting("fiscal_year_start_month", value: "1", changedBy: "admin", at: at)
            try await store.setSetting("fiscal_year_start_month", value: "7", changedBy: "admin", at: at)
            try await store.setSetting("fiscal_year_start_month", value: "7", changedBy: "admin", at: at)
            #expect(try await store.settingValues()["fiscal_year_start_month"] == "7")
            let history = try await store.settingsHistory()
            #expect(history.map(\.newValue) == ["1", "7"])
            #expect(history.map(\.oldValue) == ["4", "1"])
        }
    }

    @Test("concurrent transactions each commit whole; reads outside see only committed data", arguments: TestBackend.allCases)
    func concurrent(backend: TestBackend) async throws {
        try await TestFixtures.withFreshStore(backend) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in 0..<8 {
                    group.addTask {
                        _ = try await store.transaction {
                            try await store.stage(.reps, rows: (0..<25).map { Self.rep("R\(batch)-\($0)", "n") })
                            return try await store.mergeStaged(.reps)
                        }
                    }
                    group.addTask {
                        let n = try await store.count(.reps)
                        #expect(n % 25 == 0, "a reader saw a half-written transaction: \(n) reps")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.count(.reps) == 200)
        }
    }
}
