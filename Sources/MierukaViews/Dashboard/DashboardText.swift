import MierukaCore

/// The page's fixed wording in both languages (KPI names come from the catalog).
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

    /// What to look at when a funnel step is the bottleneck (seeds 000 and 002).
    static func advice(forStep rateKPI: String, _ l: Language) -> String {
        switch (rateKPI, l) {
        // 000: 初回接続率30%以上など、リスト品質KPI; 002: 最適な架電時間帯
        case ("connect_rate", .ja): return "リストの質と架電時間帯の見直しを"
        case ("connect_rate", .en): return "Review list quality and calling hours"
        // 002: 成功パターン(効果的なトークスクリプト)
        case ("valid_conversation_rate", .ja): return "冒頭トークの見直しと成功パターンの共有を"
        case ("valid_conversation_rate", .en): return "Rework the opening talk and share what works"
        // 002: コネクト率は高いのにアポイント獲得率が低い場合、会話の質(トークスクリプトやヒアリング力)に課題
        case ("appointment_rate", .ja): return "トークスクリプトとヒアリング項目の見直しを"
        case ("appointment_rate", .en): return "Review the talk script and hearing items"
        // 000: 商談の定義を揃える(日程確定なのか、提案フェーズ入りなのか)
        case ("meeting_rate", .ja): return "商談の定義を揃え、アポ後のフォローの見直しを"
        case ("meeting_rate", .en): return "Align what counts as a meeting and follow up booked appointments"
        // 000: 決裁者・課題・導入時期や予算感; 50%を下回る場合はヒアリング項目などの見極め条件を見直す
        case ("win_rate", .ja): return "有効商談の基準(決裁者・課題・時期・予算)の見直しを"
        case ("win_rate", .en): return "Review the qualification criteria (decision maker, problem, timing, budget)"
        default: return ""
        }
    }
}
