import Foundation
import MierukaCore
import MierukaStore
import Testing

/// The phase answers table on a real SQLite file, and the phase and SMART services on a tiny hand-built organisation.
@Suite("Phase answers, phase and SMART services")
struct PhaseStoreTests {
    static let clock = OrgClock(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
    static let june = YearMonth(year: 2026, month: 6)

    static func at(_ date: String, _ hour: Int = 10) -> Date { clock.instant(LocalDate(date)!, hour: hour, minute: 0, second: 0) }

    static func insert(_ records: [CanonicalRecord], into store: any Store) async throws {
        try await store.transaction {
            for entity in Entity.allCases {
                let rows = records.filter { $0.entity == entity }.map(\.cells)
                guard !rows.isEmpty else { continue }
                try await store.stage(entity, rows: rows)
                _ = try await store.mergeStaged(entity)
            }
        }
    }

    static func call(_ id: String, _ rep: String, _ date: String, connected: Bool) -> CanonicalRecord {
        .activity(Activity(id: id, leadId: "L1", repId: rep, type: .call, direction: .outbound, occurredAt: at(date), durationSeconds: 60,
                           connected: connected))
    }

    static func orgTarget(_ kpi: String, _ month: Int, _ value: Double) -> CanonicalRecord {
        .target(Target(kpi: kpi, scope: .org, period: .month, periodStart: LocalDate(year: 2026, month: month, day: 1), value: value))
    }

    /// R1 and R2 in IS1, R3 in IS2. Lead L1 from 2026-02-10; three calls by R1 in one week of each of March, April, May,
    /// connected 2, 1 and 2 times. Org targets each month: calls 3 (met every month), connect rate 50 % (missed in April).
    static func organisation() -> [CanonicalRecord] {
        var records: [CanonicalRecord] = [
            .rep(Rep(id: "R1", name: "佐藤", team: "IS1", role: .sdr)),
            .rep(Rep(id: "R2", name: "鈴木", team: "IS1", role: .bdr)),
            .rep(Rep(id: "R3", name: "高橋", team: "IS2", role: .isr)),
            .rep(Rep(id: "M1", name: "田中", team: "IS1", role: .manager)),
            .lead(Lead(id: "L1", channel: "web", createdAt: at("2026-02-10"), assignedTo: "R1")),
            .lead(Lead(id: "L2", channel: "web", createdAt: at("2026-04-01"), assignedTo: "R3")),
        ]
        let days = [("2026-03-02", [true, true, false]), ("2026-04-06", [true, false, false]), ("2026-05-11", [true, false, true])]
        for (monday, connected) in days {
            for (i, c) in connected.enumerated() {
                records.append(call("A-\(monday)-\(i)", "R1", LocalDate(monday)!.adding(days: i).description, connected: c))
            }
        }
        for month in 3...5 {
            records.append(orgTarget("calls", month, 3))
            records.append(orgTarget("connect_rate", month, 0.5))
        }
        return records
    }

    // MARK: - The answers table

    @Test("an answer round-trips through SQLite; a later answer replaces it; teams keep their own")
    func answersRoundTrip() async throws {
        try await TestFixtures.withFreshStore { db in
            // setup
            let first = PhaseAnswer(itemId: "launch_no_winning_pattern", answer: true, answeredBy: "yamada", answeredAt: Self.at("2026-06-03"))
            let team = PhaseAnswer(itemId: "launch_no_winning_pattern", team: "IS1", answer: false, answeredBy: "suzuki",
                                   answeredAt: Self.at("2026-06-04"))

            // MUT
            try await db.setPhaseAnswer(first)
            try await db.setPhaseAnswer(team)

            // validate
            #expect(try await db.phaseAnswers(team: nil) == [first])
            #expect(try await db.phaseAnswers(team: "IS1") == [team])
            #expect(try await db.phaseAnswers(team: "IS2").isEmpty)

            let changed = PhaseAnswer(itemId: "launch_no_winning_pattern", answer: false, answeredBy: "kato", answeredAt: Self.at("2026-06-10"))
            try await db.setPhaseAnswer(changed)
            #expect(try await db.phaseAnswers(team: nil) == [changed])
        }
    }

    @Test("an unknown checklist item is refused with the known ids; the migration is recorded by name")
    func unknownItem() async throws {
        try await TestFixtures.withFreshStore { db in
            await #expect(throws: StoreError.self) {
                try await db.setPhaseAnswer(PhaseAnswer(itemId: "L3", answer: true, answeredBy: "x", answeredAt: Date()))
            }
            let error = StoreError.unknownChecklistItem("nope")
            #expect(error.description.contains("L3 launch_no_winning_pattern"))
            // Reopening applies nothing twice.
            try await db.migrate()
            #expect(try await db.phaseAnswers(team: nil).isEmpty)
        }
    }

    @Test("the data begins at the earliest lead or activity, for the organisation or a team's reps")
    func firstData() async throws {
        try await TestFixtures.withFreshStore { db in
            #expect(try await db.firstDataAt(team: nil) == nil)
            try await Self.insert(Self.organisation(), into: db)
            #expect(try await db.firstDataAt(team: nil) == Self.at("2026-02-10"))
            #expect(try await db.firstDataAt(team: "IS2") == Self.at("2026-04-01"))
            #expect(try await db.firstDataAt(team: "nobody") == nil)
        }
    }

    // MARK: - Services

    @Test("the phase service computes the data items from the store and reads stored answers")
    func phaseService() async throws {
        try await TestFixtures.withFreshStore { db in
            // setup
            try await Self.insert(Self.organisation(), into: db)
            let service = PhaseService(store: db)
            try await service.answer("L3", true, team: nil, by: "yamada", at: Self.at("2026-06-03"))

            // MUT
            let input = try await service.input(team: nil, currentMonth: Self.june)
            let d = try await service.diagnose(team: nil, currentMonth: Self.june)

            // validate: 2026-02 → 4 complete months; calls 3/3 each month; connect rate 2/3, 1/3, 2/3 against 50 %.
            #expect(input.firstDataMonth == YearMonth(year: 2026, month: 2))
            #expect(input.outcomes.count == 6)
            let item = { (code: String) in d.items.first { $0.item.code == code }! }
            #expect(item("L1").answer == .yes)
            #expect(item("G3").answer == .yes)
            #expect(item("G1").answer == .yes)
            #expect(item("L2").answer == .no)
            #expect(item("M1").answer == .no)
            #expect(item("M1").evidenceJa == "2026-03〜2026-05の戦術KPI目標3件中1件が未達:2026-04 コネクト率 33.3%/50.0% (66.7%)")
            #expect(item("L3").answer == .yes)
            #expect(item("L3").evidenceEn == "answered by yamada on 2026-06-03")
            // Launch: L1, L3 = 2/4; growth: G1, G3 = 2/4 (G2, G4 unknown); mature 0/2.
            #expect(d.tally(.launch).yes == 2)
            #expect(d.tally(.growth).yes == 2)
            #expect(d.ambiguity == .noPhaseQualifies)
            #expect(d.phase == .launch)
            #expect(d.reasonEn.contains("Unknown items (L4, G2, G4)"))

            // A team: IS2's data begins 2026-04 (2 months), and it has no team targets.
            let team = try await service.diagnose(team: "IS2", currentMonth: Self.june)
            #expect(team.monthsOfData == 2)
            #expect(team.items.first { $0.item.code == "G1" }!.answer == .unknown)
        }
    }

    @Test("the SMART service checks stored targets against the store's history, head count and best rep week")
    func smartService() async throws {
        try await TestFixtures.withFreshStore { db in
            // setup: IS1 has two inside-sales reps (the manager does not count); June has 22 business days.
            try await Self.insert(Self.organisation() + [
                .target(Target(kpi: "calls", scope: .team, scopeId: "IS1", period: .month, periodStart: Self.june.firstDay, value: 44)),
                .target(Target(kpi: "ltv", scope: .org, period: .month, periodStart: Self.june.firstDay, value: 1_000_000)),
            ], into: db)

            // MUT
            let report = try await SMARTService(store: db).check(periodMonth: Self.june, currentMonth: Self.june)

            // validate
            // Six months back would start in 2025-12, but the data begins in 2026-02.
            #expect(report.historyMonths.first == YearMonth(year: 2026, month: 2))
            #expect(report.historyMonths.last == YearMonth(year: 2026, month: 5))
            #expect(report.recorded == [.leads, .activities])
            #expect(report.results.map(\.target.kpi) == ["ltv", "calls"])
            let calls = report.results[1]
            // 44 ÷ 2 reps ÷ 22 days = 1 a day; R1's best weeks had 3 calls (the latest, 2026-05-11, is shown) → 0.6 a day.
            // Best month 3 (March, April and May tie: the latest is shown) → cap 3.9.
            #expect(calls.finding(.achievable).verdict == .fail)
            #expect(calls.finding(.achievable).reasonEn ==
                "target 44 against 1.3 × the best of the last 4 months (3 in 2026-05) = 3.9: above it; "
                + "needs 1 calls/day per rep (44 ÷ 2 reps ÷ 22 business days); the best week was 0.6/day (R1, week of 2026-05-11: 3 ÷ 5)")
            #expect(calls.finding(.measurable).verdict == .pass)
            #expect(calls.finding(.relevant).verdict == .pass)
            let ltv = report.results[0]
            #expect(ltv.finding(.measurable).reasonEn == "ltv needs customers (monthly MRR), and there is none")
            #expect(ltv.finding(.achievable).verdict == .notJudged)

            // Only May's targets.
            let may = try await SMARTService(store: db).check(periodMonth: YearMonth(year: 2026, month: 5), currentMonth: Self.june)
            #expect(may.results.map(\.target.kpi) == ["calls", "connect_rate"])
        }
    }
}
