// Seed 002's phase KPI sets as data. The design sheet (【テンプレート】フェーズ別KPI設計シート) comes first, in the seed's
// order, with its ★ and example targets; then KPIs the seed's per-phase lists (設定すべきKPI項目一覧) add without rating;
// for 成熟期 also the cross-functional KPIs (組織横断KPI). Ranges (目安) are copied as written.
extension PhasePreset {
    public static func standard(_ phase: Phase) -> PhasePreset {
        switch phase {
        case .launch: return launch
        case .growth: return growth
        case .mature: return mature
        }
    }

    public static let all: [PhasePreset] = Phase.allCases.map(standard)

    /// 立ち上げ期(0〜6ヶ月): action volume.
    public static let launch = PhasePreset(
        phase: .launch,
        kpis: [
            PresetKPI("calls", "架電数", "Calls", layer: .action, importance: 3, example: ExampleTarget(100, .perRepPerDay, "100件/日"),
                      guide: "80〜120件(1人/日)"),
            PresetKPI("connects", "コネクト数", "Connects", layer: .action, importance: 3, example: ExampleTarget(20, .perRepPerDay, "20件/日"),
                      guide: "15〜25件(1人/日)"),
            PresetKPI("valid_conversations", "有効会話数", "Valid conversations", layer: .action, importance: 2,
                      example: ExampleTarget(10, .perRepPerDay, "10件/日"), guide: "8〜15件(1人/日)"),
            PresetKPI("emails_sent", "メール送信数", "Emails sent", layer: .action, importance: 2,
                      example: ExampleTarget(40, .perRepPerDay, "40件/日"), guide: "30〜50件(1人/日)"),
            PresetKPI("appointments", "アポイント獲得数", "Appointments", layer: .tactical, importance: 3,
                      example: ExampleTarget(3, .perRepPerDay, "3件/日"), guide: "2〜5件(1人/日)"),
            // 商談創出数 next to アポイント獲得数 (3/day) at 15/month can only be the later step: the meeting that took
            // place (seed 000's worked example: 商談 follow appointments at about 50 %). The catalog's appointments is
            // already "opportunities created".
            PresetKPI("meetings", "商談創出数", "Meetings held", layer: .tactical, importance: 2, example: ExampleTarget(15, .perMonth, "15件/月")),
        ],
        unmapped: [])

    /// 成長期(6ヶ月〜1年): efficiency and quality.
    public static let growth = PhasePreset(
        phase: .growth,
        kpis: [
            PresetKPI("calls", "架電数", "Calls", layer: .action, importance: 2, example: ExampleTarget(80, .perRepPerDay, "80件/日")),
            PresetKPI("opportunity_rate", "商談化率", "Opportunity rate", layer: .tactical, importance: 3, example: ExampleTarget(0.15, .level, "15%"),
                      guide: "10〜20%(商談数÷対応リード数)"),
            PresetKPI("sqls", "SQL創出数", "SQLs", layer: .tactical, importance: 3, example: ExampleTarget(20, .perMonth, "20件/月"),
                      guide: "月間目標設定"),
            PresetKPI("quality_score_avg", "商談品質スコア", "Opportunity quality score", layer: .tactical, importance: 2,
                      example: ExampleTarget(75, .level, "75点以上")),
            PresetKPI("win_rate", "引き継ぎ商談受注率", "Win rate of handed-off opportunities", layer: .tactical, importance: 2,
                      example: ExampleTarget(0.25, .level, "25%")),
            PresetKPI("opportunity_amount", "商談創出金額", "Opportunity amount created", layer: .strategic, importance: 2,
                      example: ExampleTarget(30_000_000, .perMonth, "3,000万円/月")),
            PresetKPI("connect_rate", "コネクト率", "Connect rate", layer: .tactical, guide: "20〜30%", source: .phaseList),
            PresetKPI("valid_conversation_rate", "有効会話率", "Valid conversation rate", layer: .tactical, guide: "50〜70%", source: .phaseList),
            PresetKPI("appointment_rate", "アポイント獲得率", "Appointment rate", layer: .tactical, guide: "15〜25%", source: .phaseList),
            PresetKPI("email_reply_rate", "メール返信率", "Email reply rate", layer: .tactical, guide: "3〜8%", source: .phaseList),
        ],
        unmapped: [])

    /// 成熟期(1年以降): revenue contribution.
    public static let mature = PhasePreset(
        phase: .mature,
        kpis: [
            PresetKPI("opportunity_rate", "商談化率", "Opportunity rate", layer: .tactical, importance: 2, example: ExampleTarget(0.18, .level, "18%")),
            PresetKPI("sqls", "SQL創出数", "SQLs", layer: .tactical, importance: 2, example: ExampleTarget(25, .perMonth, "25件/月")),
            PresetKPI("won_amount", "受注貢献金額", "Won amount (IS contribution)", layer: .strategic, importance: 3,
                      example: ExampleTarget(50_000_000, .perMonth, "5,000万円/月")),
            PresetKPI("pipeline_amount", "パイプライン貢献額", "Pipeline amount", layer: .strategic, importance: 3,
                      example: ExampleTarget(150_000_000, .perMonth, "1.5億円/月")),
            PresetKPI("cac", "CAC", "CAC", layer: .strategic, importance: 2, example: ExampleTarget(500_000, .level, "50万円以下")),
            PresetKPI("ltv_cac_ratio", "LTV/CAC比率", "LTV/CAC", layer: .strategic, importance: 2, example: ExampleTarget(3, .level, "3.0以上")),
            PresetKPI("ltv", "LTV(顧客生涯価値)", "LTV", layer: .strategic, source: .phaseList),
            PresetKPI("roi", "ROI", "ROI", layer: .strategic, source: .phaseList),
            PresetKPI("forecast_accuracy", "パイプライン予測精度", "Pipeline forecast accuracy", layer: .strategic, source: .phaseList),
            // 組織横断KPI: the seed gives no layer, so these carry the catalog's.
            PresetKPI("mql_to_sql_rate", "MQL→SQL転換率", "MQL to SQL rate", layer: .tactical, source: .crossFunctional),
            PresetKPI("cpl", "リード獲得単価", "Cost per lead", layer: .strategic, source: .crossFunctional),
            // 受注後の継続率 is customer retention; the catalog measures it by revenue (NRR), the nearest it has.
            PresetKPI("nrr", "受注後の継続率", "Retention after the win (as NRR)", layer: .strategic, source: .crossFunctional),
            // アップセル・クロスセル率: the catalog's upsell_rate (MRR rose) covers both; customers.csv has no product split.
            PresetKPI("upsell_rate", "アップセル・クロスセル率", "Upsell / cross-sell rate", layer: .strategic, source: .crossFunctional),
        ],
        unmapped: [
            UnmappedSeedKPI(seedJa: "顧客満足度", seedEn: "Customer satisfaction",
                            why: "no survey data in the data model (data-model.md has no satisfaction field)"),
            UnmappedSeedKPI(seedJa: "リードソース別商談化率", seedEn: "Opportunity rate by lead source",
                            why: "not a KPI of its own: opportunity_rate grouped by channel (mieruka kpi --by channel)"),
        ])
}
