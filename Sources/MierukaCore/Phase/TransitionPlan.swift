/// Seed 002's phase transition (フェーズ移行時のKPI切り替え手順) as dated steps: one month measuring the next phase's
/// KPIs as reference values (移行1ヶ月前), two months running old and new KPIs side by side (移行後1〜2ヶ月), and from
/// the third month after the switch the new KPIs lead (移行後3ヶ月〜).
///
/// `start` is the first month of the preparation; the switch itself is the month after it. The KPIs named are the
/// design-sheet KPIs (those the seed rates with ★) of both presets.
public struct TransitionPlan: Sendable, Hashable {
    public let from: Phase
    public let to: Phase
    public let start: YearMonth
    public let steps: [TransitionStep]

    /// The plan from `phase` to the next one; nil from 成熟期, which has no next phase.
    public init?(from phase: Phase, start: YearMonth) {
        guard let next = phase.next else { return nil }
        let current = PhasePreset.standard(phase).kpis.filter { $0.source == .designSheet }.map(\.kpi)
        let coming = PhasePreset.standard(next).kpis.filter { $0.source == .designSheet }.map(\.kpi)
        let added = coming.filter { !current.contains($0) }
        let dropped = current.filter { !coming.contains($0) }
        self.from = phase
        self.to = next
        self.start = start
        self.steps = [
            TransitionStep(
                stage: .preparation, first: start, last: start, leading: current, reference: added, demoted: [],
                actionsJa: ["現在のKPI達成状況を総括する", "次フェーズで追加するKPIを「参考値」として計測開始", "チームメンバーに移行の方針を共有"],
                actionsEn: ["Review how the current KPIs have been met", "Start measuring the next phase's KPIs as reference values",
                            "Share the transition plan with the team"]),
            TransitionStep(
                stage: .parallel, first: start.adding(months: 1), last: start.adding(months: 2), leading: current + added, reference: [],
                demoted: [],
                actionsJa: ["新旧両方のKPIを設定し、モニタリング", "新KPIの目標値は現実的な水準から開始(達成可能な範囲)", "週次で進捗を確認し、必要に応じて目標値を調整"],
                actionsEn: ["Set targets for both old and new KPIs and watch both", "Start the new KPIs' targets at a realistic, reachable level",
                            "Check progress weekly and adjust the targets where needed"]),
            TransitionStep(
                stage: .fullTransition, first: start.adding(months: 3), last: nil, leading: coming, reference: [], demoted: dropped,
                actionsJa: ["新KPIを主要指標として確立", "旧KPIは補助指標またはモニタリング対象に格下げ", "評価制度・インセンティブ設計も新KPIに連動させる"],
                actionsEn: ["Make the new KPIs the main indicators", "Demote the old KPIs to supporting or monitoring indicators",
                            "Tie evaluation and incentives to the new KPIs"]),
        ]
    }
}

/// One step of a transition plan, with its months and which KPIs lead, are measured for reference, or step back.
public struct TransitionStep: Sendable, Hashable {
    public let stage: TransitionStage
    public let first: YearMonth
    /// nil = open-ended (the new KPIs lead from `first` on).
    public let last: YearMonth?
    /// KPIs with targets during the step.
    public let leading: [String]
    /// KPIs measured without a target (参考値).
    public let reference: [String]
    /// KPIs moved to supporting or monitoring indicators.
    public let demoted: [String]
    public let actionsJa: [String]
    public let actionsEn: [String]

    public func actions(_ language: Language) -> [String] { language == .ja ? actionsJa : actionsEn }

    /// "2026-07", "2026-08〜2026-09", "2026-10〜".
    public func months(_ language: Language) -> String {
        guard let last else { return language == .ja ? "\(first)〜" : "from \(first)" }
        if last == first { return first.description }
        return language == .ja ? "\(first)〜\(last)" : "\(first) to \(last)"
    }
}

public enum TransitionStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// 移行準備(移行1ヶ月前).
    case preparation
    /// 並行運用期間(移行後1〜2ヶ月).
    case parallel
    /// 本格移行(移行後3ヶ月〜).
    case fullTransition = "full_transition"

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.preparation, .ja): return "移行準備"
        case (.parallel, .ja): return "並行運用期間"
        case (.fullTransition, .ja): return "本格移行"
        case (.preparation, .en): return "Preparation"
        case (.parallel, .en): return "Parallel run"
        case (.fullTransition, .en): return "Full transition"
        }
    }
}
