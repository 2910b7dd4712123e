import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

struct PhaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase",
        abstract: "Diagnose the organisation's phase (seed 002 checklist) and print the transition plan. フェーズ診断と移行計画。",
        discussion: """
            Items decided by data (L1, L2, G1, G3, M1) are computed with their evidence; the manager answers L3, L4, G2, G4, M2 \
            with --answer (stored, latest answer wins). Items: \(PhaseChecklist.items.map { "\($0.code)=\($0.id)" }.joined(separator: ", ")).
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Diagnose one team (default: the whole organisation).") var team: String?
    @Option(name: .customLong("answer"), help: "Store a manager's answer, ITEM=yes|no (ITEM: a code like L3 or an id). Repeatable.")
    var answers: [String] = []
    @Option(help: "Who answers (default: $USER).") var by: String?
    @Option(help: "The current month, YYYY-MM (default: this month in the organisation's time zone).") var month: String?
    @Option(help: "First month of the transition plan's preparation, YYYY-MM (default: the month after --month).") var start: String?
    @Option(help: "Save the diagnosed phase's KPI set (seed 002's example values) as the targets of this month, YYYY-MM.") var applyPreset: String?
    @Option(help: "ja | en (table labels)") var lang: String = "ja"
    @Option(help: "table | json") var format: String = "table"

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
        let parsedAnswers = try answers.map(Self.parseAnswer)
        let monthOption = try month.map(Self.parseMonth(option: "--month"))
        let startOption = try start.map(Self.parseMonth(option: "--start"))

        let db = try await store.open()
        do {
            if let team, !(try await db.teams().contains(team)) {
                throw ValidationError("no team named \"\(team)\" in the reps table (known: \(try await db.teams().joined(separator: ", ")))")
            }
            let service = PhaseService(store: db)
            let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
            let now = Date()
            for (item, value) in parsedAnswers { try await service.answer(item.id, value, team: team, by: who, at: now) }
            let current = try await service.currentMonth(given: monthOption)
            let diagnosis = try await service.diagnose(team: team, currentMonth: current)
            if let applyPreset {
                guard let target = YearMonth(applyPreset) else { throw ValidationError("--apply-preset must be a month like 2026-12") }
                let applied = try await service.applyPreset(diagnosis.phase, team: team, month: target)
                for t in applied.targets { say("\(t.target.kpi): \(language == .ja ? t.derivationJa : t.derivationEn)") }
                for s in applied.skipped { say("— \(s.kpi): \(language == .ja ? s.reasonJa : s.reasonEn)") }
                say(language == .ja ? "\(diagnosis.phase.name(language))のKPIセットを\(target)の目標として保存しました（新規 \(applied.saved.inserted)・更新 \(applied.saved.updated)）"
                    : "Saved the \(diagnosis.phase.name(language)) KPI set as the targets of \(target) (\(applied.saved.inserted) new, \(applied.saved.updated) updated)")
            }
            try await db.close()
            let plan = TransitionPlan(from: diagnosis.phase, start: startOption ?? current.adding(months: 1))
            if format == "json" {
                say(try PhaseDocument(diagnosis, team: team, month: current, plan: plan).json())
            } else {
                print(PhaseText.render(diagnosis, team: team, month: current, plan: plan, language: language), terminator: "")
            }
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// "L3=yes", "launch_no_winning_pattern=no".
    static func parseAnswer(_ text: String) throws -> (ChecklistItem, Bool) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw ValidationError("--answer \(text): write ITEM=yes or ITEM=no, e.g. --answer L3=yes") }
        guard let item = PhaseChecklist.item(parts[0]) else {
            throw ValidationError("--answer \(text): \(StoreError.unknownChecklistItem(parts[0]).description)")
        }
        switch parts[1].lowercased() {
        case "yes", "y", "true", "1", "はい": return (item, true)
        case "no", "n", "false", "0", "いいえ": return (item, false)
        default: throw ValidationError("--answer \(text): the answer must be yes or no")
        }
    }

    static func parseMonth(option: String) -> (String) throws -> YearMonth {
        { text in
            guard let month = YearMonth(text) else { throw ValidationError("\(option) must be a month like 2026-06, not \"\(text)\"") }
            return month
        }
    }
}
