import MierukaCore

@testable import MierukaViews

/// The sketch's team in June 2026, 12 of 22 business days gone; every figure below is checked by hand in the tests.
enum DashboardFixture {
    static let from = LocalDate(year: 2026, month: 6, day: 1)
    static let to = LocalDate(year: 2026, month: 7, day: 1)

    static func result(_ kpi: String, _ group: String, _ value: KPIValue) -> KPIResult {
        KPIResult(kpi: kpi, group: group, from: from, to: to, value: value)
    }

    /// calls 1,234 → connects 312 → valid 158 → appointments 22 → meetings 17 → wins 4.
    static let org: [KPIResult] = [
        result("calls", "org", .total(1234)),
        result("connects", "org", .total(312)),
        result("valid_conversations", "org", .total(158)),
        result("emails_sent", "org", .total(640)),
        result("appointments", "org", .total(22)),
        result("meetings", "org", .total(17)),
        result("wins", "org", .total(4)),
        result("connect_rate", "org", .ratio(312, 1234)),
        result("valid_conversation_rate", "org", .ratio(158, 312)),
        result("appointment_rate", "org", .ratio(22, 158)),
        result("valid_opportunity_rate", "org", .ratio(8, 17)),
        result("win_rate", "org", .undefined),
        result("won_amount", "org", .total(850_000)),
        result("cac", "org", KPIValue(numerator: 2_400_000, denominator: 4, value: 600_000)),
    ]

    static func rep(_ id: String, calls: Double, connects: Double, appointments: Double, valid: Double, meetings: Double, won: Double) -> [KPIResult]
    {
        [
            result("calls", id, .total(calls)),
            result("connects", id, .total(connects)),
            result("connect_rate", id, .ratio(connects, calls)),
            result("appointments", id, .total(appointments)),
            result("valid_opportunities", id, .total(valid)),
            result("valid_opportunity_rate", id, .ratio(valid, meetings)),
            result("won_amount", id, .total(won)),
        ]
    }

    static let byRep: [KPIResult] =
        rep("r1", calls: 125, connects: 37, appointments: 4, valid: 2, meetings: 4, won: 300_000)
        + rep("r2", calls: 142, connects: 39, appointments: 6, valid: 1, meetings: 3, won: 550_000)
        + rep("r3", calls: 0, connects: 0, appointments: 0, valid: 0, meetings: 0, won: 0)

    static let names = ["r1": "佐藤", "r2": "鈴木", "r3": "<script>alert(1)</script>"]

    static func input(language: Language = .ja, title: String = "インサイドセールス1課", sort: RepSort = RepSort(), elapsed: Int = 12) -> DashboardInput {
        DashboardInput(
            language: language, title: title, from: from, to: to, periodLabel: language == .ja ? "2026年6月" : "June 2026",
            businessDaysElapsed: elapsed, businessDaysTotal: 22, results: org, byRep: byRep, repNames: names,
            targets: ["calls": 2100, "appointments": 40, "emails_sent": 0],
            daily: [
                (LocalDate(year: 2026, month: 6, day: 1), ["calls": 100, "appointments": 2]),
                (LocalDate(year: 2026, month: 6, day: 2), ["calls": 120, "appointments": 1]),
                (LocalDate(year: 2026, month: 6, day: 3), ["calls": 90]),
            ],
            alerts: [DashboardAlert(severity: .warning, message: "有効商談率 47.1% < 50% \"注意\"")],
            links: .relative(from: from, to: to, language: language, sort: sort),
            repTargets: ["r1": ["appointments": 8], "r2": ["appointments": 5]],
            sort: sort, periodChoice: .month)
    }
}
