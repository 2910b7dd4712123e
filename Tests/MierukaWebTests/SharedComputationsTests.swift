import Foundation
import MierukaCore
import MierukaStore
@testable import MierukaWeb
import Testing

/// The dashboard's alerts are computed once per minute and state of the data, whoever asks and however many at once —
/// and never older than the data: a record write, a target write and the next minute each give fresh alerts.
@Suite("Shared computations: alerts and dashboard figures once per state of the data, never stale")
struct SharedComputationsTests {
    /// Tue 16 June 2026, 13:00:10 JST: past noon on a business day inside the golden data.
    static let now = ISO8601DateFormatter().date(from: "2026-06-16T13:00:10+09:00")!
    static let minute = ISO8601DateFormatter().date(from: "2026-06-16T13:00:00+09:00")!

    @Test("concurrent viewers share one computation; writes and the next minute recompute; answers equal a fresh computation")
    func sharedAndFresh() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let services = Services(store: store)
            let admin = try #require(try await store.user(login: "admin")).viewer
            let rep = try #require(try await store.user(login: "rep")).viewer
            func fresh(_ at: Date) async throws -> [Alert] { try await AlertService(store: store).alerts(now: at) }

            // MUT: eight viewers at once, then again later in the same minute.
            let answers = try await withThrowingTaskGroup(of: [Alert].self) { group in
                for i in 0..<8 { group.addTask { try await services.alerts(viewer: i % 2 == 0 ? admin : rep, now: Self.now) } }
                return try await group.reduce(into: [[Alert]]()) { $0.append($1) }
            }
            let later = try await services.alerts(viewer: admin, now: Self.now.addingTimeInterval(40))

            // validate
            #expect(await services.alertsCache.computations == 1)
            let expected = try await fresh(Self.minute)
            #expect(!expected.isEmpty && later == expected)
            #expect(answers.filter { $0 == expected }.count == 4, "the admins see every alert")
            #expect(answers.filter { $0 != expected }.allSatisfy { $0.allSatisfy { $0.scope == .rep && $0.group == "R002" } }, "the rep sees their own")

            // A target write: a meetings target far above June's pace raises a new alert at once.
            let target = Target(kpi: "meetings", scope: .org, period: .month, periodStart: LocalDate("2026-06-01")!, value: 500)
            _ = try await services.saveTargets([target], viewer: admin)
            let afterTarget = try await services.alerts(viewer: admin, now: Self.now)
            #expect(await services.alertsCache.computations == 2)
            #expect(afterTarget.contains { $0.kind == .behindPace && $0.kpi == "meetings" && $0.scope == .org })
            #expect(afterTarget == (try await fresh(Self.minute)))

            // A record write (an API ingest by another door) changes the answers version: a call to a lead past its SLA
            // takes it off the breach list.
            let breach = try #require(afterTarget.first { $0.kind == .slaBreach })
            let lead = try #require(breach.leadIds.first)
            let token = try await LoginService(store: store).createToken(login: "admin")
            let call = IngestTests.call("CACHE-A1", rep: breach.group ?? "R002", lead: lead, at: "2026-06-16T12:30:00+09:00")
            #expect(try await IngestTests.post(client, "/api/v1/activities", "[" + call + "]", bearer: token).status == .ok)
            let afterRecord = try await services.alerts(viewer: admin, now: Self.now)
            #expect(await services.alertsCache.computations == 3)
            #expect(!afterRecord.contains { $0.kind == .slaBreach && $0.leadIds.contains(lead) })
            #expect(afterRecord == (try await fresh(Self.minute)))

            // The next minute is computed again, as of that minute.
            let next = try await services.alerts(viewer: admin, now: Self.now.addingTimeInterval(60))
            #expect(await services.alertsCache.computations == 4)
            #expect(next == (try await fresh(Self.minute.addingTimeInterval(60))))
        }
    }

    @Test("dashboard figures: computed once for all viewers, filtered per viewer, recomputed after a write")
    func dashboardFigures() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let services = Services(store: store)
            let admin = try #require(try await store.user(login: "admin")).viewer
            let manager = try #require(try await store.user(login: "manager"))
            let (from, to) = (LocalDate("2026-06-01")!, LocalDate("2026-07-01")!)
            let kpis: Set<String> = ["calls", "connects", "appointments", "wins"]
            func figures(_ viewer: Viewer, _ scope: DashboardScope) async throws -> [KPIResult] {
                let f = try await services.dashboardFigures(from: from, to: to, through: to, scope: scope, viewer: viewer, dailyKPIs: kpis)
                return f.scope + f.byRep
            }
            func calls(_ lines: [KPIResult]) -> Double? { lines.first { $0.kpi == "calls" && $0.group == "org" }?.value.value }

            // MUT: the organisation by two admins at once, a team by its manager.
            async let first = figures(admin, .org)
            async let second = figures(admin, .org)
            let (a, b) = try await (first, second)
            let team = try await figures(manager.viewer, .team(try #require(manager.team)))

            // validate
            #expect(await services.dashboardCache.computations == 2, "one for the organisation, one for the team")
            #expect(a == b)
            let expected = try await KPIService(store: store).compute(from: from, to: to, by: .org)
            #expect(a.filter { $0.group == "org" } == expected.filter { $0.group == "org" })
            let reps = try await store.reps()
            #expect(team.filter { $0.group != manager.team }.allSatisfy { line in reps.first { $0.id == line.group }?.team == manager.team })

            // A call posted in June: the next look counts it.
            let token = try await LoginService(store: store).createToken(login: "admin")
            let before = try #require(calls(a))
            let call = IngestTests.call("CACHE-D1", at: "2026-06-10T10:00:00+09:00")
            #expect(try await IngestTests.post(client, "/api/v1/activities", "[" + call + "]", bearer: token).status == .ok)
            let after = try await figures(admin, .org)
            #expect(await services.dashboardCache.computations == 3)
            #expect(calls(after) == before + 1)
        }
    }

    @Test("the dashboard's phase: one diagnosis per state; a manager's checklist answer gives a fresh one")
    func phaseBadge() async throws {
        try await WebHarness.withApp { _, store in
            let services = Services(store: store)
            let month = YearMonth(year: 2026, month: 7)
            let first = try await services.dashboardPhase(team: nil, month: month)
            let again = try await services.dashboardPhase(team: nil, month: month)
            let computed = await services.phaseCache.computations
            #expect(first == again && computed == 1)
            #expect(first == (try await PhaseService(store: store).diagnose(team: nil, currentMonth: month).phase))
            // Every checklist answer "yes": stored answers do not change the answers version, but they are in the key.
            for item in PhaseChecklist.items {
                try await PhaseService(store: store).answer(item.id, true, team: nil, by: "admin", at: Date())
            }
            let answered = try await services.dashboardPhase(team: nil, month: month)
            #expect(await services.phaseCache.computations == 2)
            #expect(answered == (try await PhaseService(store: store).diagnose(team: nil, currentMonth: month).phase))
        }
    }

    struct Failed: Error {}

    @Test("the cache itself: one flight per key, a new version drops the old values, failures and empty versions are not kept, LRU capacity")
    func cacheRules() async throws {
        let cache = SharedComputations<String, Int>(capacity: 2)
        let runs = Counter()
        // Ten concurrent asks of one key: one computation, every ask gets its value.
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await cache.value("a", version: "v1") {
                        await runs.add()
                        try await Task.sleep(nanoseconds: 50_000_000)
                        return 1
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let (ran, computed) = (await runs.value, await cache.computations)
        #expect(values == Array(repeating: 1, count: 10) && ran == 1 && computed == 1)
        // Kept under v1; computed again under v2 (and v1's values are gone).
        #expect(try await cache.value("a", version: "v1") { 99 } == 1)
        #expect(try await cache.value("a", version: "v2") { 2 } == 2)
        #expect(try await cache.value("a", version: "v1") { 3 } == 3, "an older version's value was dropped, not served")
        // A failure is not kept: the next ask computes.
        await #expect(throws: Failed.self) { try await cache.value("f", version: "v1") { throw Failed() } }
        #expect(try await cache.value("f", version: "v1") { 4 } == 4)
        // No version: never kept.
        #expect(try await cache.value("n", version: "") { 5 } == 5)
        #expect(try await cache.value("n", version: "") { 6 } == 6)
        // Capacity 2: "a" and "f" are kept; asking "b" drops the least recently used ("a").
        #expect(try await cache.value("f", version: "v1") { 0 } == 4)
        #expect(try await cache.value("b", version: "v1") { 7 } == 7)
        #expect(try await cache.value("f", version: "v1") { 0 } == 4)
        #expect(try await cache.value("a", version: "v1") { 8 } == 8)
    }
}

actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
