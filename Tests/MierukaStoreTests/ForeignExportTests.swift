import Foundation
import MierukaCSV
import MierukaCore
import MierukaImport
import MierukaStore
import Testing

/// The golden activities rewritten as a Japanese Excel export (CP932, Japanese headers and values, yyyy/MM/dd HH:mm,
/// CRLF, an extra column) and imported through a mapping give exactly the KPIs of the canonical import.
@Suite("Foreign export through a mapping equals the canonical import")
struct ForeignExportTests {
    static let mapping = """
        entity: activities
        encoding: cp932
        columns:
          activity_id: 活動ID
          lead_id: リードID
          rep_id: 担当者ID
          type: 種別
          direction: 方向
          occurred_at: [日付, 時刻]
          duration_seconds: 通話秒数
          connected: 接続
          decision_maker: 決裁者
          opened: 開封
          clicked: クリック
          replied: 返信
          bounced: 不達
        values:
          type: {電話: call, メール: email}
          direction: {発信: outbound, 受信: inbound}
          connected: {はい: true, いいえ: false}
          decision_maker: {はい: true, いいえ: false}
          opened: {はい: true, いいえ: false}
          clicked: {はい: true, いいえ: false}
          replied: {はい: true, いいえ: false}
          bounced: {はい: true, いいえ: false}
        datetime_format: "yyyy/MM/dd HH:mm"
        """

    /// Rewrites canonical activities.csv as the export a Japanese team would hand over.
    static func japaneseExport(of canonical: String) throws -> Data {
        let reader = try CSVReader(path: canonical)
        guard let header = try reader.next()?.fields else { throw TestFixtures.NotFound(description: "empty activities.csv") }
        let at = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        let yesNo = ["true": "はい", "false": "いいえ", "": ""]
        var text = "活動ID,リードID,担当者ID,種別,方向,日付,時刻,通話秒数,接続,決裁者,開封,クリック,返信,不達,メモ\r\n"
        while let record = try reader.next() {
            let f = record.fields
            func v(_ name: String) -> String { f[at[name]!] }
            // 2026-04-01T09:08:00+09:00 → 2026/04/01 and 09:08 (all golden times are JST, whole minutes).
            let iso = v("occurred_at")
            let date = String(iso.prefix(10)).replacingOccurrences(of: "-", with: "/")
            let time = String(iso.dropFirst(11).prefix(5))
            let cells = [v("activity_id"), v("lead_id"), v("rep_id"), v("type") == "call" ? "電話" : "メール",
                         v("direction") == "outbound" ? "発信" : "受信", date, time, v("duration_seconds"), yesNo[v("connected")]!,
                         yesNo[v("decision_maker")]!, yesNo[v("opened")]!, yesNo[v("clicked")]!, yesNo[v("replied")]!, yesNo[v("bounced")]!,
                         "電話メモ、\"要確認\""]
            text += CSVWriter.line(cells) + "\r\n"
        }
        guard let data = text.data(using: .shiftJIS) else { throw TestFixtures.NotFound(description: "not encodable as CP932") }
        return data
    }

    @Test("every KPI by org, rep, team and channel for the quarter is identical")
    func identical() async throws {
        // setup
        let golden = try TestFixtures.golden() + "/data"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let export = dir.appendingPathComponent("架電履歴.csv")
        try Self.japaneseExport(of: golden + "/activities.csv").write(to: export)
        #expect(String(data: try Data(contentsOf: export), encoding: .utf8) == nil)  // really not UTF-8
        let mappingPath = dir.appendingPathComponent("activities.yaml")
        try Self.mapping.write(to: mappingPath, atomically: true, encoding: .utf8)
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let canonical = try await TestFixtures.importedGoldenStore()

        try await TestFixtures.withFreshStore { foreign in
            // MUT: everything but activities canonically, then the export through its mapping.
            let others = try ImportSource.resolve(paths: [golden], mappings: []).filter { $0.entity != .activities }
            _ = try await Importer(store: foreign, timeZone: tokyo).run(others)
            let sources = try ImportSource.resolve(paths: [export.path], mappings: [try MappingLoader.load(path: mappingPath.path)])
            #expect(sources.map(\.entity) == [.activities])
            let summary = try await Importer(store: foreign, timeZone: tokyo).run(sources)
            #expect(summary.entities.first?.duplicates == 18)

            // validate
            for by in [KPIBreakdown.org, .rep, .team, .channel] {
                let a = try await KPIService(store: canonical).compute(from: LocalDate("2026-04-01")!, to: LocalDate("2026-07-01")!, by: by)
                let b = try await KPIService(store: foreign).compute(from: LocalDate("2026-04-01")!, to: LocalDate("2026-07-01")!, by: by)
                let differing = zip(a, b).filter { $0.0 != $0.1 }.map(\.0.kpi)
                #expect(a.count == b.count && differing.isEmpty, "\(by): \(differing.prefix(10))")
            }
        }
    }
}
