import Foundation
import MierukaCore
import MierukaStore
import MierukaTestSupport
import Testing

/// The report models on the golden data hold exactly the KPI service's answers (same numerator and denominator), the
/// targets spread by the planner's per-business-day rule, the dashboard's bottleneck rule and the phase service's phase.
@Suite("Report models on the golden data")
struct ReportServiceTests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    static func byKey(_ results: [KPIResult]) -> [String: KPIValue] {
        Dictionary(results.map { ("\($0.kpi)|\($0.group ?? "<null>")", $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("daily: per-rep and total calls, connects, appointments are the KPI service's; targets are the month's ÷ business days",
          arguments: TestBackend.allCases)
    func daily(backend: TestBackend) async throws {
        // setup
        let store = try await TestFixtures.importedGoldenStore(backend)
        let day = Self.d("2026-06-10")
        let kpi = KPIService(store: store)
        let org = Self.byKey(try await kpi.compute(from: day, to: day.adding(days: 1), by: .org))
        let reps = Self.byKey(try await kpi.compute(from: day, to: day.adding(days: 1), by: .rep))
        let team = Self.byKey(try await kpi.compute(from: day, to: day.adding(days: 1), by: .team))
        let june = BusinessCalendar().businessDays(from: Self.d("2026-06-01"), to: Self.d("2026-07-01"))

        // MUT
        let report = try await ReportService(store: store).daily(day: day, scope: .org)
        let teamReport = try await ReportService(store: store).daily(day: day, scope: .team("インサイドセールス1課"))

        // validate
        #expect(report.isBusinessDay)
        for k in DailyReport.kpis {
            #expect(report.total[k] == org["\(k)|org"], "daily total \(k) 2026-06-10 org")
            #expect(teamReport.total[k] == team["\(k)|インサイドセールス1課"], "daily total \(k) team")
        }
        #expect(report.total["calls"]?.value ?? 0 > 0)
        #expect(!report.rows.isEmpty)
        for row in report.rows {
            for k in DailyReport.kpis {
                #expect(row.values[k] == reps["\(k)|\(row.repId)"], "daily \(k) of \(row.repId)")
            }
        }
        // June targets: org calls 1,400; R004 calls 840 — spread over June's business days.
        #expect(report.totalTargets["calls"] == 1400 / Double(june))
        #expect(report.totalTargets["appointments"] == 14 / Double(june))
        #expect(report.rows.first { $0.repId == "R004" }?.targets["calls"] == 840 / Double(june))
        #expect(teamReport.rows.allSatisfy { $0.repId != "R008" && $0.repId != "R009" }, "a team's report lists its reps only")
        #expect(report.summedTargets.isEmpty, "the org has targets of its own")
        // The team has no targets of its own in the golden data: its calls target is the sum of its reps' (R002, R003,
        // R005, R006 1,200 and R004 840 a month, each spread over June's business days); no rep has connects or
        // appointments targets, so those stay undefined.
        let summed = try #require(teamReport.totalTargets["calls"])
        #expect(abs(summed - (4 * 1200 + 840) / Double(june)) < 1e-9)
        #expect(teamReport.summedTargets == ["calls"])
        #expect(teamReport.totalTargets["connects"] == nil && teamReport.totalTargets["appointments"] == nil)
    }

    @Test("weekly: step numerators and denominators are the KPI service's counts; the bottleneck is the insights' (one rule)",
          arguments: TestBackend.allCases)
    func weekly(backend: TestBackend) async throws {
        // setup
        let store = try await TestFixtures.importedGoldenStore(backend)
        let monday = Self.d("2026-06-08")
        let kpi = KPIService(store: store)
        let this = Self.byKey(try await kpi.compute(from: monday, to: monday.adding(days: 7), by: .org))
        let last = Self.byKey(try await kpi.compute(from: monday.adding(days: -7), to: monday, by: .org))
        let insights = try await InsightsService(store: store).insights(from: monday, to: monday.adding(days: 7), team: nil)

        // MUT: a Wednesday names its week.
        let report = try await ReportService(store: store).weekly(weekStart: Self.d("2026-06-10"), scope: .org)

        // validate
        #expect(report.weekStart == monday)
        for (figure, previous) in zip(report.thisFunnel.steps, report.lastFunnel.steps) {
            #expect(figure.numerator == this["\(figure.step.toKPI)|org"]?.value, "\(figure.step.rateKPI) numerator this week")
            #expect(figure.denominator == this["\(figure.step.fromKPI)|org"]?.value, "\(figure.step.rateKPI) denominator this week")
            #expect(previous.numerator == last["\(figure.step.toKPI)|org"]?.value, "\(figure.step.rateKPI) numerator last week")
            #expect(previous.denominator == last["\(figure.step.fromKPI)|org"]?.value)
            // The rate is the catalog's own rate KPI where its formula is the same ratio (connects ÷ calls).
            if figure.step == .connect { #expect(figure.rate == this["connect_rate|org"]?.value) }
        }
        #expect(report.thisFunnel == insights.funnel, "the weekly report and the insights judge the funnel by the same rule")
        #expect(report.bottleneck?.figure.step == insights.funnel.bottleneck?.step)
        #expect(report.bottleneck.map { $0.advice == FunnelAdvice.of($0.figure.step) } ?? true)
    }

    @Test("monthly: actuals, targets and landing are the forecast service's; figures the KPI service's; phase the phase service's",
          arguments: TestBackend.allCases)
    func monthly(backend: TestBackend) async throws {
        // setup
        let store = try await TestFixtures.importedGoldenStore(backend)
        let month = YearMonth(year: 2026, month: 6)
        let values = Self.byKey(try await KPIService(store: store).compute(from: month.firstDay, to: month.adding(months: 1).firstDay, by: .org))
        let phase = try await PhaseService(store: store).diagnose(team: nil, currentMonth: month.adding(months: 1)).phase

        // MUT: as of the 15th and once closed.
        let running = try await ReportService(store: store).monthly(month: month, scope: .org, today: Self.d("2026-06-15"))
        let closed = try await ReportService(store: store).monthly(month: month, scope: .org, today: Self.d("2026-07-10"))

        // validate
        let forecast = try await ForecastService(store: store).forecast(month: month, team: nil, today: Self.d("2026-06-15"))
        #expect(running.businessDaysElapsed == forecast.businessDaysElapsed && running.businessDaysTotal == forecast.businessDaysTotal)
        #expect(running.lines.map(\.kpi).prefix(MonthlyReport.standardKPIs.count) == MonthlyReport.standardKPIs[...])
        for line in running.lines {
            #expect(forecast.lines.contains(line), "monthly line \(line.kpi) equals the forecast service's")
        }
        #expect(closed.isClosed)
        for line in closed.lines {
            #expect(closed.values[line.kpi] == values["\(line.kpi)|org"], "monthly \(line.kpi) 2026-06 org")
            #expect(line.actual == values["\(line.kpi)|org"]?.value)
        }
        let calls = try #require(closed.lines.first { $0.kpi == "calls" })
        #expect(calls.target == 1400 && calls.landing == calls.actual)
        #expect(closed.phase == phase)
    }

    @Test("executive: every figure's numerator and denominator are the KPI service's and the golden vectors'; prior year the same span",
          arguments: TestBackend.allCases)
    func executive(backend: TestBackend) async throws {
        // setup
        let store = try await TestFixtures.importedGoldenStore(backend)
        let from = Self.d("2026-06-01"), to = Self.d("2026-07-01")
        let ours = Self.byKey(try await KPIService(store: store).compute(from: from, to: to, by: .org))
        let golden = try TestFixtures.golden()
        let lines = try String(contentsOfFile: golden + "/expected/2026-06-01_2026-07-01_org.jsonl", encoding: .utf8).split(separator: "\n")
        var expected: [String: GoldenVectorTests.Expected] = [:]
        for line in lines {
            let e = try JSONDecoder().decode(GoldenVectorTests.Expected.self, from: Data(line.utf8))
            expected[e.kpi] = e
        }

        // MUT
        let report = try await ReportService(store: store).executive(from: from, to: to)

        // validate
        #expect(report.priorFrom == Self.d("2025-06-01") && report.priorTo == Self.d("2025-07-01"))
        for k in ExecutiveReport.kpis {
            let v = try #require(report.current[k], "executive \(k) present")
            #expect(v == ours["\(k)|org"], "executive \(k) equals the KPI service")
            if let e = expected[k] {
                #expect(GoldenVectorTests.close(e.numerator, v.numerator) && GoldenVectorTests.close(e.denominator, v.denominator)
                        && GoldenVectorTests.close(e.value, v.value), "executive \(k): golden \(String(describing: e.numerator))/\(String(describing: e.denominator))")
            }
        }
        #expect(report.current["won_amount"]?.value ?? 0 > 0)
        // Won amount by month from the fiscal year's start (April) through June; the months sum to the quarter's figure.
        #expect(report.monthly.map(\.month.description) == ["2026-04", "2026-05", "2026-06"])
        let quarter = Self.byKey(try await KPIService(store: store).compute(from: Self.d("2026-04-01"), to: to, by: .org, only: ["won_amount"]))
        #expect(report.monthly.compactMap(\.current.value).reduce(0, +) == quarter["won_amount|org"]?.value)
        await #expect(throws: ReportError.self) { try await ReportService(store: store).daily(day: from, scope: .team("営業3課")) }
    }
}
