/// The words of a plan shared by the CLI table and the plan page: each step's name, the rate used with its source,
/// and the plan's heading, in Japanese or English.
public enum PlanText {
    public static func heading(_ plan: KGIPlan, repNames: Bool = true, _ language: Language) -> String {
        let ja = language == .ja
        let scope = plan.scope == "org" ? (ja ? "全社" : "Organisation") : plan.scope
        let goal = KPICatalog.standard[plan.kgi.kpi].map { "\($0.name(language)) \(amount(plan.kgi.amount, kpi: plan.kgi.kpi))" } ?? plan.kgi.description
        return ja ? "計画 \(plan.month) \(scope) — KGI: \(goal)" : "Plan \(plan.month) \(scope) — KGI: \(goal)"
    }

    public static func basis(_ plan: KGIPlan, _ language: Language) -> String {
        let heads = NumberFormat.grouped(plan.headCount, decimals: plan.headCount.rounded() == plan.headCount ? 0 : 1)
        return language == .ja
            ? "営業日 \(plan.businessDays)日 · 稼働人数 \(heads)人（SDR・BDR・ISR。入社初月は70%で計算）"
            : "\(plan.businessDays) business days · \(heads) reps (SDR, BDR, ISR; a rep's first month counts 70 %)"
    }

    public static func stepName(_ kpi: String, _ language: Language) -> String { KPICatalog.standard[kpi]?.name(language) ?? kpi }

    /// A step's amount: yen for revenue, a whole number otherwise.
    public static func amount(_ value: Double, kpi: String) -> String {
        kpi == "won_amount" ? NumberFormat.yen(value) : NumberFormat.grouped(value)
    }

    /// "コネクト率 25.0%（目安 20–30 % (002)）" / "Connect rate 30.0% (history: 3 months, 1,000 cases)".
    public static func rate(_ rate: PlanRate, _ language: Language) -> String {
        let ja = language == .ja
        let name = stepName(rate.kpi, language)
        let value = KPICatalog.standard[rate.kpi]?.unit == .yen ? NumberFormat.yen(rate.value) : NumberFormat.percent(rate.value)
        let source: String
        switch rate.source {
        case .history:
            let months = rate.months ?? 0, sample = NumberFormat.grouped(rate.sample ?? 0)
            source = ja ? "実績: 直近\(months)か月・\(sample)件" : "history: last \(months) months, \(sample) cases"
        case .benchmark:
            source = (ja ? "目安（実績が少ないため）: " : "benchmark (too little history): ") + (rate.note ?? "")
        case .manual:
            source = ja ? "手入力" : "entered"
        }
        return ja ? "\(name) \(value)（\(source)）" : "\(name) \(value) (\(source))"
    }

    public static func missing(_ kpi: String, _ language: Language) -> String {
        language == .ja
            ? "\(stepName(kpi, language))（\(kpi)）の実績も目安もないため、ここで計画が止まりました。--rate \(kpi)=値 で指定してください。"
            : "The plan stops here: no history and no benchmark for \(stepName(kpi, language)) (\(kpi)). Give it with --rate \(kpi)=VALUE."
    }
}
