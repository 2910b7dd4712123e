import Foundation
import MierukaCore

/// What `mieruka smart` and the server show: every target checked, and the history and phase it was checked against.
public struct SMARTReport: Sendable {
    public var results: [SMARTResult]
    /// The organisation's phase ("Relevant" accepts the phase preset's KPIs).
    public var phase: Phase
    /// The complete months whose figures "Achievable" compared with.
    public var historyMonths: [YearMonth]
    public var recorded: Set<RecordedData>
}

/// Gathers what the SMART check compares each stored target with — which records exist, the organisation's phase, the
/// best month of the KPI and scope, head count, business days, the best rep week — and checks every target.
public struct SMARTService: Sendable {
    public let store: any Store

    /// Six complete months: long enough to hold a best month, short enough that the team it describes is today's.
    public static let defaultHistoryMonths = 6

    public init(store: any Store) { self.store = store }

    /// Checks the stored targets (those whose period starts in `periodMonth`, or all), as of `currentMonth`.
    public func check(periodMonth: YearMonth?, currentMonth: YearMonth, historyMonths: Int = defaultHistoryMonths) async throws -> SMARTReport {
        let settings = try await store.settings()
        let catalog = KPICatalog.standard
        let targets = try await store.targets()
            .filter { periodMonth == nil || $0.periodStart.yearMonth == periodMonth }
            .sorted { ($0.periodStart, $0.scope.rawValue, $0.scopeId ?? "", $0.kpi) < ($1.periodStart, $1.scope.rawValue, $1.scopeId ?? "", $1.kpi) }

        var recorded: Set<RecordedData> = []
        let entities: [(Entity, RecordedData)] = [(.leads, .leads), (.activities, .activities), (.opportunities, .opportunities),
                                                  (.customers, .customers), (.costs, .costs)]
        for (entity, kind) in entities where try await store.count(entity) > 0 { recorded.insert(kind) }
        // forecast_accuracy is measurable once landing forecasts are being recorded (the dashboard records one a day).
        let monthStart = currentMonth.firstDay
        let lastMonths = try await store.forecasts(kpi: "won_amount", group: "org", from: monthStart.adding(months: -1), to: monthStart)
        let thisMonths = try await store.forecasts(kpi: "won_amount", group: "org", from: monthStart, to: monthStart.adding(months: 1))
        if !lastMonths.isEmpty || !thisMonths.isEmpty {
            recorded.insert(.forecasts)
        }

        let phase = try await PhaseService(store: store).diagnose(team: nil, currentMonth: currentMonth).phase
        let allMonths = (1...max(1, historyMonths)).reversed().map { currentMonth.adding(months: -$0) }
        let known = targets.filter { catalog[$0.kpi] != nil }
        let reps = try await store.reps()
        // Months before the data begins are not history: a zero there says nothing about what the team can do.
        let firstData = try await store.firstDataAt(team: nil).map { settings.clock.localDate(of: $0).yearMonth }
        let months = allMonths.filter { month in firstData.map { month >= $0 } ?? false }
        let best = try await bestMonths(known, months: months, reps: reps, catalog: catalog)
        let weeks = try await bestRepWeeks(known, months: months, catalog: catalog, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let calendar = BusinessCalendar()

        let check = SMARTCheck(catalog: catalog, recorded: recorded, phase: phase, fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let results = targets.map { t -> SMARTResult in
            let end = t.period.grain.next(after: t.periodStart)
            let history = TargetHistory(
                bestMonth: best[Self.key(t)], monthsLookedAt: months.count, headCount: Self.headCount(t, reps: reps, periodEnd: end),
                businessDays: calendar.businessDays(from: t.periodStart, to: end), bestRepWeek: weeks[t.kpi])
            return check.check(t, history: history)
        }
        return SMARTReport(results: results, phase: phase, historyMonths: months, recorded: recorded)
    }

    static func key(_ t: Target) -> String { "\(t.kpi)|\(t.scope.rawValue)|\(t.scopeId ?? "")" }

    /// Inside-sales reps (SDR, BDR, ISR) of the target's scope who had started by the period's end; 1 for a rep.
    /// Field sales, managers and CS are not the people a call or email volume is asked of.
    static func headCount(_ t: Target, reps: [Rep], periodEnd: LocalDate) -> Int {
        switch t.scope {
        case .rep: return 1
        case .org, .team:
            return reps.filter { rep in
                [.sdr, .bdr, .isr].contains(rep.role) && (rep.startedOn.map { $0 < periodEnd } ?? true)
                    && (t.scope == .org || rep.team == t.scopeId)
            }.count
        }
    }

    /// Per KPI and scope, the best complete month of the window (the lowest when lower is better; the later month on a tie),
    /// one facts read a month. A rep's months before their start date do not count.
    func bestMonths(_ targets: [Target], months: [YearMonth], reps: [Rep], catalog: KPICatalog) async throws
        -> [String: TargetHistory.BestMonth]
    {
        let started = Dictionary(reps.compactMap { rep in rep.startedOn.map { (rep.id, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !targets.isEmpty else { return [:] }
        let groupings = Set(targets.map { t -> KPIGrouping in t.scope == .org ? .org : t.scope == .team ? .team : .rep })
        let only = Set(targets.map(\.kpi))
        let calendar = BusinessCalendar()
        let service = KPIService(store: store)
        var best: [String: TargetHistory.BestMonth] = [:]
        for month in months {
            let from = month.firstDay, to = month.adding(months: 1).firstDay
            let days = calendar.businessDays(from: from, to: to)
            for (grouping, results) in try await service.compute(from: from, to: to, groupings: groupings, only: only) {
                let scope: TargetScope = grouping == .org ? .org : grouping == .team ? .team : .rep
                for r in results {
                    guard let value = r.value.value, let group = r.group else { continue }
                    if scope == .rep, let start = started[group], start >= to { continue }
                    let key = "\(r.kpi)|\(scope.rawValue)|\(scope == .org ? "" : group)"
                    let lower = catalog[r.kpi]?.prefersLower ?? false
                    if let current = best[key], lower ? value > current.value : value < current.value { continue }
                    best[key] = TargetHistory.BestMonth(month: month, value: value, businessDays: days)
                }
            }
        }
        return best
    }

    /// For action volumes, the most any one rep did in one ISO week lying wholly inside the window (the later week on a tie). The window's facts are
    /// read once; volumes need no contact history, so each week is counted from the same facts.
    func bestRepWeeks(_ targets: [Target], months: [YearMonth], catalog: KPICatalog, fiscalYearStartMonth: Int) async throws
        -> [String: TargetHistory.BestRepWeek]
    {
        let volumes = Set(targets.map(\.kpi).filter { id in
            guard let d = catalog[id] else { return false }
            return d.kind == .count && d.layer == .action && d.groupings.contains(.rep)
        })
        guard !volumes.isEmpty, let firstMonth = months.first, let lastMonth = months.last else { return [:] }
        let windowStart = firstMonth.firstDay, windowEnd = lastMonth.adding(months: 1).firstDay
        let firstMonday = PeriodGrain.week.start(of: windowStart.adding(days: 6), fiscalYearStartMonth: fiscalYearStartMonth)
        guard firstMonday.adding(days: 7) <= windowEnd else { return [:] }
        let engine = KPIEngine(settings: try await store.settings())
        let facts = try await store.facts(for: engine.period(from: firstMonday, to: windowEnd))
        var best: [String: TargetHistory.BestRepWeek] = [:]
        var monday = firstMonday
        while monday.adding(days: 7) <= windowEnd {
            for r in engine.compute(facts, period: engine.period(from: monday, to: monday.adding(days: 7)), grouping: .rep, only: volumes) {
                guard let rep = r.group, let value = r.value.value else { continue }
                if let current = best[r.kpi], value < current.value { continue }
                best[r.kpi] = TargetHistory.BestRepWeek(repId: rep, weekStart: monday, value: value)
            }
            monday = monday.adding(days: 7)
        }
        return best
    }
}
