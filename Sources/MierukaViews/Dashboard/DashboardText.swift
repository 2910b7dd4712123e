import MierukaCore

/// The page's fixed wording in both languages (KPI names come from the catalog, the funnel's advice from `FunnelAdvice`).
enum DashboardText {
    case alerts, funnel, trend, reps, rep, achievement, target, landing, pace, benchmark, bottleneck, noBottleneck
    case businessDays, cumulative, targetPace, noData, period, languageLabel, actual, onPace, behind

    func callAsFunction(_ l: Language) -> String {
        switch self {
        case .alerts: return l == .ja ? "アラート" : "Alerts"
        case .funnel: return l == .ja ? "ファネル" : "Funnel"
        case .trend: return l == .ja ? "推移 (日次累計)" : "Trend (cumulative by day)"
        case .reps: return l == .ja ? "担当者別" : "By rep"
        case .rep: return l == .ja ? "担当" : "Rep"
        case .achievement: return l == .ja ? "達成率" : "Achievement"
        case .target: return l == .ja ? "目標" : "Target"
        case .landing: return l == .ja ? "着地" : "Landing"
        case .pace: return l == .ja ? "ペース" : "Pace"
        case .benchmark: return l == .ja ? "目安" : "Benchmark"
        case .bottleneck: return l == .ja ? "ボトルネック" : "Bottleneck"
        case .noBottleneck: return l == .ja ? "目安を下回る工程はありません" : "No step is below its benchmark"
        case .businessDays: return l == .ja ? "営業日" : "business day"
        case .cumulative: return l == .ja ? "実績 (累計)" : "Actual (cumulative)"
        case .targetPace: return l == .ja ? "目標ペース" : "Target pace"
        case .noData: return l == .ja ? "データなし" : "No data"
        case .period: return l == .ja ? "期間" : "Period"
        case .languageLabel: return l == .ja ? "言語" : "Language"
        case .actual: return l == .ja ? "実績" : "Actual"
        case .onPace: return l == .ja ? "ペース通り" : "on pace"
        case .behind: return l == .ja ? "ペース遅れ" : "behind pace"
        }
    }
}
