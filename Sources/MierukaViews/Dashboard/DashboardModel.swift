import MierukaCore

/// The morning-meeting page as data: KPI cards by layer, the funnel with its bottleneck, the rep table and the trend series.
public struct DashboardModel: Sendable {
    public let language: Language
    public let title: String
    public let periodLabel: String
    public let from: LocalDate
    public let to: LocalDate
    public let businessDaysElapsed: Int
    public let businessDaysTotal: Int
    public let scope: String
    public let alerts: [DashboardAlert]
    public let cardGroups: [CardGroup]
    public let funnel: Funnel
    /// The KPI the rep table's achievement column measures, if any rep has a target.
    public let repAchievementKPI: String?
    public let repRows: [RepRow]
    public let sort: RepSort
    public let trends: [TrendSeries]
    public let weekly: [WeeklySeries]
    public let periodChoice: DashboardPeriodChoice?
    public let links: DashboardLinks
    public let account: DashboardAccount?
    public let filter: DashboardFilter?
    public let badges: [(label: String, url: String)]

    /// Shown when the caller names no cards: the figures a morning meeting reads, per layer.
    public static let defaultCardKPIs = [
        "calls", "connects", "valid_conversations", "emails_sent", "appointments", "meetings",
        "connect_rate", "valid_conversation_rate", "appointment_rate", "opportunity_rate", "valid_opportunity_rate", "win_rate",
        "won_amount", "pipeline_amount", "avg_deal_size", "cac",
    ]

    public init(_ input: DashboardInput) {
        language = input.language
        title = input.title
        periodLabel = input.periodLabel
        from = input.from
        to = input.to
        businessDaysElapsed = input.businessDaysElapsed
        businessDaysTotal = input.businessDaysTotal
        scope = input.scope
        alerts = input.alerts
        sort = input.sort
        periodChoice = input.periodChoice
        links = input.links
        account = input.account
        filter = input.filter
        badges = input.badges

        let values = DashboardModel.index(input.results, group: input.scope)
        cardGroups = DashboardModel.cards(input, values: values)
        funnel = Funnel(values: values, targets: input.targets, catalog: input.catalog, language: input.language)
        let achievementKPI = input.repAchievementKPI ?? DashboardModel.defaultRepAchievementKPI(input.repTargets)
        repAchievementKPI = achievementKPI
        repRows = RepRow.sorted(RepRow.rows(input, achievementKPI: achievementKPI), by: input.sort)
        trends = ["calls", "appointments"].map { TrendSeries(kpi: $0, input: input) }
        weekly = [("calls", "connect_rate"), ("appointments", "valid_opportunity_rate")].map { WeeklySeries(kpi: $0.0, rateKPI: $0.1, input: input) }
    }

    /// KPI id → value for one group; when no result names the group, the first result per KPI.
    static func index(_ results: [KPIResult], group: String) -> [String: KPIValue] {
        var exact: [String: KPIValue] = [:]
        var any: [String: KPIValue] = [:]
        for r in results {
            if r.group == group, exact[r.kpi] == nil { exact[r.kpi] = r.value }
            if any[r.kpi] == nil { any[r.kpi] = r.value }
        }
        return exact.merging(any, uniquingKeysWith: { e, _ in e })
    }

    static func defaultRepAchievementKPI(_ repTargets: [String: [String: Double]]) -> String? {
        ["appointments", "valid_opportunities", "calls"].first { kpi in repTargets.values.contains { $0[kpi] != nil } }
            ?? repTargets.values.flatMap(\.keys).sorted().first
    }

    static func cards(_ input: DashboardInput, values: [String: KPIValue]) -> [CardGroup] {
        var ids = input.cardKPIs ?? DashboardModel.defaultCardKPIs
        if input.cardKPIs == nil {
            ids += input.targets.keys.sorted().filter { !ids.contains($0) }
        }
        let definitions = ids.compactMap { id -> KPIDefinition? in
            guard values[id] != nil || input.targets[id] != nil else { return nil }
            return input.catalog[id]
        }
        let order = [input.leadingLayer] + KPILayer.allCases.filter { $0 != input.leadingLayer }
        return order.compactMap { layer in
            let cards = definitions.filter { $0.layer == layer }.map { d in
                KPICard(
                    definition: d, value: values[d.id] ?? .undefined, target: input.targets[d.id],
                    elapsed: input.businessDaysElapsed, total: input.businessDaysTotal, language: input.language,
                    daysLeft: input.businessDaysTotal - input.businessDaysElapsed + (input.todayIsOpenBusinessDay ? 1 : 0))
            }
            return cards.isEmpty ? nil : CardGroup(layer: layer, label: layer.label(input.language), cards: cards)
        }
    }
}

/// One layer's cards (行動 / 戦術 / 戦略).
public struct CardGroup: Sendable, Hashable {
    public let layer: KPILayer
    public let label: String
    public let cards: [KPICard]
}

/// One KPI on the page: actual, where it came from, target, achievement, pace, landing and benchmark.
public struct KPICard: Sendable, Hashable {
    public let kpi: String
    public let name: String
    public let kind: KPIKind
    public let unit: KPIUnit
    public let value: KPIValue
    public let actualText: String
    /// "312 / 1,284" for rates and means; nil for counts and sums (the numerator is the figure itself).
    public let detailText: String?
    public let target: Double?
    public let targetText: String?
    public let achievement: Double?
    public let achievementText: String
    /// For counts and sums only.
    public let pace: Double?
    public let paceText: String?
    public let landing: Double?
    public let landingText: String?
    /// Whether the landing reaches the target; nil without one.
    public let landingMeetsTarget: Bool?
    /// What each business day left (today included when open) needs to reach the target: (target − actual) ÷ days left.
    public let todayNeed: Double?
    public let todayNeedText: String?
    public let band: KPIBand?
    public let bandText: String?
    public let judgement: BandJudgement?
    public let tone: Tone

    public init(definition d: KPIDefinition, value: KPIValue, target: Double?, elapsed: Int, total: Int, language: Language, daysLeft: Int = 0) {
        kpi = d.id
        name = d.name(language)
        kind = d.kind
        unit = d.unit
        self.value = value
        actualText = NumberFormat.format(value.value, unit: d.unit)
        detailText = KPICard.detail(value, kind: d.kind, unit: d.unit)
        self.target = target
        targetText = target.map { NumberFormat.format($0, unit: d.unit) }
        achievement = DashboardMath.achievement(actual: value.value, target: target)
        achievementText = achievement.map(NumberFormat.percent) ?? NumberFormat.undefined
        let accumulates = d.kind == .count || d.kind == .sum
        pace = accumulates ? DashboardMath.pace(actual: value.value, target: target, elapsed: elapsed, total: total) : nil
        paceText = accumulates ? (pace.map(NumberFormat.percent) ?? NumberFormat.undefined) : nil
        landing = accumulates ? DashboardMath.landing(actual: value.value, elapsed: elapsed, total: total) : nil
        // A forecast of a count reads as a whole number.
        landingText = accumulates ? NumberFormat.format(landing.map { d.unit == .count ? $0.rounded() : $0 }, unit: d.unit) : nil
        if let landing, let target, target != 0, accumulates {
            landingMeetsTarget = d.prefersLower ? landing <= target : landing >= target
        } else {
            landingMeetsTarget = nil
        }
        if accumulates, !d.prefersLower, let target, daysLeft > 0 {
            let need = max(0, target - (value.value ?? 0)) / Double(daysLeft)
            todayNeed = d.unit == .count ? need.rounded(.up) : need
            todayNeedText = NumberFormat.format(todayNeed, unit: d.unit)
        } else {
            todayNeed = nil
            todayNeedText = nil
        }
        band = d.band
        bandText = d.band.map { BandText.format($0, unit: d.unit) }
        judgement = value.value.flatMap { v in d.band.map { $0.judge(v) } }
        if let judgement {
            tone = DashboardMath.tone(judgement, lowerIsBetter: d.prefersLower)
        } else if let ratio = pace ?? achievement {
            tone = DashboardMath.tone(ratio: ratio, lowerIsBetter: d.prefersLower)
        } else {
            tone = .neutral
        }
    }

    static func detail(_ v: KPIValue, kind: KPIKind, unit: KPIUnit) -> String? {
        switch kind {
        case .count, .sum: return nil
        case .median: return v.denominator.map { "n = " + NumberFormat.grouped($0) }
        case .rate, .mean:
            guard let d = v.denominator else { return nil }
            let n = v.numerator.map { unit == .yen ? NumberFormat.yen($0) : Self.plain($0) } ?? NumberFormat.undefined
            return n + " / " + Self.plain(d)
        }
    }

    static func plain(_ x: Double) -> String { x.rounded() == x ? NumberFormat.grouped(x) : NumberFormat.grouped(x, decimals: 1) }
}

/// Benchmark bands as users read them: 20–30%, ≥ 25%, ≤ ¥500,000.
enum BandText {
    static func format(_ band: KPIBand, unit: KPIUnit) -> String {
        switch (band.low, band.high) {
        case (let low?, let high?):
            return unit == .ratio ? bare(low, unit) + "–" + bare(high, unit) + "%" : bare(low, unit) + "–" + bare(high, unit)
        case (let low?, nil): return "≥ " + bare(low, unit) + (unit == .ratio ? "%" : "")
        case (nil, let high?): return "≤ " + bare(high, unit) + (unit == .ratio ? "%" : "")
        case (nil, nil): return NumberFormat.undefined
        }
    }

    /// A bound without a trailing ".0"; ratios as percentage points.
    static func bare(_ x: Double, _ unit: KPIUnit) -> String {
        switch unit {
        case .yen: return NumberFormat.yen(x)
        case .ratio:
            let p = (x * 1000).rounded() / 10
            return p.rounded() == p ? NumberFormat.grouped(p) : NumberFormat.grouped(p, decimals: 1)
        default: return x.rounded() == x ? NumberFormat.grouped(x) : NumberFormat.grouped(x, decimals: 1)
        }
    }
}
