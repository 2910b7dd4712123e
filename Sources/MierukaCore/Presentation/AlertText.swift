/// An alert as one sentence that says what is wrong and what to do, in Japanese or English.
public enum AlertText {
    public static func sentence(_ a: Alert, repNames: [String: String], language: Language) -> String {
        let ja = language == .ja
        let who: String
        switch a.scope {
        case .org: who = a.group ?? (ja ? "全社" : "Organisation")
        case .team: who = a.group ?? ""
        case .rep: who = a.group.map { id in repNames[id].map { "\($0) (\(id))" } ?? id } ?? (ja ? "担当なし" : "No rep")
        }
        let unassigned = a.scope == .org && a.group == nil && (a.kind == .slaBreach || a.kind == .followUpOverdue)
        let subject = unassigned ? (ja ? "担当者未割当" : "Unassigned") : who
        let count = NumberFormat.grouped(a.value ?? 0)
        switch a.kind {
        case .behindPace:
            let name = KPICatalog.standard[a.kpi ?? ""]?.name(language) ?? a.kpi ?? ""
            let pace = a.value.map(NumberFormat.percent) ?? NumberFormat.undefined
            return ja ? "\(subject): \(name)が目標ラインの\(pace)です。残りの営業日で取り戻す計画を。"
                : "\(subject): \(name) is at \(pace) of its pace to the target. Plan how the remaining business days catch up."
        case .slaBreach:
            return ja ? "\(subject): SLA内に初回対応していない反響リードが\(count)件あります。今すぐ架電を。"
                : "\(subject): \(count) inbound lead(s) past the first-response SLA and not contacted. Call them now."
        case .lowValidOpportunityRate:
            let rate = a.value.map(NumberFormat.percent) ?? NumberFormat.undefined
            return ja ? "\(subject): 有効商談率が\(rate)（50%未満）。アポの質（決裁者・課題・時期・予算）を見直しを。"
                : "\(subject): valid opportunity rate \(rate) (below 50 %). Review the appointment criteria (decision maker, problem, timing, budget)."
        case .followUpOverdue:
            return ja ? "\(subject): 次回フォロー日を過ぎたリードが\(count)件あります。"
                : "\(subject): \(count) lead(s) past their follow-up date."
        case .noActivityByNoon:
            return ja ? "\(subject): 正午を過ぎても今日の活動がありません。" : "\(subject): no activity today and it is past noon."
        }
    }
}
