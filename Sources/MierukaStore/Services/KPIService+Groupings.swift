import Foundation
import MierukaCore

extension KPIService {
    /// The KPIs named in `only` over `[from, to)` by each grouping asked, from one read of the facts: services that
    /// compare many months (phase diagnosis, SMART) read each month once instead of once per grouping.
    public func compute(from: LocalDate, to: LocalDate, groupings: Set<KPIGrouping>, only: Set<String>?) async throws
        -> [KPIGrouping: [KPIResult]]
    {
        let answers = try await KPIAnswers(store: store)
        let period = answers.engine.period(from: from, to: to)
        var out: [KPIGrouping: [KPIResult]] = [:]
        for grouping in groupings { out[grouping] = try await answers.compute(period, grouping: grouping, only: only) }
        return out
    }
}
