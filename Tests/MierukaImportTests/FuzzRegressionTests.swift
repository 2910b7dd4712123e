import Foundation
import MierukaImport
import Testing

/// Inputs the fuzzers in Fuzz/ (scripts/fuzz.sh) found to break an invariant, kept so the fix stays fixed.
@Suite("Fuzzer findings in the mapping loader and date parsing")
struct FuzzRegressionTests {
    /// fuzz-mapping: a mapping naming two fields its entity lacks reported one or the other at random (the check walked
    /// a Set), so the CLI, the import page and a rerun could each name a different field.
    @Test func twoUnknownFieldsAlwaysReportTheSameOne() {
        let text = """
            entity: opportunities
            columns:
              opportunity_id: 商談 ID
              expecte: リード ID
              meeting_at:ost_reason: 失注理由

            """
        var messages: Set<String> = []
        for _ in 0..<50 {
            do {
                _ = try MappingLoader.parse(text, name: "m.yaml")
                Issue.record("the mapping loaded although it names fields opportunities do not have")
            } catch {
                messages.insert("\(error)")
            }
        }
        #expect(messages.count == 1, "\(messages.sorted())")
        #expect(messages.first?.contains("\"expecte\" is not a field of opportunities") == true, "\(messages.sorted())")
    }

    /// The same with both fields on one line (a flow mapping), where their line alone cannot order them.
    @Test func twoUnknownFieldsOnOneLineAlwaysReportTheSameOne() {
        let text = "entity: leads\ncolumns: {zeta: A, lead_id: B, alpha: C}\n"
        var messages: Set<String> = []
        for _ in 0..<50 {
            #expect(throws: ImportIssue.self) { try MappingLoader.parse(text, name: "m.yaml") }
            do { _ = try MappingLoader.parse(text, name: "m.yaml") } catch { messages.insert("\(error)") }
        }
        #expect(messages.count == 1, "\(messages.sorted())")
    }
}
