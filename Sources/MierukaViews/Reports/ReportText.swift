import MierukaCore

/// The reports' fixed wording in both languages (KPI names come from the catalog, advice from `FunnelAdvice`).
enum ReportText {
    case scope, period, generated, actual, target, achievement, rep, total, noTarget, notBusinessDay, noActivity
    case thisWeek, lastWeek, change, standard, judgement, step, stage, bottleneck, noBottleneck, advice, rate
    case landing, pace, landingVsTarget, phase, businessDays, kpi, prior, yoy, numerator, denominator, formula
    case revenue, efficiency, growth, accuracy, wonByMonth, currentYear, priorYear, achievementChart, funnelChart, dailyChart
    case source, definitions, languageLink, printHint, benchmark

    /// Marks a total target that is the sum of the reps' targets (explained in a note under the table).
    static let summedMark = "Σ"

    func callAsFunction(_ l: Language) -> String {
        let ja = l == .ja
        switch self {
        case .scope: return ja ? "対象" : "Scope"
        case .period: return ja ? "期間" : "Period"
        case .generated: return ja ? "作成" : "Generated"
        case .actual: return ja ? "実績" : "Actual"
        case .target: return ja ? "目標" : "Target"
        case .achievement: return ja ? "達成率" : "Achievement"
        case .rep: return ja ? "担当者" : "Rep"
        case .total: return ja ? "合計" : "Total"
        case .noTarget: return ja ? "目標未設定" : "no target"
        case .notBusinessDay: return ja ? "この日は営業日ではありません（目標なし）。" : "This day is not a business day (no target)."
        case .noActivity: return ja ? "この日の活動はありません。" : "No activity on this day."
        case .thisWeek: return ja ? "今週" : "This week"
        case .lastWeek: return ja ? "前週" : "Last week"
        case .change: return ja ? "前週比" : "Change"
        case .standard: return ja ? "基準 (目標/目安)" : "Standard (target/benchmark)"
        case .judgement: return ja ? "判定" : "Status"
        case .step: return ja ? "工程" : "Step"
        case .stage: return ja ? "段階" : "Stage"
        case .bottleneck: return ja ? "ボトルネック" : "Bottleneck"
        case .noBottleneck: return ja ? "目標・目安を下回る工程はありません。" : "No step is below its target or benchmark."
        case .advice: return ja ? "改善のヒント" : "What to review"
        case .rate: return ja ? "率" : "Rate"
        case .landing: return ja ? "着地予測" : "Landing"
        case .pace: return ja ? "ペース" : "Pace"
        case .landingVsTarget: return ja ? "着地÷目標" : "Landing ÷ target"
        case .phase: return ja ? "フェーズ" : "Phase"
        case .businessDays: return ja ? "営業日" : "Business days"
        case .kpi: return ja ? "指標" : "KPI"
        case .prior: return ja ? "前年同期" : "Same period last year"
        case .yoy: return ja ? "前年比" : "YoY"
        case .numerator: return ja ? "分子" : "Numerator"
        case .denominator: return ja ? "分母" : "Denominator"
        case .formula: return ja ? "計算式" : "Formula"
        case .revenue: return ja ? "売上貢献" : "Revenue contribution"
        case .efficiency: return ja ? "投資効率" : "Investment efficiency"
        case .growth: return ja ? "成長性" : "Growth"
        case .accuracy: return ja ? "予測精度" : "Forecast accuracy"
        case .wonByMonth: return ja ? "受注貢献金額の月次推移（今期と前年同月）" : "Won amount by month (this year and the same month last year)"
        case .currentYear: return ja ? "今期" : "This year"
        case .priorYear: return ja ? "前年" : "Last year"
        case .achievementChart: return ja ? "目標達成率と着地予測" : "Achievement and landing against target"
        case .funnelChart: return ja ? "工程別の率（今週・前週・基準）" : "Step rates (this week, last week, standard)"
        case .dailyChart: return ja ? "担当者別 架電数と目標" : "Calls per rep against target"
        case .source: return ja ? "出典" : "Source"
        case .definitions: return ja ? "指標の定義" : "Definitions"
        case .languageLink: return ja ? "English" : "日本語"
        case .benchmark: return ja ? "目安" : "Benchmark"
        case .printHint: return ja ? "印刷・PDF保存は A4 縦。" : "Prints on A4 portrait."
        }
    }
}
