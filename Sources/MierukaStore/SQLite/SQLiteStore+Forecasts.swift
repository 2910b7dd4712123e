import Foundation
import MierukaCore
import SQLiteKit

extension SQLiteStore {
    public func recordForecasts(_ snapshots: [ForecastSnapshot]) async throws -> Int {
        guard !snapshots.isEmpty else { return 0 }
        return try await transaction {
            var added = 0
            for s in snapshots {
                let binds: [SQLiteData] = [.text(s.kpi), .text(s.group), .text(s.periodFrom.description), .text(s.periodTo.description),
                                           .text(s.madeOn.description), .float(s.actual), .float(s.landing)]
                let before = try await self.scalar("SELECT total_changes()")
                try await self.exec("INSERT OR IGNORE INTO main.forecasts VALUES (?, ?, ?, ?, ?, ?, ?)", binds)
                added += Int(try await self.scalar("SELECT total_changes()") - before)
            }
            return added
        }
    }

    public func hasForecasts(from: LocalDate, to: LocalDate, madeOn day: LocalDate) async throws -> Bool {
        let found = try await rows("SELECT 1 FROM main.forecasts WHERE period_from = ? AND period_to = ? AND made_on = ? LIMIT 1",
                                   [.text(from.description), .text(to.description), .text(day.description)]) { _ in true }
        return !found.isEmpty
    }

    public func forecasts(kpi: String, group: String, from: LocalDate, to: LocalDate) async throws -> [ForecastSnapshot] {
        try await rows(
            "SELECT made_on, actual, landing FROM main.forecasts WHERE kpi = ? AND group_name = ? AND period_from = ? AND period_to = ? ORDER BY made_on",
            [.text(kpi), .text(group), .text(from.description), .text(to.description)]
        ) { c in
            guard let day = c[0].string.flatMap({ LocalDate($0) }), let actual = c[1].double, let landing = c[2].double else { return nil }
            return ForecastSnapshot(kpi: kpi, group: group, periodFrom: from, periodTo: to, madeOn: day, actual: actual, landing: landing)
        }
    }
}
