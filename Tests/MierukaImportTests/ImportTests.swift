import Foundation
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import Testing

@Suite("Import: canonical files, encodings, re-imports")
struct ImportTests {
    @Test("canonical UTF-8 with BOM, quoted commas and CRLF line endings import intact", arguments: TestBackend.allCases)
    func canonicalBOMAndCRLF(backend: TestBackend) async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps.replacingOccurrences(of: "\n", with: "\r\n"), bom: true)
        h.write("leads.csv", ImportHarness.leads)
        try await ImportHarness.withStore(backend) { store in
            let summary = try await h.run(store, ["reps.csv", "leads.csv"])
            #expect(summary.lines == [
                "reps: 2 rows — 2 inserted, 0 updated, 0 unchanged",
                "leads: 2 rows — 2 inserted, 0 updated, 0 unchanged",
            ])
            let facts = try await store.facts(for: Period(from: LocalDate("2026-05-01")!, to: LocalDate("2026-06-01")!, timeZone: TimeZone(identifier: "Asia/Tokyo")!))
            let l2 = try #require(facts.leads.first { $0.id == "L2" })
            #expect(l2.company == "西日本運輸, 株式会社")
            #expect(l2.createdAt == Date(timeIntervalSince1970: 1_777_683_600))  // 2026-05-02 10:00 JST (no offset = organisation zone)
            #expect(l2.assignedAt == nil)  // empty cell = unknown, never zero
            #expect(l2.nextFollowUpOn == LocalDate("2026-06-01"))
            #expect(facts.reps.first { $0.id == "R2" }?.startedOn == nil)
        }
    }

    @Test("re-import: the same id updates, the last row wins, an empty cell clears the value, identical rows are unchanged",
          arguments: TestBackend.allCases)
    func reimport(backend: TestBackend) async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        try await ImportHarness.withStore(backend) { store in
            _ = try await h.run(store, ["reps.csv", "leads.csv"])
            h.write("leads.csv", """
                lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title
                L1,株式会社ABC,web_inquiry,2026-05-01T09:00:00+09:00,R1,2026-05-01T09:05:00+09:00,working,now,,,,,,,
                L2,first version,outbound_list,2026-05-02 10:00,R2,,new,,,,,2026-06-01,,,
                L2,second version,outbound_list,2026-05-02 10:00,R2,,working,,,,,,,,
                L3,new lead,referral,2026-05-03 10:00,,,new,,,,,,,,

                """)
            let summary = try await h.run(store, ["leads.csv"])
            #expect(summary.entities[0].line == "leads: 4 rows — 1 inserted, 1 updated, 1 unchanged, 1 duplicate ids (the last row won)")
            let leads = try await store.allRows(.leads)
            #expect(leads.count == 3)
            let l2 = try #require(leads.first { $0[0] == .text("L2") })
            #expect(l2[1] == .text("second version"))
            #expect(l2[6] == .text("working"))
            #expect(l2[11] == .null)  // next_follow_up_on cleared by the empty cell
            // Importing the very same file again changes nothing.
            let again = try await h.run(store, ["leads.csv"])
            #expect(again.entities[0].line == "leads: 4 rows — 0 inserted, 0 updated, 3 unchanged, 1 duplicate ids (the last row won)")
        }
    }

    @Test("a folder imports in dependency order whatever the names sort to")
    func folderOrder() async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        h.write("activities.csv", """
            activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced
            A1,L1,R1,call,outbound,2026-05-01T09:30:00+09:00,130,true,false,,,,
            A2,L1,R1,email,outbound,2026-05-01T09:40:00+09:00,,,,TRUE,no,0,
            """)
        h.write("notes.txt", "ignored: not a known name")
        try await ImportHarness.withStore { store in
            let sources = try ImportSource.resolve(paths: [h.dir.path], mappings: [])
            #expect(sources.map(\.entity) == [.reps, .leads, .activities])
            let summary = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
            #expect(summary.totalRows == 6)
            let acts = try await store.allRows(.activities)
            #expect(acts[1][9] == .int(1) && acts[1][10] == .int(0) && acts[1][11] == .int(0))
        }
    }

    @Test("CP932 file with Japanese headers and values through a mapping (joined date and time, values, defaults, tab delimiter)")
    func cp932WithMapping() async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("leads.csv", ImportHarness.leads)
        let text = "活動ID\tリードID\t担当者ID\t種別\t日付\t時刻\t通話秒数\t接続\t備考\r\n"
            + "K-1\tL1\tR1\t電話\t2026/05/07\t9:05\t125\t接続\t①㈱髙﨑～\r\n"
            + "K-2\tL1\tR2\tメール\t2026/05/07\t\t\t\t\r\n"
            + "K-4\tL2\tR1\t電話\t2026/05/09\t10:00\t0:02:05\t接続\t\r\n"
            + "K-3\tL2\tR2\t電話\t2026/05/08\t17:30\t0\t不在\t\r\n"
        h.write("架電履歴.tsv", data: try #require(text.data(using: .shiftJIS)))
        h.write("activities.yaml", """
            entity: activities
            encoding: cp932
            delimiter: "\\t"
            columns:
              activity_id: 活動ID
              lead_id: リードID
              rep_id: 担当者ID
              type: 種別
              occurred_at: [日付, 時刻]
              duration_seconds: 通話秒数
              connected: 接続
            values:
              type: {電話: call, メール: email}
              connected: {接続: true, 不在: false}
            defaults:
              direction: outbound
            datetime_format: "yyyy/MM/dd H:mm"
            timezone: Asia/Tokyo
            """)
        try await ImportHarness.withStore { store in
            _ = try await h.run(store, ["reps.csv", "leads.csv"])
            let summary = try await h.run(store, ["架電履歴.tsv"], mappings: ["activities.yaml"])
            #expect(summary.entities.first?.inserted == 4)
            let acts = try await store.allRows(.activities)
            #expect(acts.map { $0[3] } == [.text("call"), .text("email"), .text("call"), .text("call")])
            #expect(acts[3][6] == .int(125))  // 0:02:05 talk time
            #expect(acts[0][4] == .text("outbound"))
            #expect(acts[0][5] == .int(1_778_112_300))  // 2026-05-07 09:05 JST
            #expect(acts[1][5] == .int(1_778_079_600))  // a date alone = 00:00 of that day
            #expect(acts[0][7] == .int(1) && acts[2][7] == .int(0))
        }
    }
}

@Suite("Import: mapping layouts and time zones")
struct MappingLayoutTests {
    @Test("date_format, month_format and a mapping time zone other than Tokyo", arguments: TestBackend.allCases)
    func layoutsAndZone(backend: TestBackend) async throws {
        let h = ImportHarness()
        h.write("reps.csv", ImportHarness.reps)
        h.write("export.csv", """
            ID,Source,Created,Status,Follow up
            X1,Web,05/01/2026 08:30,Open,06/15/2026
            X2,Web,2026-05-02T10:00:00+09:00,Open,2026/06/16

            """)
        h.write("leads.yaml", """
            entity: leads
            columns: {lead_id: ID, channel: Source, created_at: Created, status: Status, next_follow_up_on: Follow up}
            values:
              channel: {Web: web_inquiry}
              status: {Open: working}
            datetime_format: "MM/dd/yyyy HH:mm"
            date_format: "MM/dd/yyyy"
            timezone: America/New_York
            """)
        h.write("costs.csv", "month,channel,category,amount,visits\n2026/05,web_inquiry,marketing,\"1,200,000\",300\n")
        try await ImportHarness.withStore(backend) { store in
            _ = try await h.run(store, ["reps.csv", "export.csv", "costs.csv"], mappings: ["leads.yaml"])
            let leads = try await store.allRows(.leads)
            // 08:30 in New York (EDT, UTC−4) = 12:30 UTC; an explicit offset wins over the mapping's zone.
            #expect(leads[0][3] == .int(1_777_638_600))
            #expect(leads[1][3] == .int(1_777_683_600))
            #expect(leads[0][11] == .text("2026-06-15") && leads[1][11] == .text("2026-06-16"))
            #expect(leads[0][2] == .text("web_inquiry") && leads[0][6] == .text("working"))
            let costs = try await store.allRows(.costs)
            #expect(costs == [[.text("2026-05"), .text("web_inquiry"), .text("marketing"), .int(1_200_000), .int(300)]])
        }
    }
}
