import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCSV
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import MierukaWeb
import Testing

@Suite("Web: exports (CSV UTF-8 / CP932, xlsx) and the KPI management sheet")
struct ExportWebTests {
    static let may = "month=2026-05"

    /// The raw bytes of a response (a workbook is not text).
    static func download(_ client: any TestClientProtocol, _ uri: String, cookie: String) async throws -> (HTTPResponse.Status, Data, HTTPFields) {
        var headers = HTTPFields()
        headers[.cookie] = cookie
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        return (response.status, Data(response.body.readableBytesView), response.headers)
    }

    static func csvRows(_ data: Data, encoding: SourceEncoding = .auto) throws -> [[String]] {
        let reader = try CSVReader(data: data, name: "export.csv", encoding: encoding)
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        return rows
    }

    /// The page's table rows (cells' text, tags stripped, entities undone).
    static func pageRows(_ html: String, table cls: String) -> [[String]] {
        guard let start = html.range(of: "<table class=\"\(cls)\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = String(html[start.upperBound..<end.lowerBound])
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                var text = String(cell.drop { $0 != ">" }.dropFirst())
                text = text.components(separatedBy: "</td>").first ?? text
                while let open = text.range(of: "<"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
                    text.removeSubrange(open.lowerBound..<close.upperBound)
                }
                return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            }
        }.filter { !$0.isEmpty }
    }

    /// The independent implementation's answer for May, organisation.
    static func goldenMay(_ kpi: String) throws -> Double? {
        let path = try WebHarness.golden().replacingOccurrences(of: "/data", with: "/expected/2026-05-01_2026-06-01_org.jsonl")
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            if object["kpi"] as? String == kpi { return object["value"] as? Double ?? (object["value"] as? Int).map(Double.init) }
        }
        return nil
    }

    @Test("the KPI sheet: actuals as the golden answers, achievement = actual ÷ target × 100, the same numbers in CSV, CP932, xlsx and LibreOffice")
    func sheet() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let page = try await WebHarness.get(client, "/sheet?\(Self.may)", cookie: cookie)
            #expect(page.0 == .ok)
            let rows = Self.pageRows(page.1, table: "kpi-sheet")
            #expect(page.1.contains("<th>指標カテゴリ</th><th>KPI項目</th><th>目標値</th><th>実績</th><th>達成率</th><th>備考</th>"))
            // Seed 003's eleven rows, then connects (a target in May not on the seed's sheet).
            let items = rows.map { $0.count > 1 ? $0[1] : "" }
            #expect(Array(items.prefix(11)) == ["新規リード数", "MQL数", "架電数", "接続率", "有効会話数", "アポ獲得数", "商談化率", "トスアップ数", "有効商談率",
                                               "ナーチャリング対象数", "メール開封率"])
            #expect(items.contains("コネクト数"))
            let calls = try #require(rows.first { $0.count == 6 && $0[1] == "架電数" })
            let goldenCalls = try #require(try Self.goldenMay("calls"))
            #expect(calls[2] == "1,400" && calls[3] == NumberFormat.grouped(goldenCalls))
            #expect(calls[4] == NumberFormat.percent(goldenCalls / 1400))
            let nurturing = try #require(rows.first { $0.count == 6 && $0[1] == "ナーチャリング対象数" })
            #expect(nurturing[2] == "—" && nurturing[3] == "—" && nurturing[4] == "—")
            let rate = try #require(rows.first { $0.count == 6 && $0[1] == "接続率" })
            #expect(rate[3] == NumberFormat.percent(try #require(try Self.goldenMay("connect_rate"))) && rate[4] == "—")

            // CSV, UTF-8 with BOM: numbers without separators, the same figures.
            let csv = try await Self.download(client, "/sheet?\(Self.may)&format=csv", cookie: cookie)
            #expect(csv.0 == .ok && csv.2[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(csv.1.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.2[.contentDisposition]?.contains("kpi_sheet_2026-05-01_2026-05-31.csv") == true)
            let csvRows = try Self.csvRows(csv.1)
            #expect(csvRows.count == rows.count + 1)
            #expect(csvRows.first == ["指標カテゴリ", "KPI項目", "目標値", "実績", "達成率", "備考"])
            let csvCalls = try #require(csvRows.first { $0[1] == "架電数" })
            #expect(csvCalls[2] == "1400" && Double(csvCalls[3]) == goldenCalls && csvCalls[4] == calls[4])

            // CP932: the same rows (— is written as CP932's 0x815C, read back as ―).
            let sjis = try await Self.download(client, "/sheet?\(Self.may)&format=csv&encoding=cp932", cookie: cookie)
            #expect(sjis.0 == .ok && sjis.2[.contentType] == "text/csv; charset=Shift_JIS")
            let sjisRows = try Self.csvRows(sjis.1, encoding: .cp932)
            #expect(sjisRows == csvRows.map { $0.map { $0 == "—" ? "―" : $0 } })

            // xlsx: numbers are numeric cells.
            let xlsx = try await Self.download(client, "/sheet?\(Self.may)&format=xlsx", cookie: cookie)
            #expect(xlsx.0 == .ok && xlsx.2[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let book = try XLSXReadBack(xlsx.1)
            let callsRow = try #require(book.sheets[0].first { $0.value == "架電数" }).reference.dropFirst()
            let actual = try #require(book.cell(0, "D" + callsRow))
            #expect(actual.type == "n" && Double(actual.value) == goldenCalls && book.formats[actual.style] == "#,##0")
            let achievement = try #require(book.cell(0, "E" + callsRow))
            #expect(achievement.type == "n" && abs(Double(achievement.value)! - goldenCalls / 1400) < 1e-12 && book.formats[achievement.style] == "0.0%")

            // LibreOffice shows exactly the page's cells.
            do {
                let sheets = try LibreOffice.csvSheets(of: xlsx.1, sheetNames: book.sheetNames)
                let shown = try Self.csvRows(Data(try #require(sheets.values.first).utf8))
                #expect(shown.dropFirst().map { Array($0.prefix(5)) } == rows.map { Array($0.prefix(5)) })
            } catch let missing as LibreOffice.Missing {
                if LibreOffice.required { throw missing }
                print("skipped the LibreOffice check: \(missing)")
            }
        }
    }

    @Test("a sheet of another team or rep is refused, also as a download", arguments: [
        ("rep", "team=フィールドセールス部", false), ("rep", "rep=R003", false), ("rep", "", true), ("manager", "rep=R002", true),
        ("manager", "team=フィールドセールス部", false), ("viewer", "", true), ("fsmanager", "team=インサイドセールス1課", false),
    ])
    func sheetAccess(user: String, query: String, allowed: Bool) async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: user).cookie
            for format in ["", "&format=csv", "&format=xlsx"] {
                let answer = try await Self.download(client, "/sheet?\(Self.may)&\(query)\(format)", cookie: cookie)
                #expect(answer.0 == (allowed ? .ok : .forbidden), "\(user) \(query) \(format)")
            }
        }
    }

    @Test("dashboard: a workbook with its tables; CSV per table; the KPI answers as CSV equal the JSON")
    func dashboardAndAPI() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let page = try await WebHarness.get(client, "/?from=2026-05-01&through=2026-05-31", cookie: cookie)
            #expect(page.1.contains("data-export=\"xlsx\""))
            let xlsx = try await Self.download(client, "/?from=2026-05-01&through=2026-05-31&format=xlsx", cookie: cookie)
            #expect(xlsx.0 == .ok)
            let book = try XLSXReadBack(xlsx.1)
            #expect(book.sheetNames == ["KPI", "担当者別", "ファネル"])
            let callsRow = try #require(book.sheets[0].first { $0.value == "calls" }).reference.dropFirst()
            #expect(book.cell(0, "D" + callsRow)?.value == NumberFormat.json(try Self.goldenMay("calls")))
            let several = try await Self.download(client, "/?from=2026-05-01&through=2026-05-31&format=csv", cookie: cookie)
            #expect(several.0 == .badRequest)
            let reps = try await Self.download(client, "/?from=2026-05-01&through=2026-05-31&format=csv&table=reps", cookie: cookie)
            #expect(reps.0 == .ok)
            let repRows = try Self.csvRows(reps.1)
            #expect(repRows.first?.first == "担当" && repRows.count > 5)
            // The insights page's tables: the step rates are numeric cells with the page's percent format.
            let insights = try XLSXReadBack(try await Self.download(client, "/insights?from=2026-05-01&to=2026-06-01&format=xlsx", cookie: cookie).1)
            #expect(insights.sheetNames.count >= 3)
            let rate = try #require(insights.cell(0, "B2"))
            #expect(rate.type == "n" && insights.formats[rate.style] == "0.0%")
            let bad = try await Self.download(client, "/?format=pdf", cookie: cookie)
            #expect(bad.0 == .badRequest)

            let json = try await WebHarness.get(client, "/api/v1/kpis?from=2026-05-01&to=2026-06-01&by=team&kpi=calls,connect_rate", cookie: cookie)
            let csv = try await Self.download(client, "/api/v1/kpis?from=2026-05-01&to=2026-06-01&by=team&kpi=calls,connect_rate&format=csv&lang=en", cookie: cookie)
            let lines = try JSONSerialization.jsonObject(with: Data(json.1.utf8)) as? [[String: Any]] ?? []
            let rows = try Self.csvRows(csv.1)
            #expect(rows.first == ["KPI id", "KPI", "Layer", "Group", "From", "To (exclusive)", "Numerator", "Denominator", "Value"])
            #expect(rows.count == lines.count + 1)
            for line in lines {
                let group = line["group"] as? String ?? "(none)"
                let row = try #require(rows.first { $0[0] == line["kpi"] as? String && $0[3] == group })
                #expect(Double(row[6]) == (line["numerator"] as? NSNumber)?.doubleValue)
            }
        }
    }

    @Test("characters Shift_JIS lacks are refused with their place, or replaced when asked; formula cells are neutralised")
    func unmappableAndInjection() async throws {
        try await WebHarness.withApp { client, store in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mieruka-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try """
            lead_id,company,channel,created_at,status
            LX1,😀商事,web_inquiry,2026-05-10T10:00:00+09:00,new
            LX2,"=HYPERLINK(""http://evil.example"",""x"")",web_inquiry,2026-05-11T10:00:00+09:00,new
            """.write(to: dir.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
            _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(try ImportSource.resolve(paths: [dir.path], mappings: []))
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let base = "/api/v1/kpis/new_leads/records?by=org&group=org&from=2026-05-01&to=2026-06-01&format=csv"
            let refused = try await WebHarness.get(client, base + "&encoding=cp932", cookie: cookie)
            #expect(refused.0 == .unprocessableContent)
            #expect(refused.1.contains("U+1F600") && refused.1.contains(":company:") && refused.1.contains("UTF-8"))
            let replaced = try await Self.download(client, base + "&encoding=cp932&unmappable=replace", cookie: cookie)
            #expect(replaced.0 == .ok)
            let rows = try Self.csvRows(replaced.1, encoding: .cp932)
            #expect(rows.contains { $0.contains("?商事") })
            let utf8 = try Self.csvRows(try await Self.download(client, base, cookie: cookie).1)
            #expect(utf8.contains { $0.contains("😀商事") })
            #expect(utf8.contains { $0.contains("'=HYPERLINK(\"http://evil.example\",\"x\")") })
            #expect(!utf8.contains { $0.contains { $0.hasPrefix("=") } })
        }
    }

    @Test("targets and the definition sheet download as the page lists them")
    func targetsAndDefinitions() async throws {
        try await WebHarness.withApp { client, _ in
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let targets = try await Self.download(client, "/targets?format=csv", cookie: cookie)
            let rows = try Self.csvRows(targets.1)
            #expect(rows.first == ["指標", "KPI ID", "対象", "期間", "開始日", "目標値", "SMART"])
            #expect(rows.contains { $0[1] == "won_amount" && $0[4] == "2026-04-01" && $0[3] == "quarter" && $0[5] == "15750000" })
            let book = try XLSXReadBack(try await Self.download(client, "/definitions?format=xlsx", cookie: cookie).1)
            #expect(book.sheetNames == ["KPI定義", "組織設定", "変更履歴"])
            #expect(book.sheets[0].contains { $0.value == "connect_rate" })
            // The planner's chain and the phase checklist, as their pages show them.
            let plan = try await Self.download(client, "/plan?kgi=revenue%3D30000000&period=2026-07&rate=avg_deal_size%3D1000000&format=csv&table=plan", cookie: cookie)
            #expect(plan.0 == .ok)
            let planRows = try Self.csvRows(plan.1)
            #expect(planRows.contains { $0[1] == "wins" && $0[2] == "30" })
            let phase = try XLSXReadBack(try await Self.download(client, "/phase?format=xlsx", cookie: cookie).1)
            #expect(phase.sheetNames == ["チェックリスト", "このフェーズで追うKPI"] && phase.sheets[0].count > 10 * 6)
            // The catalog's benchmarks use EN DASH (40–80/day), which CP932 has not: refused with the places, or replaced when asked.
            let refused = try await WebHarness.get(client, "/definitions?format=csv&table=catalog&encoding=cp932", cookie: cookie)
            #expect(refused.0 == .unprocessableContent && refused.1.contains("U+2013") && refused.1.contains("catalog.csv:"))
            let replaced = try await Self.download(client, "/definitions?format=csv&table=catalog&encoding=cp932&unmappable=replace", cookie: cookie)
            #expect(replaced.0 == .ok)
            #expect(try Self.csvRows(replaced.1, encoding: .cp932).contains { $0[1] == "calls" && $0[5].contains("40?80") })
        }
    }
}
