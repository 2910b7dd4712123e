import Foundation
import MierukaCore

/// Gathers the four reports' figures from the same services the dashboard and the CLI use (KPIService, ForecastService,
/// PhaseService, InsightsService's rate targets): a report never computes a KPI its own way.
public struct ReportService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// The activity of `day` per rep of the scope against the day's targets (DailyTarget).
    public func daily(day: LocalDate, scope: ReportScope, now: Date = Date()) async throws -> DailyReport {
        let settings = try await store.settings()
        let reps = try await checkedReps(scope)
        let kpis = Set(DailyReport.kpis)
        let grouping: KPIGrouping = scope == .org ? .org : .team
        let lines = try await KPIService(store: store).compute(from: day, to: day.adding(days: 1), groupings: [grouping, .rep], only: kpis)
        let total = Self.values(lines[grouping] ?? [], group: scope.group)
        let targets = try await store.targets()
        let calendar = settings.calendar
        func dayTargets(_ scopeKind: TargetScope, _ id: String?) -> [String: Double] {
            let own = targets.filter { $0.scope == scopeKind && ($0.scopeId ?? "") == (id ?? "") }
            var out: [String: Double] = [:]
            for kpi in DailyReport.kpis { out[kpi] = DailyTarget.of(kpi: kpi, day: day, targets: own, calendar: calendar)?.value }
            return out
        }
        let inScope = reps.filter { scope == .org || $0.team == scope.team }.sorted { $0.id < $1.id }
        let repTargets = inScope.map { dayTargets(.rep, $0.id) }
        let byRep = lines[.rep] ?? []
        let rows = zip(inScope, repTargets).compactMap { rep, targets -> DailyReport.Row? in
            let values = Self.values(byRep, group: rep.id)
            guard values.values.contains(where: { ($0.value ?? 0) != 0 }) || !targets.isEmpty else { return nil }
            return DailyReport.Row(repId: rep.id, name: rep.name, values: values, targets: targets)
        }
        // The scope's own target, else the sum of its reps' (said on the report): a manager who sets targets per rep
        // still sees the team's line measured.
        var totalTargets = dayTargets(scope == .org ? .org : .team, scope.team)
        var summed: Set<String> = []
        for kpi in DailyReport.kpis where totalTargets[kpi] == nil {
            let perRep = repTargets.compactMap { $0[kpi] }
            guard !perRep.isEmpty else { continue }
            totalTargets[kpi] = perRep.reduce(0, +)
            summed.insert(kpi)
        }
        return DailyReport(header: try await header(.daily, scope, day, day.adding(days: 1), now), isBusinessDay: calendar.isBusinessDay(day),
                           total: total, totalTargets: totalTargets, summedTargets: summed, rows: rows)
    }

    /// The funnel of the week starting `weekStart` (a Monday) against the week before, judged by the one bottleneck rule.
    public func weekly(weekStart: LocalDate, scope: ReportScope, now: Date = Date()) async throws -> WeeklyReport {
        _ = try await checkedReps(scope)
        let start = PeriodGrain.week.start(of: weekStart, fiscalYearStartMonth: 4)
        let previous = start.adding(days: -7)
        let grouping: KPIGrouping = scope == .org ? .org : .team
        let kpis = Set(FunnelStep.stageKPIs + FunnelStep.allCases.map(\.rateKPI))
        let service = KPIService(store: store)
        let this = try await service.compute(from: start, to: start.adding(days: 7), groupings: [grouping], only: kpis)[grouping] ?? []
        let last = try await service.compute(from: previous, to: start, groupings: [grouping], only: kpis)[grouping] ?? []
        let insights = InsightsService(store: store)
        return WeeklyReport(
            header: try await header(.weekly, scope, start, start.adding(days: 7), now), thisWeek: Self.values(this, group: scope.group),
            lastWeek: Self.values(last, group: scope.group), thisTargets: try await insights.rateTargets(from: start, team: scope.team),
            lastTargets: try await insights.rateTargets(from: previous, team: scope.team))
    }

    /// The month's results so far (as of `today`) against its targets, the landing forecast and the scope's phase.
    public func monthly(month: YearMonth, scope: ReportScope, today: LocalDate, now: Date = Date()) async throws -> MonthlyReport {
        _ = try await checkedReps(scope)
        let from = month.firstDay
        let to = from.adding(months: 1)
        let forecast = try await ForecastService(store: store).forecast(month: month, team: scope.team, today: today)
        // The same span ForecastService counts: up to the end of today, the whole month once it is over.
        let soFar = min(max(today.adding(days: 1), from.adding(days: 1)), to)
        let grouping: KPIGrouping = scope == .org ? .org : .team
        let values = Self.values(
            try await KPIService(store: store).compute(from: from, to: soFar, groupings: [grouping], only: nil)[grouping] ?? [], group: scope.group)
        let byKPI = Dictionary(forecast.lines.map { ($0.kpi, $0) }, uniquingKeysWith: { a, _ in a })
        let targeted = forecast.lines.filter { $0.target != nil }.map(\.kpi).filter { !MonthlyReport.standardKPIs.contains($0) }.sorted()
        let lines = (MonthlyReport.standardKPIs + targeted).compactMap { byKPI[$0] }
        let diagnosis = try await PhaseService(store: store).diagnose(team: scope.team, currentMonth: min(today.yearMonth, month.adding(months: 1)))
        return MonthlyReport(
            header: try await header(.monthly, scope, from, to, now), businessDaysElapsed: forecast.businessDaysElapsed,
            businessDaysTotal: forecast.businessDaysTotal, values: values, lines: lines, phase: diagnosis.phase,
            phaseReasonJa: diagnosis.reason(.ja), phaseReasonEn: diagnosis.reason(.en))
    }

    /// The organisation's executive figures for [from, to) beside the same span a year earlier, and won amount by month
    /// from the fiscal year's start (or `from`, if earlier) to `to`.
    public func executive(from: LocalDate, to: LocalDate, now: Date = Date()) async throws -> ExecutiveReport {
        guard from < to else { throw ReportError(message: "the period is empty: from \(from) must be before to \(to)") }
        let settings = try await store.settings()
        let service = KPIService(store: store)
        let kpis = Set(ExecutiveReport.kpis)
        let priorFrom = from.adding(months: -12), priorTo = to.adding(months: -12)
        let current = Self.values(try await service.compute(from: from, to: to, groupings: [.org], only: kpis)[.org] ?? [], group: "org")
        let prior = Self.values(try await service.compute(from: priorFrom, to: priorTo, groupings: [.org], only: kpis)[.org] ?? [], group: "org")
        let fiscalStart = PeriodGrain.fiscalYear.start(of: from, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let seriesFrom = min(fiscalStart, from.yearMonth.firstDay)
        let seriesTo = to.day == 1 ? to : to.yearMonth.adding(months: 1).firstDay
        func byMonth(_ a: LocalDate, _ b: LocalDate) async throws -> [String: KPIValue] {
            Dictionary(try await service.compute(from: a, to: b, by: .month, only: ["won_amount"]).map { ($0.group ?? "", $0.value) },
                       uniquingKeysWith: { x, _ in x })
        }
        let thisYear = try await byMonth(seriesFrom, seriesTo)
        let lastYear = try await byMonth(seriesFrom.adding(months: -12), seriesTo.adding(months: -12))
        var monthly: [(month: YearMonth, current: KPIValue, prior: KPIValue)] = []
        var month = seriesFrom.yearMonth
        while month.firstDay < seriesTo {
            monthly.append((month, thisYear[month.firstDay.description] ?? .undefined,
                            lastYear[month.adding(months: -12).firstDay.description] ?? .undefined))
            month = month.adding(months: 1)
        }
        return ExecutiveReport(header: try await header(.executive, .org, from, to, now), priorFrom: priorFrom, priorTo: priorTo,
                               current: current, prior: prior, monthly: monthly)
    }

    // MARK: helpers

    /// The reps, after checking a team scope names a team that exists.
    func checkedReps(_ scope: ReportScope) async throws -> [Rep] {
        let reps = try await store.reps()
        if let team = scope.team {
            let teams = Set(reps.compactMap(\.team))
            guard teams.contains(team) else {
                throw ReportError(message: "no team named \(team); teams are \(teams.sorted().joined(separator: ", ")) (チーム名を確認してください)")
            }
        }
        return reps
    }

    func header(_ kind: ReportKind, _ scope: ReportScope, _ from: LocalDate, _ to: LocalDate, _ now: Date) async throws -> ReportHeader {
        let clock = try await store.settings().clock
        return ReportHeader(kind: kind, scope: scope, from: from, to: to, generatedOn: clock.localDate(of: now),
                            generatedMinute: clock.secondOfDay(of: now) / 60, timeZone: clock.timeZone.identifier)
    }

    static func values(_ lines: [KPIResult], group: String) -> [String: KPIValue] {
        Dictionary(lines.filter { $0.group == group }.map { ($0.kpi, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A report that cannot be made, and what to do instead.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
