import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaExport
import MierukaViews

/// What a request asks to download: `format=csv|xlsx`, `encoding=utf-8|cp932` (CSV), `unmappable=replace` (CP932: write
/// ? for characters Shift_JIS lacks instead of refusing), `table=NAME` (CSV of a page with several tables).
/// Every page with a table answers these on its own URL, from the same figures it shows.
struct ExportRequest {
    var format: ExportFormat
    var encoding: ExportEncoding
    var replacingUnmappable: Bool
    var table: String?

    /// nil when the request asks for the page itself.
    init?(_ request: Request) throws {
        let q = request.uri.queryParameters
        guard let name = q.get("format"), name != "html", name != "json" else { return nil }
        guard let format = ExportFormat(rawValue: name) else {
            throw HTTPError(.badRequest, message: "format must be csv or xlsx (got \(name))")
        }
        self.format = format
        if let e = q.get("encoding") {
            guard let encoding = ExportEncoding(name: e) else { throw HTTPError(.badRequest, message: "encoding must be utf-8 or cp932 (got \(e))") }
            self.encoding = encoding
        } else {
            self.encoding = .utf8
        }
        replacingUnmappable = q.get("unmappable") == "replace"
        table = q.get("table").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file: one table as CSV (the one `table=` names, or the only one), or every table as sheets of one workbook.
    func response(_ tables: [ExportTable], stem: String, title: String) throws -> Response {
        let data: Data
        let name: String
        switch format {
        case .csv:
            let chosen: ExportTable
            if let table {
                guard let found = tables.first(where: { $0.name == table }) else {
                    throw HTTPError(.badRequest, message: "table must be one of \(tables.map(\.name).joined(separator: ", ")) (got \(table))")
                }
                chosen = found
            } else {
                guard tables.count == 1, let only = tables.first else {
                    throw HTTPError(.badRequest, message: "this page has several tables; add table=\(tables.map(\.name).joined(separator: "|")) or ask for format=xlsx")
                }
                chosen = only
            }
            do {
                data = try TableCSV.data(chosen, encoding: encoding, replacingUnmappable: replacingUnmappable)
            } catch let error as UnmappableCharacters {
                throw HTTPError(.unprocessableContent, message: error.description + "\n(add unmappable=replace to write ? instead)")
            }
            name = tables.count == 1 ? "\(stem).csv" : "\(stem)_\(chosen.name).csv"
        case .xlsx:
            do {
                data = try XLSXWorkbook.data(tables, title: title)
            } catch let error as SheetTooLarge {
                throw HTTPError(.unprocessableContent, message: error.description)
            }
            name = "\(stem).xlsx"
        }
        var headers = HTTPFields()
        headers[.contentType] = format == .csv ? "text/csv; charset=\(encoding.charset)" : format.contentType
        // An ASCII name for old clients, the real one (RFC 6266 / 5987) for the rest.
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(DashboardLinks.encode(name))"
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// The request's own URL without the export parameters: the base of its download links.
    static func base(of request: Request) -> String {
        let dropped: Set<String> = ["format", "encoding", "unmappable", "table"]
        let items = (request.uri.query ?? "").split(separator: "&").filter { item in
            !dropped.contains(String(item.split(separator: "=", maxSplits: 1).first ?? ""))
        }
        return request.uri.path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }
}
