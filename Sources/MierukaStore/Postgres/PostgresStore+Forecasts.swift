import Foundation
import MierukaCore

extension PostgresStore {
    public func recordForecasts(_ snapshots: [ForecastSnapshot]) async throws -> Int {
        guard !snapshots.isEmpty else { return 0 }
        return try await transaction {
            var added = 0
            for s in snapshots {
                added += Int(
                    try await self.scalar(
                        """
                        WITH i AS (
                          INSERT INTO forecasts (kpi, group_name, period_from, period_to, made_on, actual, landing)
                          VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1)
                        SELECT COUNT(*) FROM i
                        """,
                        [.text(s.kpi), .text(s.group), .text(s.periodFrom.description), .text(s.periodTo.description), .text(s.madeOn.description),
                         .double(s.actual), .double(s.landing)]))
            }
            return added
        }
    }

    public func hasForecasts(from: LocalDate, to: LocalDate, madeOn day: LocalDate) async throws -> Bool {
        let found = try await rows(
            "SELECT 1 FROM forecasts WHERE period_from = $1 AND period_to = $2 AND made_on = $3 LIMIT 1",
            [.text(from.description), .text(to.description), .text(day.description)]) { _ in true }
        return !found.isEmpty
    }

    public func forecasts(kpi: String, group: String, from: LocalDate, to: LocalDate) async throws -> [ForecastSnapshot] {
        try await rows(
            "SELECT made_on, actual, landing FROM forecasts WHERE kpi = $1 AND group_name = $2 AND period_from = $3 AND period_to = $4 ORDER BY made_on",
            [.text(kpi), .text(group), .text(from.description), .text(to.description)]
        ) { c in
            guard let day = c[0].text.flatMap({ LocalDate($0) }), let actual = c[1].double, let landing = c[2].double else { return nil }
            return ForecastSnapshot(kpi: kpi, group: group, periodFrom: from, periodTo: to, madeOn: day, actual: actual, landing: landing)
        }
    }
}
