import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

/// Each bad file is refused with a message naming file:line:column, and the database content stays exactly as it was.
@Suite("Import: bad input is refused and nothing is written")
struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let file: String
        let data: Data
        let expected: [String]
        var mapping: String? = nil
        var description: String { name }
    }

    static let activityHeader = "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced\n"
    static let good = "A1,L1,R1,call,outbound,2026-05-01T09:30:00+09:00,130,true,,,,,\n"

    static func activities(_ rows: String) -> Data { Data((activityHeader + good + rows).utf8) }

    static let cases: [Case] = [
        Case(name: "date out of range", file: "activities.csv", data: activities("A2,L1,R1,call,outbound,2026/13/01 09:00,0,false,,,,,\n"),
             expected: ["activities.csv:3:occurred_at: \"2026/13/01 09:00\" is not a date-time (expected ISO 8601"]),
        Case(name: "unknown enum value", file: "activities.csv", data: activities("A2,L1,R1,fax,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n"),
             expected: ["activities.csv:3:type: \"fax\" is not one of call, email"]),
        Case(name: "negative duration", file: "activities.csv", data: activities("A2,L1,R1,call,outbound,2026-05-01T10:00:00+09:00,-5,false,,,,,\n"),
             expected: ["activities.csv:3:duration_seconds: -5 is negative"]),
        Case(name: "not a duration", file: "activities.csv", data: activities("A2,L1,R1,call,outbound,2026-05-01T10:00:00+09:00,1:75,false,,,,,\n"),
             expected: ["activities.csv:3:duration_seconds: \"1:75\" is not a duration"]),
        Case(name: "not a boolean", file: "activities.csv", data: activities("A2,L1,R1,call,outbound,2026-05-01T10:00:00+09:00,5,maybe,,,,,\n"),
             expected: ["activities.csv:3:connected: \"maybe\" is not a yes/no value"]),
        Case(name: "ragged row", file: "activities.csv", data: activities("A2,L1,R1,call,outbound\n"),
             expected: ["activities.csv:3:column 6: has 5 fields, the header has 13"]),
        Case(name: "missing required cell", file: "activities.csv", data: activities(",L1,R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n"),
             expected: ["activities.csv:3:activity_id: is empty, but activity_id is required"]),
        Case(name: "id with a space", file: "activities.csv", data: activities("A 2,L1,R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n"),
             expected: ["activities.csv:3:activity_id: \"A 2\" contains spaces"]),
        Case(name: "full-width digits in an id", file: "activities.csv", data: activities("A２,L1,R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n"),
             expected: ["activities.csv:3:activity_id: \"A２\" contains full-width"]),
        Case(name: "unknown references list the ids", file: "activities.csv",
             data: activities("A2,L404,R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\nA3,L405,R9,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\nA4,L404,R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n"),
             expected: ["activities.csv:3:lead_id: 3 row(s) refer to leads that exist neither in the database nor in this import: L404, L405",
                        "activities.csv:4:rep_id: 1 row(s) refer to reps that exist neither in the database nor in this import: R9"]),
        Case(name: "missing column", file: "activities.csv", data: Data("activity_id,lead_id,rep_id,type,direction\nA1,L1,R1,call,outbound\n".utf8),
             expected: ["activities.csv:1:occurred_at: the header lacks \"occurred_at\""]),
        Case(name: "unterminated quote", file: "activities.csv", data: activities("A2,L1,R1,call,outbound,\"2026-05-01,,,,,,,\n"),
             expected: ["activities.csv:3"]),
        Case(name: "invalid UTF-8 declared as UTF-8", file: "activities.csv",
             data: Data((activityHeader + good).utf8) + Data([0x41, 0x32, 0x2C, 0xC3, 0x28]) + Data(",R1,call,outbound,2026-05-01T10:00:00+09:00,,,,,,,\n".utf8),
             expected: ["activities.csv:3"], mapping: "entity: activities\nencoding: utf-8\n"),
        Case(name: "empty file", file: "activities.csv", data: Data(), expected: ["activities.csv:1:column 1: the file is empty"]),
        Case(name: "unknown target KPI", file: "targets.csv",
             data: Data("kpi,scope,scope_id,period,period_start,value\ncalls_made,org,,month,2026-05-01,100\ncalls,team,NoSuchTeam,month,2026-05-01,100\n".utf8),
             expected: ["targets.csv:2:kpi: \"calls_made\" is not a KPI id", "targets.csv:3:scope_id: 1 row(s) refer to teams that exist neither"]),
    ]

    @Test("refused with file:line:column, database unchanged", arguments: cases)
    func refused(_ c: Case) async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        try await ImportHarness.withStore { store in
            _ = try await h.run(store, ["reps.csv", "leads.csv"])
            let before = try await ImportHarness.content(store)
            h.write(c.file, data: c.data)
            var mappings: [String] = []
            if let mapping = c.mapping {
                h.write("m.yaml", mapping)
                mappings = ["m.yaml"]
            }
            do {
                _ = try await h.run(store, [c.file], mappings: mappings)
                Issue.record("\(c.name): the import was accepted")
            } catch let failure as ImportFailure {
                let text = failure.description
                for expected in c.expected { #expect(text.contains(expected), "\(c.name): \(text)") }
                #expect(text.contains("nothing was written"))
            }
            #expect(try await ImportHarness.content(store) == before, "\(c.name): the database changed")
        }
    }

    @Test("a bad row in the last of several files rolls back the earlier files too", arguments: TestBackend.allCases)
    func wholeInvocationIsOneTransaction(backend: TestBackend) async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        h.write("activities.csv", data: Self.activities("A2,L1,R1,call,outbound,yesterday,0,false,,,,,\n"))
        try await ImportHarness.withStore(backend) { store in
            await #expect(throws: ImportFailure.self) { _ = try await h.run(store, ["reps.csv", "leads.csv", "activities.csv"]) }
            #expect(try await store.count(.reps) == 0)
            #expect(try await store.count(.leads) == 0)
            // And the store is usable afterwards.
            _ = try await h.run(store, ["reps.csv", "leads.csv"])
            #expect(try await store.count(.leads) == 2)
        }
    }

    @Test("errors are listed up to 100, then counted")
    func manyErrors() async throws {
        let h = ImportHarness()
        var rows = ""
        for i in 0..<250 { rows += "A\(i + 10),L1,R1,call,outbound,not-a-date,0,false,,,,,\n" }
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        h.write("activities.csv", data: Self.activities(rows))
        try await ImportHarness.withStore { store in
            do {
                _ = try await h.run(store, ["reps.csv", "leads.csv", "activities.csv"])
                Issue.record("accepted")
            } catch let failure as ImportFailure {
                #expect(failure.totalIssues == 250)
                #expect(failure.issues.count == 100)
                #expect(failure.description.contains("… and 150 more errors"))
            }
        }
    }

    @Test("mapping files with unknown keys or fields are refused before reading data")
    func badMappings() throws {
        #expect(throws: ImportIssue.self) { try MappingLoader.parse("entity: activities\ncolums:\n  activity_id: ID\n", name: "m.yaml") }
        #expect(throws: ImportIssue.self) { try MappingLoader.parse("entity: activities\ncolumns:\n  activity_idd: ID\n", name: "m.yaml") }
        #expect(throws: ImportIssue.self) { try MappingLoader.parse("entity: things\n", name: "m.yaml") }
        #expect(throws: ImportIssue.self) { try MappingLoader.parse("entity: activities\ndatetime_format: \"bogus\"\n", name: "m.yaml") }
        // JSON works too, and YAML scalars stay text (yes stays "yes", true stays "true").
        let m = try MappingLoader.parse(#"{"entity": "opportunities", "values": {"budget": {"yes": "true", "はい": "true", "いいえ": false}}}"#, name: "m.json")
        #expect(m.values["budget"] == ["yes": "true", "はい": "true", "いいえ": "false"])
    }
}
