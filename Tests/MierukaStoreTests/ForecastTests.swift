import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import Testing

@Suite("Recorded forecasts and forecast_accuracy")
struct ForecastTests {
    @Test("a day's first computation records the landing once; a closed month's forecast_accuracy uses the mid-month one")
    func snapshotsAndAccuracy() async throws {
        try await TestFixtures.withFreshStore { store in
            let sources = try ImportSource.resolve(paths: [try TestFixtures.golden() + "/data"], mappings: [])
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            let service = ForecastService(store: store)
            let may = (LocalDate("2026-05-01")!, LocalDate("2026-06-01")!)
            let before = try await KPIService(store: store).compute(from: may.0, to: may.1, by: .org, only: ["forecast_accuracy"])

            let first = try await service.snapshotIfNeeded(today: LocalDate("2026-05-15")!)
            let again = try await service.snapshotIfNeeded(today: LocalDate("2026-05-15")!)
            let later = try await service.snapshotIfNeeded(today: LocalDate("2026-05-20")!)
            let recorded = try await store.forecasts(kpi: "won_amount", group: "org", from: may.0, to: may.1)
            let after = try await KPIService(store: store).compute(from: may.0, to: may.1, by: .org, only: ["forecast_accuracy", "won_amount"])

            #expect(before.first?.value.value == nil)  // no forecast recorded: undefined
            #expect(first > 0 && again == 0 && later > 0)
            #expect(recorded.map(\.madeOn.description) == ["2026-05-15", "2026-05-20"])
            // On the 15th, 8 of May's 18 business days had passed (1, 7, 8, 11–15 May): landing = actual so far ÷ 8 × 18.
            let so = try await KPIService(store: store).compute(from: may.0, to: LocalDate("2026-05-16")!, by: .org, only: ["won_amount"])[0].value.value!
            #expect(abs(recorded[0].landing - so / 8 * 18) < 1e-6)
            let actual = try #require(after.first { $0.kpi == "won_amount" }?.value.value)
            let accuracy = try #require(after.first { $0.kpi == "forecast_accuracy" }?.value.value)
            #expect(abs(accuracy - (1 - abs(recorded[0].landing - actual) / actual)) < 1e-9)
        }
    }

    @Test("the month's forecast report: landing and pace against the month's targets")
    func report() async throws {
        let db = try await TestFixtures.importedGoldenStore()
        let report = try await ForecastService(store: db).forecast(month: YearMonth(year: 2026, month: 5), team: nil, today: LocalDate("2026-05-15")!,
                                                                   only: ["calls", "connect_rate"])
        #expect(report.businessDaysElapsed == 8 && report.businessDaysTotal == 18)
        let calls = try #require(report.lines.first { $0.kpi == "calls" })
        #expect(abs(calls.landing! - calls.actual! / 8 * 18) < 1e-9)
        #expect(report.lines.first { $0.kpi == "connect_rate" }?.landing == nil)
    }
}
