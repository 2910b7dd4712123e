import Foundation

/// The one-page KPI definition sheet (KPI定義書): every KPI's id, names, layer, formula, counting rule and benchmark,
/// with the organisation's current thresholds, so a figure can be explained with the rules that made it.
public enum DefinitionSheet {
    /// General counting rules every KPI follows, as the product reads kpi-catalog.md.
    public static func countingRules(_ language: Language) -> [String] {
        switch language {
        case .ja:
            return [
                "期間は [開始, 終了) の半開区間。組織のタイムゾーンの0時で区切る。日・ISO週(月曜始まり)・月・四半期・会計年度(期首月は設定)。",
                "イベントは自身の時刻が属する期間に数える(架電・メールは occurred_at、アポは商談の created_at、受注・失注は closed_at、新規リードは created_at、MQL/SQLは mql_at/sql_at)。",
                "担当者別: 活動は rep_id、アポ・有効商談・品質・受注・失注・金額は created_by、リード系(新規リード・MQL・SQL・初動・SLA・アサイン→初回接触)は assigned_to。チーム別は担当者のチーム。チャネル別はリードのチャネル(リードのない商談は unknown)。",
                "率は分子÷分母。分母が0なら未定義(—)で、0%にもエラーにもしない。すべての値に分子と分母を付ける。",
                "金額KPI(受注貢献金額・商談創出金額・パイプライン・CACの受注数・ROIの受注額)は source = inside_sales のみ。件数と率はすべてのソース。",
                "同じIDの行を再取り込みすると、後の行が記録全体を置き換える(空欄は値を消す)。コストはIDがないため、取り込んだファイルの月の行を置き換える。",
                "率はコホートではない: 分子と分母をそれぞれ期間内で数えるため、100%を超えることがある。",
            ]
        case .en:
            return [
                "A period is half-open [from, to) at 00:00 in the organisation's time zone: day, ISO week (Monday), month, quarter, fiscal year (start month is a setting).",
                "An event counts in the period holding its own timestamp (calls and emails: occurred_at; appointments: opportunity created_at; wins/losses: closed_at; new leads: created_at; MQL/SQL: mql_at/sql_at).",
                "Per rep: activities by rep_id; appointments, valid opportunities, quality, wins, losses and amounts by created_by; lead KPIs (new leads, MQL, SQL, first response, SLA, assignment to contact) by assigned_to. Per team: the rep's team. Per channel: the lead's channel (opportunities without a lead: unknown).",
                "A rate is numerator ÷ denominator; a zero denominator makes it undefined (—), never 0 % or an error. Every figure carries its numerator and denominator.",
                "Money KPIs (won amount, opportunity amount, pipeline, the wins in CAC, the won amount in ROI) count source = inside_sales only; counts and rates count every source.",
                "Re-importing a row with the same id replaces the whole record (an empty cell clears the value). Costs have no id: an import replaces the cost rows of the months its file holds.",
                "Rates are not cohorts: each side is counted in the period on its own, so a value above 100 % is possible.",
            ]
        }
    }

    public static func markdown(catalog: KPICatalog, settings: [String: String], language: Language) -> String {
        let ja = language == .ja
        var out = ja ? "# KPI定義書\n\n" : "# KPI definition sheet\n\n"
        out += ja ? "## 集計ルール\n\n" : "## Counting rules\n\n"
        for rule in countingRules(language) { out += "- \(rule)\n" }
        out += ja ? "\n## 組織設定(現在値)\n\n| 設定 | キー | 値 |\n|---|---|---|\n" : "\n## Organisation settings (current)\n\n| Setting | Key | Value |\n|---|---|---|\n"
        for def in SettingDefinition.all {
            out += "| \(ja ? def.ja : def.en) | `\(def.key)` | \(settings[def.key] ?? def.defaultValue) |\n"
        }
        for layer in KPILayer.allCases {
            out += "\n## \(layer.label(language))\n\n"
            out += ja ? "| ID | 指標 | 計算式 | 集計ルール | 目安(出典) |\n|---|---|---|---|---|\n"
                : "| ID | KPI | Formula | Counting rule | Benchmark (seed) |\n|---|---|---|---|---|\n"
            for d in catalog.definitions where d.layer == layer {
                let name = ja ? "\(d.ja)<br>\(d.en)" : "\(d.en)<br>\(d.ja)"
                out += "| `\(d.id)` | \(name) | \(cell(d.formula)) | \(cell(d.rule ?? "")) | \(cell(d.benchmark ?? "—")) |\n"
            }
        }
        return out
    }

    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}
