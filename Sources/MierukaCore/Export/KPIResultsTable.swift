/// KPI results as a table: each figure with its numerator and denominator, the value in its unit as the pages show it.
public enum KPIResultsTable {
    public static func table(_ results: [KPIResult], language: Language, catalog: KPICatalog = .standard) -> ExportTable {
        let ja = language == .ja
        let headers = ja ? ["KPI ID", "指標", "区分", "グループ", "開始日", "終了日(含まない)", "分子", "分母", "値"]
                         : ["KPI id", "KPI", "Layer", "Group", "From", "To (exclusive)", "Numerator", "Denominator", "Value"]
        let rows = results.map { r -> [ExportCell] in
            let d = catalog[r.kpi]
            return [.text(r.kpi), .text(d?.name(language) ?? r.kpi), .text(d?.layer.label(language) ?? ""),
                    .text(r.group ?? (ja ? "(なし)" : "(none)")), .text(r.from.description), .text(r.to.description),
                    .count(r.value.numerator), .count(r.value.denominator), .figure(r.value.value, unit: d?.unit ?? .count)]
        }
        return ExportTable(name: "kpis", title: ja ? "KPI" : "KPIs", headers: headers, rows: rows)
    }
}
