import Foundation
import MierukaCore
import Testing

@Suite("Insights: conversion by lead channel against the seed's channel benchmarks, hand-computed")
struct InsightsChannelTests {
    static let may = Period(from: Fixture.d("2026-05-01"), to: Fixture.d("2026-06-01"), timeZone: Fixture.tokyo)

    /// `count` leads of `channel`, each called once in May by `rep`.
    static func worked(_ channel: String, _ count: Int, rep: String = "R1") -> (leads: [Lead], calls: [Activity]) {
        let leads = (0..<count).map { Lead(id: "\(channel)-\($0)", channel: channel, createdAt: Fixture.t("2026-04-20 10:00"), assignedTo: rep) }
        let calls = leads.map { Fixture.call("call-\($0.id)", $0.id, rep, "2026-05-11 10:00") }
        return (leads, calls)
    }

    static func appointment(_ id: String, lead: String, by rep: String = "R1") -> Opportunity {
        Opportunity(id: id, leadId: lead, createdBy: rep, createdAt: Fixture.t("2026-05-12 10:00"))
    }

    /// 資料請求 10 worked, 2 appointments (20 %: within 10–30); 展示会 20 worked, 0 (0 %: below 1–5); セミナー 4 worked,
    /// 1 appointment (25 %: above 5–10) plus one set by R3, who has no team; 紹介 2 worked, 1 (50 %, no benchmark);
    /// a web inquiry never worked and never booked (left out).
    static var facts: KPIFacts {
        let parts = [worked("document_request", 10), worked("trade_show", 20), worked("seminar", 4), worked("referral", 2)]
        let idle = Lead(id: "idle", channel: "web_inquiry", createdAt: Fixture.t("2026-05-02 10:00"))
        let opportunities = [
            appointment("O1", lead: "document_request-0"), appointment("O2", lead: "document_request-1"),
            appointment("O3", lead: "seminar-0"), appointment("O4", lead: "referral-0"), appointment("O5", lead: "seminar-1", by: "R3"),
        ]
        return KPIFacts(reps: Fixture.reps, leads: parts.flatMap(\.leads) + [idle], activities: parts.flatMap(\.calls), opportunities: opportunities)
    }

    @Test("opportunity rate per channel = appointments ÷ worked leads, judged against 資料請求 10–30 %, 展示会 1–5 %, セミナー 5–10 %")
    func organisation() throws {
        let c = ChannelConversion(facts: Self.facts, period: Self.may, engine: KPIEngine())
        #expect(c.rows.map(\.channel) == ["trade_show", "document_request", "seminar", "referral"])
        #expect(c.rows.map(\.leadsWorked) == [20, 10, 4, 2])
        #expect(c.rows.map(\.appointments) == [0, 2, 2, 1])
        #expect(c.rows.map(\.rate) == [0, 0.2, 0.5, 0.5])
        #expect(c.rows.map(\.judgement) == [.below, .within, .above, nil])
        #expect(c.rows[0].band == KPIBand(low: 0.01, high: 0.05))
        // A channel the seed gives no range for says so: no band, no judgement.
        #expect(c.rows[3].band == nil)
    }

    @Test("a team: its reps' worked leads and the appointments they set")
    func team() {
        let c = ChannelConversion(facts: Self.facts, period: Self.may, engine: KPIEngine(), reps: ["R1", "R2"])
        let seminar = c.rows.first { $0.channel == "seminar" }
        #expect(seminar?.appointments == 1 && seminar?.rate == 0.25 && seminar?.judgement == .above)
    }

    @Test("the channel ranges are the ones the catalog's opportunity_rate states")
    func sameAsCatalog() throws {
        let text = try #require(KPICatalog.standard["opportunity_rate"]?.benchmark)
        let names = ["document_request": "資料請求", "trade_show": "展示会", "seminar": "セミナー"]
        for (channel, band) in ChannelBenchmark.bands {
            let range = "\(Int((band.low! * 100).rounded()))–\(Int((band.high! * 100).rounded())) %"
            #expect(text.contains("\(names[channel]!) \(range)"), "\(channel): \(range)")
        }
        #expect(ChannelBenchmark.band(for: "web_inquiry") == nil && ChannelBenchmark.band(for: nil) == nil)
    }
}
