/// Seed 002's ten-item diagnosis checklist and its decision rule (判定基準).
public enum PhaseChecklist {
    /// The items in the seed's order: 立ち上げ期 4, 成長期 4, 成熟期 2.
    public static let items: [ChecklistItem] = [
        ChecklistItem(
            id: "launch_under_6_months", code: "L1", phase: .launch,
            ja: "組織立ち上げから6ヶ月未満である", en: "Less than 6 months since the organisation was set up",
            dataCheck: .underSixMonths),
        ChecklistItem(
            id: "launch_action_targets_unstable", code: "L2", phase: .launch,
            ja: "行動KPI(架電数等)の目標達成が安定していない", en: "Action-KPI targets (calls etc.) are not yet met consistently",
            dataCheck: .actionTargetsNotStable),
        ChecklistItem(
            id: "launch_no_winning_pattern", code: "L3", phase: .launch,
            ja: "成功パターン(勝ちスクリプト等)がまだ確立されていない", en: "Winning patterns (a winning script etc.) are not yet established",
            dataCheck: nil),
        ChecklistItem(
            id: "launch_wide_skill_gap", code: "L4", phase: .launch,
            ja: "メンバー間のスキル差が大きい", en: "Skill gaps between members are large",
            dataCheck: nil),
        ChecklistItem(
            id: "growth_action_targets_stable", code: "G1", phase: .growth,
            ja: "行動KPIは安定して達成できるようになった", en: "Action-KPI targets are now met consistently",
            dataCheck: .actionTargetsStable),
        ChecklistItem(
            id: "growth_volume_ok_quality_issue", code: "G2", phase: .growth,
            ja: "「量は足りているが、質が課題」という状況である", en: "\"Volume is enough, quality is the issue\"",
            dataCheck: nil),
        ChecklistItem(
            id: "growth_3_months_of_data", code: "G3", phase: .growth,
            ja: "3ヶ月以上のデータが蓄積され、傾向分析が可能である", en: "3 months or more of data allow trend analysis",
            dataCheck: .threeMonthsOfData),
        ChecklistItem(
            id: "growth_fs_handoff_rules", code: "G4", phase: .growth,
            ja: "フィールドセールスとの連携ルールが確立されつつある", en: "Hand-off rules with field sales are being established",
            dataCheck: nil),
        ChecklistItem(
            id: "mature_efficiency_targets_stable", code: "M1", phase: .mature,
            ja: "効率性KPIが安定的に目標達成できている", en: "Efficiency-KPI targets are met consistently",
            dataCheck: .efficiencyTargetsStable),
        ChecklistItem(
            id: "mature_revenue_reporting", code: "M2", phase: .mature,
            ja: "売上への貢献度を可視化・報告できる体制がある", en: "Contribution to revenue can be shown and reported",
            dataCheck: nil),
    ]

    /// How many of a phase's items must hold for the phase to qualify: 3 of 4, 3 of 4, 2 of 2.
    public static func threshold(_ phase: Phase) -> Int {
        switch phase {
        case .launch: return 3
        case .growth: return 3
        case .mature: return 2
        }
    }

    public static func items(of phase: Phase) -> [ChecklistItem] { items.filter { $0.phase == phase } }

    /// An item by its id or its code (case-insensitive code: "l3" = "L3").
    public static func item(_ idOrCode: String) -> ChecklistItem? {
        items.first { $0.id == idOrCode || $0.code.lowercased() == idOrCode.lowercased() }
    }

    /// "Stable" in the seed (安定して) is read as: the last 3 complete months.
    public static let stableMonths = 3
    /// 立ち上げ期 is "less than 6 months"; 成長期 needs "3 months or more" of data.
    public static let launchMonths = 6
    public static let trendMonths = 3
}
