import Foundation
import HTTPTypes
import Hummingbird
import MierukaCore
import MierukaExport
import MierukaStore
import MierukaViews

/// The drill-down: GET /records (page), GET /api/v1/kpis/{id}/records (JSON, or CSV with `format=csv`). Every figure
/// links here; the numerator's and the denominator's records are listed so anyone can re-count the figure by hand.
struct RecordsController {
    let services: Services

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/records") { request, context in try await self.page(request, context: context) }
        router.get("/api/v1/kpis/:id/records") { request, context in try await self.api(request, context: context) }
    }

    /// The query every form of the drill-down takes.
    struct Query {
        var kpi: String
        var from: LocalDate
        var to: LocalDate
        var grouping: KPIGrouping
        /// nil = the facts without a rep / team / channel (`group=` empty).
        var group: String?
        var part: KPIEvidence.Part?
        var count: BaseCount?
        var page: Int
        var perPage: Int

        init(_ request: Request, kpi: String?, reps: [Rep]) throws {
            let q = request.uri.queryParameters
            guard let kpi, !kpi.isEmpty else { throw HTTPError(.badRequest, message: "kpi is required (a catalog id)") }
            self.kpi = kpi
            guard let from = q.get("from").flatMap({ LocalDate($0) }), let to = q.get("to").flatMap({ LocalDate($0) }) else {
                throw HTTPError(.badRequest, message: "from and to are required dates (YYYY-MM-DD; to is exclusive)")
            }
            self.from = from
            self.to = to
            let group = q.get("group")
            if let by = q.get("by") {
                guard let grouping = KPIGrouping(rawValue: by) else { throw HTTPError(.badRequest, message: "by must be org, rep, team or channel") }
                self.grouping = grouping
            } else {
                // The dashboard links name only the group: "org", a rep id, or else a team.
                self.grouping = group == nil || group == "org" ? .org : reps.contains { $0.id == group } ? .rep : .team
            }
            self.group = grouping == .org ? "org" : (group?.isEmpty ?? true) ? nil : group
            if let p = q.get("part") {
                guard let part = KPIEvidence.Part(rawValue: p) else { throw HTTPError(.badRequest, message: "part must be numerator or denominator") }
                self.part = part
            }
            if let c = q.get("count") {
                guard let count = BaseCount(rawValue: c) else {
                    throw HTTPError(.badRequest, message: "count must be one of \(BaseCount.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self.count = count
            }
            page = max(1, q.get("page").flatMap { Int($0) } ?? 1)
            perPage = min(1000, max(1, q.get("per_page").flatMap { Int($0) } ?? 100))
        }

        /// The part shown when none is asked for: the numerator, or the denominator of a median (which has none).
        func part(of evidence: KPIEvidence) -> KPIEvidence.Part {
            part ?? (evidence.numerator.isEmpty ? .denominator : .numerator)
        }

        func records(of evidence: KPIEvidence) -> [(count: BaseCount, record: CountedRecord)] {
            let all = evidence.records(of: part(of: evidence))
            return count.map { c in all.filter { $0.count == c } } ?? all
        }

        /// The same query with some items changed, as a relative URL.
        func url(_ path: String, _ changes: [String: String?] = [:]) -> String {
            var items: [(String, String?)] = [("kpi", kpi), ("by", grouping.rawValue), ("group", group ?? ""), ("from", from.description),
                                              ("to", to.description), ("part", part?.rawValue), ("count", count?.rawValue)]
            if page != 1 { items.append(("page", String(page))) }
            for (key, value) in changes {
                items.removeAll { $0.0 == key }
                items.append((key, value))
            }
            return path + "?" + items.compactMap { k, v in v.map { "\(k)=\(DashboardLinks.encode($0))" } }.joined(separator: "&")
        }
    }

    // MARK: - API

    func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let query = try Query(request, kpi: context.parameters.get("id"), reps: try await services.store.reps())
        let found = try await services.evidence(kpi: query.kpi, from: query.from, to: query.to, grouping: query.grouping, group: query.group, viewer: viewer)
        if let export = try ExportRequest(request) { return try self.export(found, query: query, as: export) }
        let evidence = found.evidence
        let part = query.part(of: evidence)
        let all = found.visible(query.records(of: evidence))
        let pageRecords = all.dropFirst((query.page - 1) * query.perPage).prefix(query.perPage)
        var counts: [String] = []
        for count in evidence.counts(of: part) {
            counts.append("{\"count\":\(JSON.string(count.rawValue)),\"label\":\(JSON.string(count.label(japanese: Language.of(request) == .ja))),"
                + "\"entity\":\(JSON.string(count.entity.rawValue)),\"records\":\(found.visible((evidence.records[count] ?? []).map { (count, $0) }).count),"
                + "\"total\":\(NumberFormat.json(evidence.total(count)))}")
        }
        var records: [String] = []
        for (count, record) in pageRecords {
            let cells = found.rows.cells(record) ?? []
            let fields = zip(record.entity.headers, cells).map { "\(JSON.string($0)):\(JSON.string($1))" }.joined(separator: ",")
            records.append("{\"count\":\(JSON.string(count.rawValue)),\"entity\":\(JSON.string(record.entity.rawValue)),"
                + "\"id\":\(JSON.string(record.id)),\"value\":\(NumberFormat.json(record.value)),\"fields\":{\(fields)}}")
        }
        let v = evidence.value
        let body = "{\"kpi\":\(JSON.string(query.kpi)),\"by\":\(JSON.string(query.grouping.rawValue)),\"group\":\(query.group.map(JSON.string) ?? "null"),"
            + "\"from\":\"\(query.from)\",\"to\":\"\(query.to)\",\"numerator\":\(NumberFormat.json(v.numerator)),"
            + "\"denominator\":\(NumberFormat.json(v.denominator)),\"value\":\(NumberFormat.json(v.value)),\"part\":\"\(part.rawValue)\","
            + "\"counts\":[\(counts.joined(separator: ","))],\"total_records\":\(all.count),\"page\":\(query.page),\"per_page\":\(query.perPage),"
            + "\"only_rep\":\(found.onlyRep.map(JSON.string) ?? "null"),\"records\":[\(records.joined(separator: ",\n"))]}\n"
        return .json(body)
    }

    /// Columns of the canonical records that hold numbers: numeric cells in a workbook (ids and dates stay text).
    static let numericFields: Set<String> = ["amount", "duration_seconds", "mrr", "visits", "value"]

    /// The part's records, one table per entity (a part may mix opportunities and costs): CSV of one entity (in UTF-8
    /// with a BOM, or CP932), or a workbook with a sheet per entity.
    func export(_ found: FigureEvidence, query: Query, as export: ExportRequest) throws -> Response {
        let records = found.visible(query.records(of: found.evidence))
        var entities: [Entity] = []
        for (_, r) in records where !entities.contains(r.entity) { entities.append(r.entity) }
        if entities.isEmpty, let first = found.evidence.counts(of: query.part(of: found.evidence)).first?.entity { entities = [first] }
        if entities.count > 1 && export.format == .csv && export.table == nil {
            throw HTTPError(.badRequest, message: "these records are of several kinds; add count=\(found.evidence.counts(of: query.part(of: found.evidence)).map(\.rawValue).joined(separator: "|")), table=\(entities.map(\.rawValue).joined(separator: "|")) or ask for format=xlsx")
        }
        let tables = entities.map { entity -> ExportTable in
            let headers = ["count", "value"] + entity.headers
            let rows = records.filter { $0.record.entity == entity }.map { count, record -> [ExportCell] in
                let cells = found.rows.cells(record) ?? []
                return [.text(count.rawValue), record.value.map { .count($0) } ?? .empty]
                    + zip(entity.headers, cells).map { header, cell in
                        Self.numericFields.contains(header) ? (Double(cell).map { .count($0) } ?? .text(cell)) : .text(cell)
                    }
            }
            return ExportTable(name: entity.rawValue, title: entity.rawValue, headers: headers, rows: rows)
        }
        let stem = "\(query.kpi)_\(query.group ?? "none")_\(query.from)_\(query.to)_\(query.part(of: found.evidence).rawValue)"
        return try export.response(tables, stem: stem, title: "\(query.kpi) \(query.from)〜\(query.to.adding(days: -1))")
    }

    // MARK: - Page

    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let viewer = context.viewer else { return .redirect(to: "/login") }
        let language = Language.of(request)
        let ja = language == .ja
        let reps = try await services.store.reps()
        let query = try Query(request, kpi: request.uri.queryParameters.get("kpi"), reps: reps)
        let found = try await services.evidence(kpi: query.kpi, from: query.from, to: query.to, grouping: query.grouping, group: query.group, viewer: viewer)
        let evidence = found.evidence
        let definition = KPICatalog.standard[query.kpi]!
        let part = query.part(of: evidence)
        let groupName: String
        switch query.grouping {
        case .org: groupName = ja ? "全社" : "Organisation"
        case .rep: groupName = query.group.map { id in reps.first { $0.id == id }.map { "\($0.name) (\(id))" } ?? id } ?? (ja ? "担当なし" : "No rep")
        case .team, .channel: groupName = query.group ?? (ja ? "なし" : "None")
        }
        let v = evidence.value
        var body = "<p><a href=\"/\">\(ja ? "← ダッシュボード" : "← Dashboard")</a></p>"
        body += "<h1>\(HTML.escape(definition.name(language))) — \(HTML.escape(groupName))</h1>"
        body += "<p>\(ja ? "期間" : "Period"): \(query.from)〜\(query.to.adding(days: -1)) · \(ja ? "計算式" : "Formula"): \(HTML.escape(definition.formula))</p>"
        body += "<p class=\"figure\" data-kpi=\"\(query.kpi)\" data-value=\"\(NumberFormat.json(v.value))\"><strong>\(NumberFormat.format(v.value, unit: definition.unit))</strong>"
        if v.denominator != nil || v.numerator != nil {
            body += " = \(ja ? "分子" : "numerator") \(v.numerator.map { NumberFormat.grouped($0, decimals: 2) } ?? NumberFormat.undefined)"
            if let d = v.denominator { body += " ÷ \(ja ? "分母" : "denominator") \(NumberFormat.grouped(d, decimals: 2))" }
        }
        body += "</p><nav>"
        for p in KPIEvidence.Part.allCases where !evidence.counts(of: p).isEmpty {
            let label = p == .numerator ? (ja ? "分子の明細" : "Numerator records") : (ja ? "分母の明細" : "Denominator records")
            body += p == part ? " <strong>\(label)</strong>" : " <a href=\"\(HTML.escape(query.url("/records", ["part": p.rawValue, "count": nil, "page": nil])))\">\(label)</a>"
        }
        body += "</nav><table><tr><th>\(ja ? "内訳" : "Count")</th><th>\(ja ? "件数" : "Records")</th><th>\(ja ? "合計" : "Total")</th><th>CSV</th></tr>"
        for count in evidence.counts(of: part) {
            let csvURL = query.url("/api/v1/kpis/\(query.kpi)/records", ["part": part.rawValue, "count": count.rawValue, "format": "csv", "page": nil])
            body += "<tr><td><a href=\"\(HTML.escape(query.url("/records", ["part": part.rawValue, "count": count.rawValue, "page": nil])))\">"
            body += "\(HTML.escape(count.label(japanese: ja)))</a></td><td class=\"n\">\(NumberFormat.grouped(Double(found.visible((evidence.records[count] ?? []).map { (count, $0) }).count)))</td>"
            body += "<td class=\"n\">\(NumberFormat.grouped(evidence.total(count), decimals: 2))</td>"
            body += "<td><a href=\"\(HTML.escape(csvURL))\">\(ja ? "CSVダウンロード" : "Download CSV")</a>"
            body += " (<a href=\"\(HTML.escape(csvURL + "&encoding=cp932"))\">Shift_JIS</a>)</td></tr>"
        }
        body += "</table>"
        let workbook = query.url("/api/v1/kpis/\(query.kpi)/records", ["part": part.rawValue, "format": "xlsx", "page": nil])
        body += "<p class=\"exports\"><a href=\"\(HTML.escape(workbook))\" data-export=\"xlsx\">\(ja ? "明細をExcelでダウンロード" : "Download the records as Excel")</a></p>"

        if found.onlyRep != nil {
            body += "<p class=\"notice\">\(ja ? "数値はチーム全体です。明細はあなたの記録のみ表示しています。" : "The figure is the team's; only your own records are listed.")</p>"
        }
        let all = found.visible(query.records(of: evidence))
        let pages = max(1, (all.count + query.perPage - 1) / query.perPage)
        let shown = all.dropFirst((query.page - 1) * query.perPage).prefix(query.perPage)
        body += "<p>\(ja ? "\(NumberFormat.grouped(Double(all.count)))件中 \(query.page)/\(pages)ページ" : "\(NumberFormat.grouped(Double(all.count))) records, page \(query.page) of \(pages)")"
        if query.page > 1 { body += " <a href=\"\(HTML.escape(query.url("/records", ["page": String(query.page - 1)])))\">\(ja ? "← 前へ" : "← Previous")</a>" }
        if query.page < pages { body += " <a href=\"\(HTML.escape(query.url("/records", ["page": String(query.page + 1)])))\">\(ja ? "次へ →" : "Next →")</a>" }
        body += "</p>"
        // One table per entity on the page (a part may mix opportunities and costs).
        var entityOrder: [Entity] = []
        for (_, r) in shown where !entityOrder.contains(r.entity) { entityOrder.append(r.entity) }
        for entity in entityOrder {
            body += "<table class=\"records\"><tr><th>\(ja ? "内訳" : "Count")</th><th>\(ja ? "値" : "Value")</th>"
            body += entity.headers.map { "<th>\($0)</th>" }.joined() + "</tr>"
            for (count, record) in shown where record.entity == entity {
                body += "<tr><td>\(HTML.escape(count.label(japanese: ja)))</td><td class=\"n\">\(record.value.map { NumberFormat.grouped($0, decimals: 2) } ?? "")</td>"
                body += (found.rows.cells(record) ?? []).map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
            }
            body += "</table>"
        }
        if all.isEmpty { body += "<p>\(ja ? "該当する記録はありません。" : "No records.")</p>" }
        return .html(Page.render(title: definition.name(language), language: language, viewer: viewer, csrf: context.session?.csrf, body: body))
    }
}

/// JSON string literals for the hand-built API bodies (field order kept as documented).
enum JSON {
    static func string(_ s: String) -> String {
        let data = try! JSONEncoder().encode(s)
        return String(decoding: data, as: UTF8.self)
    }
}
