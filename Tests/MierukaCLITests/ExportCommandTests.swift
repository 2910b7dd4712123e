import Foundation
import MierukaCSV
import MierukaCore
import MierukaTestSupport
import Testing

@Suite("mieruka sheet and kpi --format xlsx|csv --encoding, end to end")
struct ExportCommandTests {
    static func rows(_ data: Data, encoding: SourceEncoding = .auto) throws -> [[String]] {
        let reader = try CSVReader(data: data, name: "out.csv", encoding: encoding)
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        return rows
    }

    @Test("the sheet as a table, CSV in CP932 and a workbook agree; kpi --format xlsx holds the JSON's figures")
    func sheetAndWorkbook() throws {
        let dir = CLI.temporaryDirectory()
        #expect(try CLI.run(["import", try CLIEndToEndTests.golden()], in: dir).status == 0)

        let table = try CLI.run(["sheet", "--month", "2026-05"], in: dir)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("指標カテゴリ") && table.stdout.contains("架電数") && table.stdout.contains("1,400"))

        let csv = try CLI.run(["sheet", "--month", "2026-05", "--format", "csv", "--encoding", "cp932", "--out", "sheet.csv"], in: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = try Self.rows(try Data(contentsOf: dir.appendingPathComponent("sheet.csv")), encoding: .cp932)
        let calls = try #require(rows.first { $0.count == 6 && $0[1] == "架電数" })
        #expect(calls[2] == "1400" && calls[3] == "1076" && calls[4] == "76.9%")

        let book = try CLI.run(["sheet", "--month", "2026-05", "--team", "インサイドセールス1課", "--format", "xlsx", "--out", "team.xlsx"], in: dir)
        #expect(book.status == 0, "\(book.stderr)")
        let workbook = try XLSXReadBack(try Data(contentsOf: dir.appendingPathComponent("team.xlsx")))
        #expect(workbook.sheetNames == ["KPI管理シート"])

        let json = try CLI.run(["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--by", "rep", "--kpi", "calls", "--format", "json"], in: dir)
        let xlsx = try CLI.run(["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--by", "rep", "--kpi", "calls", "--format", "xlsx", "--out", "kpi.xlsx"], in: dir)
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let kpis = try XLSXReadBack(try Data(contentsOf: dir.appendingPathComponent("kpi.xlsx")))
        for line in json.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let group = object["group"] as? String ?? "(なし)"
            let row = try #require(kpis.sheets[0].first { $0.reference.hasPrefix("D") && $0.value == group }).reference.dropFirst()
            #expect(kpis.cell(0, "I" + row)?.value == NumberFormat.json((object["value"] as? NSNumber)?.doubleValue))
        }
        let noOut = try CLI.run(["kpi", "--from", "2026-05-01", "--to", "2026-06-01", "--format", "xlsx"], in: dir)
        #expect(noOut.status != 0 && noOut.stderr.contains("--out"))
    }
}
