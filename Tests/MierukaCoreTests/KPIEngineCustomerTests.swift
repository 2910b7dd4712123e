import Foundation
import MierukaCore
import Testing

@Suite("KPI engine: existing customers, hand-computed")
struct KPIEngineCustomerTests {
    static func m(_ month: Int) -> YearMonth { YearMonth(year: 2026, month: month) }

    let customers = [
        // C1 grows in May. C2 churns in May. C3 is dormant in April and comes back in May. C4 is new in May.
        CustomerMonth(customerId: "C1", month: m(4), mrr: 100_000), CustomerMonth(customerId: "C1", month: m(5), mrr: 120_000),
        CustomerMonth(customerId: "C2", month: m(4), mrr: 50_000), CustomerMonth(customerId: "C2", month: m(5), mrr: 0),
        CustomerMonth(customerId: "C3", month: m(4), mrr: 0, dormant: true), CustomerMonth(customerId: "C3", month: m(5), mrr: 30_000, dormant: false),
        CustomerMonth(customerId: "C4", month: m(5), mrr: 40_000),
    ]

    @Test("NRR, expansion share, upsell and win-back for May")
    func may() {
        let v = Fixture.compute(customers: customers)
        #expect(v["nrr"] == .ratio(120_000, 150_000))
        #expect(v["expansion_mrr_share"] == .ratio(20_000, 190_000))
        #expect(v["upsell_rate"] == .ratio(1, 1))  // C2 stopped paying: not continuing
        #expect(v["win_back_rate"] == .ratio(1, 1))
    }

    @Test("LTV = ARPA × margin ÷ monthly churn")
    func ltv() {
        let v = Fixture.compute(customers: customers)
        // Paying in May: C1, C3, C4 → ARPA 190,000 / 3; paying in April: C1, C2; C2 stops → churn 1/2.
        let ltv = try! #require(v["ltv"])
        #expect(abs(ltv.numerator! - 190_000.0 / 3) < 1e-6)
        #expect(ltv.denominator == 0.5)
        #expect(abs(ltv.value! - 380_000.0 / 3) < 1e-6)
        var settings = OrganisationSettings()
        settings.grossMargin = 0.5
        #expect(abs(Fixture.compute(customers: customers, settings: settings)["ltv"]!.value! - 190_000.0 / 3) < 1e-6)
    }

    @Test("customer KPIs exist for org only")
    func orgOnly() {
        let v = Fixture.compute(customers: customers, by: .rep)
        #expect(v.keys.allSatisfy { !$0.hasPrefix("nrr|") && !$0.hasPrefix("ltv|") })
    }
}
