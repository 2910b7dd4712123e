import MierukaCore

/// The download links of a page with tables: `format=xlsx` (every table as a sheet), and each table as CSV in UTF-8
/// and in Shift_JIS (`encoding=cp932`), on the page's own URL so the files hold what the page shows.
public enum ExportLinks {
    public static func html(base: String, tables: [ExportTable], language: Language) -> String {
        let ja = language == .ja
        let join = base.contains("?") ? "&" : "?"
        func url(_ items: String) -> String { HTML.escape(base + join + items) }
        var html = "<p class=\"exports\">\(ja ? "ダウンロード" : "Download"): "
        html += "<a href=\"\(url("format=xlsx"))\" data-export=\"xlsx\">Excel (.xlsx)</a>"
        for table in tables {
            let pick = tables.count > 1 ? "&table=\(table.name)" : ""
            let label = tables.count > 1 ? HTML.escape(table.title) + " " : ""
            html += " · \(label)CSV <a href=\"\(url("format=csv" + pick))\" data-export=\"csv\">UTF-8</a>"
            html += " / <a href=\"\(url("format=csv&encoding=cp932" + pick))\" data-export=\"csv-cp932\">Shift_JIS</a>"
        }
        return html + "</p>"
    }

}
