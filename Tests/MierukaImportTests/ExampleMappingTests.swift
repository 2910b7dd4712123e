import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import Testing

/// The example mappings in examples/mappings (what a team copies and adapts for its own exports) load and import their
/// sample files in examples/samples, with the values users expect.
@Suite("Example mappings import their sample exports")
struct ExampleMappingTests {
    static var examples: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("examples")
    }

    static let reps = "rep_id,name,team,role,started_on\nR002,鈴木 葵,IS1,sdr,\nR003,高橋 悠斗,IS1,sdr,\nR009,小林 真由美,FS,fs,\n"
    static let leads = """
        lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title
        L0000001,株式会社ABC,web_inquiry,2026-05-01T09:00:00+09:00,R002,,working,,,,,,,,

        """

    @Test("each example mapping imports its sample", arguments: [
        ("excel-call-log-ja.yaml", "架電ログ.csv", Entity.activities, 4),
        ("hubspot-contacts.yaml", "hubspot-contacts.csv", .leads, 3),
        ("salesforce-opportunities-ja.yaml", "salesforce-opportunities.csv", .opportunities, 2),
    ])
    func imports(mapping: String, sample: String, entity: Entity, rows: Int) async throws {
        let harness = ImportHarness()
        harness.write("reps.csv", Self.reps)
        harness.write("leads.csv", Self.leads)
        try await ImportHarness.withStore { store in
            _ = try await harness.run(store, ["reps.csv", "leads.csv"])
            let loaded = try MappingLoader.load(path: Self.examples.appendingPathComponent("mappings/\(mapping)").path)
            let source = ImportSource(path: Self.examples.appendingPathComponent("samples/\(sample)").path, entity: entity, mapping: loaded)
            let summary = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run([source])
            #expect(summary.entities.first { $0.entity == entity }?.inserted == rows)
            let stored = try await store.allRows(entity)
            switch entity {
            case .activities:
                // 2026/05/12 9:05 JST, 185 s, connected; the inbound call is inbound; the email has no duration.
                let first = try #require(stored.first { $0[0] == .text("X000000001") })
                #expect(first.contains(.text("call")) && first.contains(.text("outbound")) && first.contains(.int(185)))
                #expect(stored.contains { $0[0] == .text("X000000004") && $0.contains(.text("inbound")) })
            case .leads:
                #expect(stored.contains { $0[0] == .text("HS-1002") && $0.contains(.text("Example, Inc.")) && $0.contains(.text("trade_show")) && $0.contains(.text("R003")) })
                #expect(stored.contains { $0[0] == .text("HS-1003") && $0.contains(.text("referral")) })
            default:
                #expect(stored.contains { $0[0] == .text("SF-0002") && $0.contains(.text("lost")) && $0.contains(.text("予算")) })
            }
        }
    }
}
