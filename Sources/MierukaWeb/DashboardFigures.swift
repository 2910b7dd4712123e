import MierukaCore

/// What the dashboard computes for a scope and period before the viewer's rights apply (kept in SharedComputations).
struct DashboardFigures: Sendable {
    struct Day: Sendable {
        var date: LocalDate
        var values: [String: Double]
    }

    struct Week: Sendable {
        var weekStart: LocalDate
        var values: [String: KPIValue]
    }

    /// The scope's own KPI lines.
    var scope: [KPIResult]
    /// The lines of every rep of the scope (the viewer's policy filters them).
    var reps: [KPIResult]
    /// Day by day, for the trend chart.
    var daily: [Day]
}

/// A dashboard computation: whose figures, which days and which KPIs (the answers version is SharedComputations').
struct DashboardKey: Hashable, Sendable {
    var scope: DashboardScope
    var from: LocalDate
    var to: LocalDate
    var through: LocalDate
    var kpis: Set<String>
}

/// The weekly trend: whose figures, the `weeks` weeks up to the one holding `today`, which KPIs.
struct WeeklyKey: Hashable, Sendable {
    var scope: DashboardScope
    var today: LocalDate
    var weeks: Int
    var kpis: Set<String>
}

/// Today's alerts: the targets (whose writes do not change KPI answers, but do change pace alerts) and the minute they
/// are computed as of (seconds since 1970, a multiple of 60); the answers version is SharedComputations'.
struct AlertsKey: Hashable, Sendable {
    var targets: Set<Target>
    var minute: Int64
}

/// The dashboard's phase badge: the scope (nil = the organisation), the month, and the stored inputs that do not change
/// the answers version — the targets and the manager's checklist answers.
struct PhaseKey: Hashable, Sendable {
    var team: String?
    var month: YearMonth
    var targets: Set<Target>
    var answers: Set<PhaseAnswer>
}
