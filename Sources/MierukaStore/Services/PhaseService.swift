import Foundation
import MierukaCore

/// Gathers the phase checklist's data (months of data, month targets against their figures, the manager's answers)
/// from the store and diagnoses the phase: the one path the CLI and the server take.
public struct PhaseService: Sendable {
    public let store: any Store

    public init(store: any Store) { self.store = store }

    /// The month given, else this month in the organisation's time zone.
    public func currentMonth(given: YearMonth? = nil) async throws -> YearMonth {
        if let given { return given }
        return try await store.settings().clock.localDate(of: Date()).yearMonth
    }

    /// The diagnosis for the organisation (team nil) or one team, as of `currentMonth`.
    public func diagnose(team: String?, currentMonth: YearMonth) async throws -> PhaseDiagnosis {
        let settings = try await store.settings()
        return PhaseDiagnosis(try await input(team: team, currentMonth: currentMonth), timeZone: settings.timeZone)
    }

    /// Records a manager's answer; `item` is an id or a code (L1…M2).
    public func answer(_ item: String, _ value: Bool, team: String?, by: String, at: Date) async throws {
        guard let checklistItem = PhaseChecklist.item(item) else { throw StoreError.unknownChecklistItem(item) }
        try await store.setPhaseAnswer(PhaseAnswer(itemId: checklistItem.id, team: team, answer: value, answeredBy: by, answeredAt: at))
    }

    /// The diagnosis input: the scope's month targets of the last 3 complete months, each beside the figure the engine
    /// computes for that month and scope. Only month targets count: the checklist asks about months.
    public func input(team: String?, currentMonth: YearMonth) async throws -> PhaseDiagnosisInput {
        let settings = try await store.settings()
        let first = try await store.firstDataAt(team: team).map { settings.clock.localDate(of: $0).yearMonth }
        let months = PhaseDiagnosisInput(currentMonth: currentMonth, firstDataMonth: nil).lastCompleteMonths(PhaseChecklist.stableMonths)
        let scope: TargetScope = team == nil ? .org : .team
        let targets = try await store.targets().filter {
            $0.period == .month && $0.scope == scope && ($0.scopeId ?? "") == (team ?? "") && months.contains($0.periodStart.yearMonth)
        }
        let grouping: KPIGrouping = team == nil ? .org : .team
        let group = team ?? "org"
        let catalog = KPICatalog.standard
        var outcomes: [TargetOutcome] = []
        let service = KPIService(store: store)
        for month in months {
            let due = targets.filter { $0.periodStart.yearMonth == month }
            guard !due.isEmpty else { continue }
            let results = try await service.compute(from: month.firstDay, to: month.adding(months: 1).firstDay, groupings: [grouping],
                                                    only: Set(due.map(\.kpi)))[grouping] ?? []
            let actual = Dictionary(results.filter { $0.group == group }.map { ($0.kpi, $0.value.value) }, uniquingKeysWith: { a, _ in a })
            for t in due {
                guard let definition = catalog[t.kpi] else { continue }
                outcomes.append(TargetOutcome(kpi: t.kpi, layer: definition.layer, month: month, target: t.value, actual: actual[t.kpi] ?? nil,
                                              lowerIsBetter: definition.prefersLower))
            }
        }
        let starts = try await store.reps().filter { [.sdr, .bdr, .isr, .manager].contains($0.role) && (team == nil || $0.team == team) }
            .compactMap(\.startedOn)
        return PhaseDiagnosisInput(currentMonth: currentMonth, firstDataMonth: first, outcomes: outcomes,
                                   answers: try await store.phaseAnswers(team: team), earliestRepStart: starts.min())
    }
}

extension PhaseService {
    /// The phase preset's example targets for `month` of the organisation (team nil) or a team, saved in one transaction
    /// (same KPI, scope and month replaces). Head count: the scope's inside-sales reps who have started by that month.
    public func applyPreset(_ phase: Phase, team: String?, month: YearMonth) async throws
        -> (saved: MergeCounts, targets: [PresetTarget], skipped: [SkippedPresetKPI])
    {
        let settings = try await store.settings()
        let reps = try await store.reps().filter { team == nil || $0.team == team }
        let heads = KGIPlanner.shares(reps: reps, month: month).count
        let businessDays = settings.calendar.businessDays(from: month.firstDay, to: month.adding(months: 1).firstDay)
        let made = PhasePreset.standard(phase).targets(scope: team == nil ? .org : .team, scopeId: team, month: month,
                                                       businessDays: businessDays, headCount: heads)
        let rows = made.targets.map { CanonicalRecord.target($0.target).cells }
        let store = self.store
        let saved = try await store.transaction {
            try await store.stage(.targets, rows: rows)
            return try await store.mergeStaged(.targets)
        }
        return (saved, made.targets, made.skipped)
    }
}
