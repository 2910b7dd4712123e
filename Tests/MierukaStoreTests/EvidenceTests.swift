import Foundation
import MierukaCore
import MierukaStore
import Testing

/// The drill-down lists exactly what a figure counted: on the golden data, for every KPI, grouping and group, the records
/// the evidence lists add up to the figure's numerator and denominator, and every record resolves to a stored row.
@Suite("Drill-down evidence")
struct EvidenceTests {
    @Test("records add up to every figure", arguments: [KPIGrouping.org, .rep, .team, .channel])
    func addsUp(grouping: KPIGrouping) async throws {
        // setup
        let db = try await TestFixtures.importedGoldenStore()
        let engine = KPIEngine(settings: try await db.settings())
        let period = engine.period(from: LocalDate(year: 2026, month: 4, day: 1), to: LocalDate(year: 2026, month: 7, day: 1))
        let facts = try await db.facts(for: period)
        let rows = CountedRecordRows(facts: facts, timeZone: engine.settings.timeZone)
        let figures = engine.compute(facts, period: period, grouping: grouping)
        var problems: [String] = []
        var checked = 0

        for figure in figures {
            // MUT
            let evidence = engine.evidence(of: figure.kpi, group: figure.group, grouping: grouping, facts: facts, period: period)

            // validate
            let key = "\(figure.kpi)|\(figure.group ?? "<null>")"
            if evidence.value != figure.value { problems.append("\(key): evidence value \(evidence.value) ≠ \(figure.value)") }
            let customerKPI = evidence.numerator == [.customerMonths]
            let medianKPI = evidence.numerator.isEmpty && !evidence.denominator.isEmpty
            if medianKPI {
                if Double(evidence.records(of: .denominator).count) != (figure.value.denominator ?? 0) {
                    problems.append("\(key): \(evidence.records(of: .denominator).count) values for a median of \(figure.value.denominator ?? 0)")
                }
            } else if !customerKPI && figure.kpi != "roi" && figure.kpi != "forecast_accuracy" {
                let n = evidence.total(of: .numerator), d = evidence.total(of: .denominator)
                if !GoldenVectorTests.close(n ?? 0, figure.value.numerator ?? 0) { problems.append("\(key): numerator \(n ?? 0) ≠ \(figure.value.numerator ?? 0)") }
                if let d, !GoldenVectorTests.close(d, figure.value.denominator ?? 0) { problems.append("\(key): denominator \(d) ≠ \(figure.value.denominator ?? 0)") }
                checked += 1
            }
            for part in KPIEvidence.Part.allCases {
                for (count, record) in evidence.records(of: part) where rows.cells(record) == nil {
                    problems.append("\(key): \(count) record \(record.id) not found")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(30).joined(separator: "\n"))")
        #expect(checked > 40)
    }

    @Test("roi's numerator is won amount minus cost, and a rep's records are the rep's")
    func roiAndOwnership() async throws {
        // setup
        let db = try await TestFixtures.importedGoldenStore()
        let engine = KPIEngine(settings: try await db.settings())
        let period = engine.period(from: LocalDate(year: 2026, month: 4, day: 1), to: LocalDate(year: 2026, month: 5, day: 1))
        let facts = try await db.facts(for: period)
        let rows = CountedRecordRows(facts: facts, timeZone: engine.settings.timeZone)

        // MUT
        let roi = engine.evidence(of: "roi", group: "org", grouping: .org, facts: facts, period: period)
        let calls = engine.evidence(of: "connect_rate", group: "R002", grouping: .rep, facts: facts, period: period)

        // validate
        #expect(GoldenVectorTests.close(roi.total(.wonAmount) - roi.total(.cost), roi.value.numerator ?? .nan))
        #expect(!calls.records(of: .denominator).isEmpty)
        #expect(calls.records(of: .denominator).allSatisfy { rows.rep(of: $0.record) == "R002" })
        #expect(calls.records(of: .numerator).allSatisfy { rows.cells($0.record)?[7] == "true" })
    }
}
