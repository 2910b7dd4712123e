import Foundation
import MierukaCore

/// Everything the morning-meeting dashboard shows, already computed by the engine and the store: the page does no I/O.
public struct DashboardInput: Sendable {
    public var language: Language
    /// e.g. "インサイドセールス1課" or "全社".
    public var title: String
    /// The period [from, to).
    public var from: LocalDate
    public var to: LocalDate
    /// e.g. "2026年6月" / "June 2026".
    public var periodLabel: String
    public var businessDaysElapsed: Int
    public var businessDaysTotal: Int
    /// Every KPI for the scope for the period (group = `scope`).
    public var results: [KPIResult]
    /// Every KPI grouped by rep for the same period (only reps the viewer may see).
    public var byRep: [KPIResult]
    /// Rep id → name.
    public var repNames: [String: String]
    /// KPI id → target for this scope and period.
    public var targets: [String: Double]
    /// Per day of the period so far: calls, appointments, … (for the trend chart).
    public var daily: [(date: LocalDate, values: [String: Double])]
    public var alerts: [DashboardAlert]
    public var links: DashboardLinks

    /// The group the figures are for: "org", a team or a rep id (used for drill-down links).
    public var scope: String
    /// Rep id → KPI id → target, for the achievement column of the rep table.
    public var repTargets: [String: [String: Double]]
    /// The KPI the rep table's achievement column measures; nil = the first of appointments, valid opportunities, calls with a rep target.
    public var repAchievementKPI: String?
    /// How the rep table is sorted (from `?sort=calls&dir=desc`).
    public var sort: RepSort
    /// Which switcher entry is the current period, if any.
    public var periodChoice: DashboardPeriodChoice?
    /// The layer shown first: action in 立ち上げ期, tactical in 成長期, strategic in 成熟期 (seed 002).
    public var leadingLayer: KPILayer
    /// The KPIs shown as cards; nil = `DashboardModel.defaultCardKPIs` plus every KPI with a target.
    public var cardKPIs: [String]?
    public var catalog: KPICatalog
    /// The logged-in user, shown in the header with a logout form carrying the session's CSRF token.
    public var account: DashboardAccount?
    /// The filter form (custom period, team, rep); nil shows none.
    public var filter: DashboardFilter?
    /// Whether today is a business day inside the period: then "today's need" counts today among the days left.
    public var todayIsOpenBusinessDay: Bool = false
    /// The scope's last weeks (oldest first): week start → KPI values, for the weekly chart.
    public var weekly: [(weekStart: LocalDate, values: [String: KPIValue])] = []
    /// Short facts shown under the title with a link (the phase, …): (label, url).
    public var badges: [(label: String, url: String)] = []

    public init(
        language: Language = .ja, title: String, from: LocalDate, to: LocalDate, periodLabel: String,
        businessDaysElapsed: Int, businessDaysTotal: Int, results: [KPIResult], byRep: [KPIResult] = [],
        repNames: [String: String] = [:], targets: [String: Double] = [:],
        daily: [(date: LocalDate, values: [String: Double])] = [], alerts: [DashboardAlert] = [],
        links: DashboardLinks = .relative(), scope: String = "org", repTargets: [String: [String: Double]] = [:],
        repAchievementKPI: String? = nil, sort: RepSort = RepSort(), periodChoice: DashboardPeriodChoice? = nil,
        leadingLayer: KPILayer = .action, cardKPIs: [String]? = nil, catalog: KPICatalog = .standard, account: DashboardAccount? = nil,
        filter: DashboardFilter? = nil
    ) {
        self.account = account
        self.filter = filter
        self.language = language
        self.title = title
        self.from = from
        self.to = to
        self.periodLabel = periodLabel
        self.businessDaysElapsed = businessDaysElapsed
        self.businessDaysTotal = businessDaysTotal
        self.results = results
        self.byRep = byRep
        self.repNames = repNames
        self.targets = targets
        self.daily = daily
        self.alerts = alerts
        self.links = links
        self.scope = scope
        self.repTargets = repTargets
        self.repAchievementKPI = repAchievementKPI
        self.sort = sort
        self.periodChoice = periodChoice
        self.leadingLayer = leadingLayer
        self.cardKPIs = cardKPIs
        self.catalog = catalog
    }
}

/// Who is logged in, for the header.
public struct DashboardAccount: Sendable, Hashable {
    public var login: String
    public var roleLabel: String
    public var csrf: String
    public var logoutPath: String
    /// Other pages of the product shown beside the account: (label, path).
    public var pages: [(label: String, path: String)]

    public static func == (a: DashboardAccount, b: DashboardAccount) -> Bool {
        a.login == b.login && a.roleLabel == b.roleLabel && a.csrf == b.csrf && a.logoutPath == b.logoutPath && a.pages.map(\.path) == b.pages.map(\.path)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(login) }

    public init(login: String, roleLabel: String, csrf: String, logoutPath: String = "/logout", pages: [(label: String, path: String)] = []) {
        self.pages = pages
        self.login = login
        self.roleLabel = roleLabel
        self.csrf = csrf
        self.logoutPath = logoutPath
    }
}

/// One alert line at the top of the page, worded by the caller.
public struct DashboardAlert: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case info, warning, critical
        /// A symbol as well as a colour.
        public var symbol: String {
            switch self {
            case .info: return "ℹ"
            case .warning: return "⚠"
            case .critical: return "‼"
            }
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the alert's records are, if anywhere.
    public var url: String?

    public init(severity: Severity, message: String, url: String? = nil) {
        self.severity = severity
        self.message = message
        self.url = url
    }
}

/// The period switcher's entries: 日 | 週 | 月 | 四半期 | 年度.
public enum DashboardPeriodChoice: String, Sendable, Hashable, CaseIterable {
    case today, week, month, quarter
    case fiscalYear = "fiscal_year"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.today, .ja): return "今日"
        case (.week, .ja): return "今週"
        case (.month, .ja): return "今月"
        case (.quarter, .ja): return "今四半期"
        case (.fiscalYear, .ja): return "今年度"
        case (.today, .en): return "Today"
        case (.week, .en): return "This week"
        case (.month, .en): return "This month"
        case (.quarter, .en): return "This quarter"
        case (.fiscalYear, .en): return "Fiscal year"
        }
    }
}

/// How the page builds its URLs; the web layer supplies these so the view knows no routes.
public struct DashboardLinks: Sendable {
    /// The records behind a figure: (KPI id, group) → URL.
    public var records: @Sendable (_ kpi: String, _ group: String) -> String
    /// The same page for another period.
    public var period: @Sendable (DashboardPeriodChoice) -> String
    /// The same page in another language.
    public var language: @Sendable (Language) -> String
    /// The same page with the rep table sorted another way.
    public var sort: @Sendable (RepSort) -> String

    public init(
        records: @escaping @Sendable (_ kpi: String, _ group: String) -> String,
        period: @escaping @Sendable (DashboardPeriodChoice) -> String,
        language: @escaping @Sendable (Language) -> String,
        sort: @escaping @Sendable (RepSort) -> String
    ) {
        self.records = records
        self.period = period
        self.language = language
        self.sort = sort
    }

    /// Same-host relative URLs: `/records?kpi=…&group=…&from=…&to=…` and `/dashboard?period=…&lang=…&sort=…&dir=…`.
    public static func relative(
        page: String = "/dashboard", recordsPath: String = "/records", from: LocalDate? = nil, to: LocalDate? = nil,
        period: DashboardPeriodChoice? = .month, language: Language = .ja, sort: RepSort = RepSort(), filters: [(String, String)] = []
    ) -> DashboardLinks {
        // The team / rep chosen (and a custom period) stay on every link of the page.
        let kept = filters
        @Sendable func query(_ items: [(String, String?)]) -> String {
            let keptItems: [(String, String?)] = kept.map { ($0.0, $0.1) }
            return (items + keptItems).compactMap { key, value in value.map { key + "=" + encode($0) } }.joined(separator: "&")
        }
        return DashboardLinks(
            records: { kpi, group in
                recordsPath + "?" + query([("kpi", kpi), ("group", group), ("from", from?.description), ("to", to?.description)])
            },
            period: { p in
                page + "?"
                    + query([("period", p.rawValue), ("lang", language.rawValue), ("sort", sort.key.rawValue), ("dir", sort.direction.rawValue)])
            },
            language: { l in
                page + "?"
                    + query([("period", period?.rawValue), ("lang", l.rawValue), ("sort", sort.key.rawValue), ("dir", sort.direction.rawValue)])
            },
            sort: { s in
                page + "?"
                    + query([("period", period?.rawValue), ("lang", language.rawValue), ("sort", s.key.rawValue), ("dir", s.direction.rawValue)])
            }
        )
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    public static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

/// The rep table's sort: a column and a direction, read from `?sort=calls&dir=desc`.
public struct RepSort: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case name, calls, achievement
        case connectRate = "connect_rate"
        case appointments
        case validOpportunityRate = "valid_opportunity_rate"
        case wonAmount = "won_amount"
    }

    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case asc, desc
        public var flipped: Direction { self == .asc ? .desc : .asc }
    }

    public var key: Key
    public var direction: Direction

    public init(key: Key = .calls, direction: Direction = .desc) {
        self.key = key
        self.direction = direction
    }

    /// From the query parameters; unknown values fall back to calls, descending (names: ascending).
    public init(sort: String?, dir: String?) {
        let key = sort.flatMap(Key.init(rawValue:)) ?? .calls
        self.init(key: key, direction: dir.flatMap(Direction.init(rawValue:)) ?? (key == .name ? .asc : .desc))
    }
}
