import Foundation

/// The answer to "which phase is this organisation in?": every checklist item with its evidence, each phase's tally,
/// the phase decided and why.
///
/// The seed's rule (判定基準): 立ち上げ期 if ≥ 3 of its 4 items hold, 成長期 if ≥ 3 of its 4, 成熟期 if 2 of 2.
/// The rule can name no phase or several. Tie rule, written here and in `reason`:
/// - several phases qualify → the lowest of them. Seed 002's FAQ (複数のフェーズにまたがる状態) says a team spanning
///   phases sets its KPIs for the lower phase and adds higher-phase KPIs only for the members ready for them.
/// - no phase qualifies → the phase with the highest share of items that hold (yes ÷ its items); equal shares → the
///   lowest of them, by the same FAQ: when in doubt the lower phase's KPIs are the safer base.
/// Unknown items count as not holding; the reason names those that could still change the result.
public struct PhaseDiagnosis: Sendable, Hashable {
    public let items: [CheckedItem]
    public let tallies: [PhaseTally]
    public let phase: Phase
    public let qualifying: [Phase]
    public let ambiguity: Ambiguity?
    public let monthsOfData: Int
    public let reasonJa: String
    public let reasonEn: String

    public enum Ambiguity: String, Sendable, Hashable, Codable {
        /// No phase reaches its threshold.
        case noPhaseQualifies = "none"
        /// More than one phase reaches its threshold.
        case severalPhasesQualify = "several"
    }

    public func reason(_ language: Language) -> String { language == .ja ? reasonJa : reasonEn }
    public func tally(_ phase: Phase) -> PhaseTally { tallies.first { $0.phase == phase }! }

    public init(_ input: PhaseDiagnosisInput, catalog: KPICatalog = .standard, timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!) {
        let clock = OrgClock(timeZone: timeZone)
        let items = PhaseChecklist.items.map { Self.check($0, input: input, catalog: catalog, clock: clock) }
        let tallies = Phase.allCases.map { phase in
            let answers = items.filter { $0.item.phase == phase }.map(\.answer)
            return PhaseTally(phase: phase, yes: answers.filter { $0 == .yes }.count, no: answers.filter { $0 == .no }.count,
                              unknown: answers.filter { $0 == .unknown }.count, threshold: PhaseChecklist.threshold(phase))
        }
        let qualifying = tallies.filter(\.qualifies).map(\.phase)
        let phase: Phase
        let ambiguity: Ambiguity?
        switch qualifying.count {
        case 1:
            phase = qualifying[0]
            ambiguity = nil
        case 0:
            let best = tallies.map(\.share).max() ?? 0
            phase = tallies.filter { $0.share == best }.map(\.phase).min() ?? .launch
            ambiguity = .noPhaseQualifies
        default:
            phase = qualifying.min()!
            ambiguity = .severalPhasesQualify
        }
        self.items = items
        self.tallies = tallies
        self.phase = phase
        self.qualifying = qualifying
        self.ambiguity = ambiguity
        self.monthsOfData = input.monthsOfData
        (reasonJa, reasonEn) = Self.reason(phase: phase, ambiguity: ambiguity, tallies: tallies, items: items)
    }

    // MARK: - Items

    private static func check(_ item: ChecklistItem, input: PhaseDiagnosisInput, catalog: KPICatalog, clock: OrgClock) -> CheckedItem {
        let stored = input.answers[item.id]
        let who: (ja: String, en: String)? = stored.map {
            let day = clock.localDate(of: $0.answeredAt)
            return ("\($0.answeredBy)が\(day)に回答", "answered by \($0.answeredBy) on \(day)")
        }
        guard let check = item.dataCheck else {
            guard let stored, let who else {
                return CheckedItem(item: item, source: .manager, answer: .unknown,
                                   evidenceJa: "未回答(マネージャーが回答する項目です)", evidenceEn: "not answered yet (the manager answers this item)")
            }
            return CheckedItem(item: item, source: .manager, answer: ItemAnswer(stored.answer), evidenceJa: who.ja, evidenceEn: who.en)
        }
        let finding = check.evaluate(input, catalog: catalog)
        // The data decides when it can; a manager's answer fills in only where the data cannot (e.g. no targets stored).
        if finding.answer == .unknown, let stored, let who {
            return CheckedItem(item: item, source: .manager, answer: ItemAnswer(stored.answer),
                               evidenceJa: "\(finding.ja)。マネージャーの回答を使用:\(who.ja)",
                               evidenceEn: "\(finding.en). Using the manager's answer: \(who.en)")
        }
        var ja = finding.ja, en = finding.en
        if let stored, finding.answer != .unknown, ItemAnswer(stored.answer) != finding.answer {
            ja += "(マネージャーの回答「\(ItemAnswer(stored.answer).label(.ja))」よりデータを優先)"
            en += " (the data overrides the manager's answer \"\(ItemAnswer(stored.answer).label(.en))\")"
        }
        return CheckedItem(item: item, source: .data, answer: finding.answer, evidenceJa: ja, evidenceEn: en)
    }

    // MARK: - Reason

    private static func reason(phase: Phase, ambiguity: Ambiguity?, tallies: [PhaseTally], items: [CheckedItem])
        -> (String, String)
    {
        func score(_ t: PhaseTally, _ language: Language) -> String { "\(t.phase.name(language)) \(t.yes)/\(t.items)" }
        let chosen = tallies.first { $0.phase == phase }!
        var ja: String
        var en: String
        switch ambiguity {
        case nil:
            ja = "\(phase.name(.ja))の項目が\(chosen.items)つ中\(chosen.yes)つ該当(基準は\(chosen.threshold)つ以上)"
            en = "\(chosen.yes) of \(chosen.items) \(phase.name(.en).lowercased()) items hold (\(chosen.threshold) needed)"
        case .severalPhasesQualify:
            let q = tallies.filter(\.qualifies)
            ja = "判定があいまいです:" + q.map { score($0, .ja) }.joined(separator: "、")
                + "がいずれも基準を満たします。複数のフェーズにまたがる場合は低いほうのフェーズに合わせる(seed 002)ため、\(phase.name(.ja))とします"
            en = "Ambiguous: " + q.map { score($0, .en) }.joined(separator: ", ")
                + " all meet their thresholds. A team spanning phases follows the lower one (seed 002), so: \(phase.name(.en))"
        case .noPhaseQualifies:
            ja = "判定があいまいです:どのフェーズも基準を満たしません(" + tallies.map { score($0, .ja) }.joined(separator: "、")
                + ")。該当の割合が最も高いフェーズ(同率なら低いほう)として\(phase.name(.ja))とします"
            en = "Ambiguous: no phase meets its threshold (" + tallies.map { score($0, .en) }.joined(separator: ", ")
                + "). Taking the phase with the highest share of items that hold (the lower one on a tie): \(phase.name(.en))"
        }
        // Name the unknown items that could still change the outcome (those of phases that could yet qualify).
        let open = Set(tallies.filter(\.undecided).map(\.phase))
        let unknownCodes = items.filter { $0.answer == .unknown && open.contains($0.item.phase) }.map(\.item.code)
        if !unknownCodes.isEmpty {
            ja += "。未確定の項目(\(unknownCodes.joined(separator: ", ")))の回答次第で変わる可能性があります"
            en += ". Unknown items (\(unknownCodes.joined(separator: ", "))) could change this once answered"
        }
        return (ja, en)
    }
}
