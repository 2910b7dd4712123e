/// What to review when a funnel step is the bottleneck: a one-line action (the dashboard's callout), what to check,
/// and the seed sentences it rests on. The only advice texts for the funnel: the dashboard and the insights share them.
public struct FunnelAdvice: Sendable, Hashable, Codable {
    public let step: FunnelStep
    /// One line: what to review.
    public let actionJa: String
    public let actionEn: String
    /// What to look at first, and why this step's shortfall points there.
    public let detailJa: String
    public let detailEn: String
    public let quotes: [SeedQuote]

    public func action(_ language: Language) -> String { language == .ja ? actionJa : actionEn }
    public func detail(_ language: Language) -> String { language == .ja ? detailJa : detailEn }

    public static func of(_ step: FunnelStep) -> FunnelAdvice {
        switch step {
        case .connect:
            // The product's connect is "reached the person or key person" (data-model.md; 002: 担当者・キーマンとの接続数),
            // so a call stopped at the reception desk (受付NG) lowers this step, not the next one.
            return FunnelAdvice(
                step: step,
                actionJa: "リストの質と架電時間帯の見直しを",
                actionEn: "Review list quality and calling hours",
                detailJa: "時間帯別・曜日別の接続率を見て、つながる時間に架電を寄せる。受付で止まっている場合は受付突破のトークも見直す。",
                detailEn: "Move calls to the hours and weekdays that connect (see best time to call); where calls stop at the reception desk, "
                    + "rework how you get past it.",
                quotes: [
                    SeedQuote(
                        seed: "004", ja: "接触率が低い場合:架電タイミングやリスト品質に課題がある。通話時間帯を分析し、担当者ごとの架電スキルを共有する。",
                        en: "When the contact rate is low, the timing of calls or the quality of the list is at fault. "
                            + "Analyse the hours of calls and share each rep's calling skills."),
                    SeedQuote(
                        seed: "000", ja: "初回接続率30%以上など、リスト品質KPIを併用することも多い",
                        en: "List-quality KPIs such as a first-call connect rate of 30 % or more are often used alongside."),
                ])
        case .validConversation:
            // A connect that ends within two minutes is the person hanging up: what they heard first did not earn the time.
            return FunnelAdvice(
                step: step,
                actionJa: "冒頭トークの見直しと成功パターンの共有を",
                actionEn: "Rework the opening talk and share what works",
                detailJa: "担当者につながっても2分以上の会話にならない: 冒頭で用件と相手のメリットを伝えられているか、通話録音で確かめる。",
                detailEn: "Calls reach the person but end within two minutes: listen to recordings and check that the opening says "
                    + "why you call and what is in it for them.",
                quotes: [
                    SeedQuote(
                        seed: "002", ja: "架電数と並行して「有効会話数」「会話時間」も記録し、週次で振り返る機会を設ける。通話録音の分析を行い、質の向上につなげる。",
                        en: "Record valid conversations and talk time alongside calls and review them weekly. "
                            + "Analyse call recordings to raise the quality.")
                ])
        case .appointment:
            return FunnelAdvice(
                step: step,
                actionJa: "トークスクリプトとヒアリング項目の見直しを",
                actionEn: "Review the talk script and hearing items",
                detailJa: "会話はできているのにアポにならない: 顧客の課題を深掘りできているか、トークスクリプトとヒアリング項目を見直す。",
                detailEn: "Conversations happen but do not become appointments: check that reps dig into the customer's problem, "
                    + "and review the talk script and the hearing items.",
                quotes: [
                    SeedQuote(
                        seed: "002", ja: "コネクト率は高いのにアポイント獲得率が低い場合、会話の質(トークスクリプトやヒアリング力)に課題がある可能性が高いと判断できます。",
                        en: "When the connect rate is high but the appointment rate is low, the quality of the conversation "
                            + "(talk script and hearing skills) is most likely the problem."),
                    SeedQuote(
                        seed: "004", ja: "商談化率が低い場合:ヒアリングやスクリプトの改善が必要。顧客の課題を深掘りできていない可能性が高い。",
                        en: "When the opportunity rate is low, hearing and the script need improving: "
                            + "reps are probably not digging into the customer's problem."),
                ])
        case .meeting:
            return FunnelAdvice(
                step: step,
                actionJa: "アポ前のリマインドと日程調整の見直しを",
                actionEn: "Remind before appointments and review scheduling",
                detailJa: "アポが商談にならない(キャンセル・不在): 前日のリマインドと確実な日程調整を。商談の定義(日程確定か提案フェーズ入りか)もFSと揃える。",
                detailEn: "Appointments do not become meetings (cancelled, no-show): remind the day before and confirm the schedule; "
                    + "agree with field sales what counts as a meeting.",
                quotes: [
                    SeedQuote(
                        seed: "004", ja: "CRMで自動リマインドを設定する:フォロータイミングを可視化し、担当者変更があっても継続的に引き継げる。",
                        en: "Set automatic reminders in the CRM: make follow-up timing visible so it carries over even when the rep changes."),
                    SeedQuote(
                        seed: "000", ja: "商談の定義を揃える / 日程確定なのか、提案フェーズ入りなのか など",
                        en: "Agree on what a meeting is: a fixed date, or the start of the proposal phase."),
                ])
        case .win:
            return FunnelAdvice(
                step: step,
                actionJa: "商談の質(BANT)と有効商談の基準の見直しを",
                actionEn: "Review opportunity quality (BANT) and the qualification criteria",
                detailJa: "商談にはなるが受注しない: BANT情報の精度、引き継ぎ時の情報共有、ターゲット選定を見直し、有効商談の基準(決裁者・課題・時期・予算)をFSと揃える。",
                detailEn: "Meetings happen but do not win: check the accuracy of BANT, what is handed over to field sales and the "
                    + "choice of targets; agree the qualification criteria (decision maker, problem, timing, budget).",
                quotes: [
                    SeedQuote(
                        seed: "002", ja: "この指標が低い場合、以下の原因が考えられます。 / 商談の質(BANT情報の精度)に問題がある / 引き継ぎ時の情報共有が不十分 / ターゲット選定の精度に問題がある",
                        en: "When this rate is low, the likely causes are: the quality of opportunities (accuracy of BANT); "
                            + "too little shared at handoff; imprecise choice of targets."),
                    SeedQuote(
                        seed: "004", ja: "成約率が低い場合:引き継ぎ情報が不足している、または提案内容が顧客課題とズレているケースが多い。",
                        en: "When the close rate is low, the handoff information is often lacking or the proposal misses the customer's problem."),
                ])
        }
    }
}
