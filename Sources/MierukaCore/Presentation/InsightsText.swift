import Foundation

/// The words of the insights shared by the CLI table and any page: headings, step and slot names, standards and
/// judgements, in Japanese or English. Numbers go through `NumberFormat`.
public enum InsightsText {
    public enum Section: CaseIterable {
        case bottleneck, bestTime, channels, lostDeals, lostLeads, reapproach
    }

    public static func heading(_ report: InsightsReport, _ language: Language) -> String {
        let scope = report.scope == "org" ? (language == .ja ? "全社" : "Organisation") : report.scope
        let last = report.to.adding(days: -1)
        return language == .ja ? "インサイト \(scope) \(report.from)〜\(last)" : "Insights \(scope) \(report.from) – \(last)"
    }

    public static func title(_ section: Section, _ report: InsightsReport, _ language: Language) -> String {
        let ja = language == .ja
        switch section {
        case .bottleneck:
            return ja ? "ボトルネック（目標、なければ目安を最も下回る工程）" : "Bottleneck (the step furthest below its target, or else its benchmark)"
        case .bestTime:
            let minimum = NumberFormat.grouped(Double(report.bestTimeToCall.minimumCalls))
            return ja ? "つながる時間帯（架電のコネクト率、\(minimum)件未満は件数不足）" : "Best time to call (connect rate of calls; under \(minimum) calls = too few)"
        case .channels:
            return ja ? "チャネル別の商談化率（アポ ÷ 対応済みリード、目安は000）" : "Opportunity rate by channel (appointments ÷ worked leads; benchmarks from seed 000)"
        case .lostDeals:
            return ja ? "失注理由（期間内に失注した商談）" : "Lost reasons (deals lost in the period)"
        case .lostLeads:
            return ja ? "不適格の理由（期間内に対応し、不適格となったリード）" : "Disqualification reasons (leads worked in the period, now disqualified)"
        case .reapproach:
            let months = ReapproachList.waitMonths
            return ja
                ? "再アプローチ（\(report.reapproach.asOf)時点、最終接触から\(months)か月）"
                : "Re-approach (as of \(report.reapproach.asOf), \(months) months after the last touch)"
        }
    }

    /// "架電数 → コネクト数".
    public static func stepLabel(_ step: FunnelStep, _ language: Language) -> String {
        name(step.fromKPI, language) + " → " + name(step.toKPI, language)
    }

    /// "目標 40.0%" / "目安 20.0%"; — without one.
    public static func standard(_ figure: FunnelDiagnosis.StepFigure, _ language: Language) -> String {
        guard let s = figure.standard else { return NumberFormat.undefined }
        let word: String
        switch (s.source, language) {
        case (.target, .ja): word = "目標"
        case (.benchmark, .ja): word = "目安"
        case (.target, .en): word = "target"
        case (.benchmark, .en): word = "benchmark"
        }
        return word + " " + NumberFormat.percent(s.value)
    }

    /// "有効会話数 → アポイント獲得数 10.0%（目安 15.0%を33.3%下回る）".
    public static func bottleneck(_ figure: FunnelDiagnosis.StepFigure, _ language: Language) -> String {
        let rate = figure.rate.map(NumberFormat.percent) ?? NumberFormat.undefined
        let gap = figure.shortfall.map(NumberFormat.percent) ?? NumberFormat.undefined
        return language == .ja
            ? "\(stepLabel(figure.step, language)) \(rate)（\(standard(figure, language))を\(gap)下回る）"
            : "\(stepLabel(figure.step, language)) \(rate) (\(gap) below its \(standard(figure, language)))"
    }

    public static func noBottleneck(_ language: Language) -> String {
        language == .ja ? "目標・目安を下回る工程はありません" : "No step is below its target or benchmark"
    }

    /// "10時台" / "10:00".
    public static func hour(_ hour: Int, _ language: Language) -> String {
        language == .ja ? "\(hour)時台" : String(format: "%02d:00", hour)
    }

    /// ISO weekday 1 (Monday) – 7: "月曜" / "Mon".
    public static func weekday(_ day: Int, _ language: Language) -> String {
        let ja = ["月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜"], en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        guard (1...7).contains(day) else { return "\(day)" }
        return language == .ja ? ja[day - 1] : en[day - 1]
    }

    public static func tooFew(_ language: Language) -> String { language == .ja ? "件数不足" : "too few" }

    /// "おすすめ: 10時台, 13時台 / 曜日: 火曜"; says so when no slot has enough calls.
    public static func best(_ t: BestTimeToCall, _ language: Language) -> String {
        let ja = language == .ja
        guard !t.bestHours.isEmpty else {
            return ja ? "件数の足りる時間帯がなく、おすすめは出せません" : "No hour has enough calls to name the best"
        }
        var text = (ja ? "おすすめの時間帯: " : "Best hours: ") + t.bestHours.map { hour($0, language) }.joined(separator: ", ")
        if let day = t.bestWeekday { text += (ja ? " / 曜日: " : " / weekday: ") + weekday(day, language) }
        if let overall = t.rate { text += (ja ? "（全体 " : " (overall ") + NumberFormat.percent(overall) + (ja ? "）" : ")") }
        return text
    }

    /// The lead channel in words: 資料請求, 展示会, … ; other values as recorded; nil = not found.
    public static func channel(_ channel: String?, _ language: Language) -> String {
        guard let channel else { return language == .ja ? "(不明)" : "(unknown)" }
        let ja: [String: String] = [
            "document_request": "資料請求", "trade_show": "展示会", "seminar": "セミナー", "web_inquiry": "問い合わせ", "outbound_list": "リスト",
            "referral": "紹介", "dormant": "休眠掘り起こし", "existing_customer": "既存顧客", "unknown": "リードなし",
        ]
        return language == .ja ? ja[channel] ?? channel : channel
    }

    /// "10.0%–30.0%"; "目安なし" when the seed gives none.
    public static func band(_ band: KPIBand?, _ language: Language) -> String {
        guard let band else { return language == .ja ? "目安なし" : "no benchmark" }
        switch (band.low, band.high) {
        case let (low?, high?): return NumberFormat.percent(low) + "–" + NumberFormat.percent(high)
        case let (low?, nil): return "≥ " + NumberFormat.percent(low)
        case let (nil, high?): return "≤ " + NumberFormat.percent(high)
        case (nil, nil): return NumberFormat.undefined
        }
    }

    /// "▼ 下回る" / "● 目安内" / "▲ 上回る"; — without a judgement.
    public static func judgement(_ judgement: BandJudgement?, _ language: Language) -> String {
        guard let judgement else { return NumberFormat.undefined }
        let ja = language == .ja
        switch judgement {
        case .below: return judgement.symbol + (ja ? " 下回る" : " below")
        case .within: return judgement.symbol + (ja ? " 目安内" : " within")
        case .above: return judgement.symbol + (ja ? " 上回る" : " above")
        }
    }

    public static func reason(_ reason: String?, _ language: Language) -> String {
        reason ?? (language == .ja ? "(未記入)" : "(not recorded)")
    }

    public static func basis(_ basis: ReapproachList.Basis, _ language: Language) -> String {
        switch (basis, language) {
        case (.lostOpportunity, .ja): return "失注"
        case (.disqualified, .ja): return "不適格"
        case (.dormant, .ja): return "休眠"
        case (.lostOpportunity, .en): return "lost deal"
        case (.disqualified, .en): return "disqualified"
        case (.dormant, .en): return "dormant"
        }
    }

    public static func nothing(_ language: Language) -> String { language == .ja ? "該当なし" : "None" }

    static func name(_ kpi: String, _ language: Language) -> String { KPICatalog.standard[kpi]?.name(language) ?? kpi }
}
