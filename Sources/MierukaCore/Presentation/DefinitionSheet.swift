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

    /// Where the catalog leaves room, the product reads it this way (shown on the sheet so every figure can be explained).
    public static func readings(_ language: Language) -> [String] {
        switch language {
        case .ja:
            return [
                "グループ「なし」(null): 担当者のいないリード、チームのない担当者、チャネルのないコストがデータに1件でもあれば、すべてのKPIにその行を出す(期間内に該当がなくても0や—で表示)。",
                "リードのない商談はチャネル unknown に集計する(data-model.md)。",
                "メール開封率・クリック率の分子は、バウンスしなかったメールのうち開封・クリックされたもの。",
                "アップセル率の継続顧客 = 期間前月と期間最終月の両方でMRR > 0 の顧客。",
                "初回対応時間・SLA: 最初のアウトバウンド活動(担当者・種別を問わず、期間後でもよい)。インバウンドは対応に数えない。リード作成より前の活動があれば負の分数のまま扱う。",
                "アサイン→初回接触: 期間内にアサインされたリードの、最初のアウトバウンド活動(全期間)までの分数。未接触は除外。",
                "レスポンス: 期間内のインバウンド活動、接続した通話、返信のあったメールのいずれか(誰の活動でもよい)。",
                "再接触: 未接続の通話・未返信のメール(空欄も反応なし)から、同じリードへの次のアウトバウンド活動まで。担当者別はその未反応活動の担当者。",
                "四半期は会計年度の期首月に合わせる。--by week などの期間分割は指定範囲で切り、グループは切った後の開始日。",
                "パイプライン予測精度は記録された受注金額の予測に対して (実績 − |予測 − 実績|) ÷ 実績。予測の記録がない期間は未定義。",
                "LTV/CAC は分子 = LTV、分母 = CAC。どちらかが未定義なら未定義。",
                "時刻は秒単位で保存する(小数秒は切り捨て)。金額は整数円: 1,234,000 / ¥ / 円 / .00 は受け付け、端数のある金額はエラー。",
            ]
        case .en:
            return [
                "The null group (no rep / team / channel): when the data holds any fact without one (an unassigned lead, a rep without a team, a cost without a channel), every KPI gets a null line, also in periods where it counts nothing.",
                "An opportunity without a lead counts under channel unknown (data-model.md).",
                "Email open and click rates count, in the numerator, opened or clicked emails among those that did not bounce.",
                "Upsell rate: continuing customers pay (mrr > 0) in both the month before P and P's last month.",
                "First response and SLA: the first outbound activity of any rep and type, possibly after P; inbound never counts. An activity before the lead's created_at gives negative minutes, kept as they are.",
                "Assignment to contact: leads assigned in P, minutes to their first outbound activity at any time; never-contacted leads left out.",
                "A reaction is any inbound activity, a connected call or a replied email in P, by anyone.",
                "Recontact: from an unanswered outbound activity (call not connected, email not replied; empty = no reaction) to the lead's next outbound activity; per rep by the unanswered activity's rep.",
                "Quarters follow the fiscal-year start month. --by week (and the other grains) clip the range; the group is the clipped start date.",
                "Forecast accuracy: against a recorded won-amount forecast, (actual − |forecast − actual|) ÷ actual; undefined for a period without one.",
                "LTV/CAC: numerator LTV, denominator CAC; undefined when either is.",
                "Times are stored to the second (fractions dropped). Money is whole yen: 1,234,000, ¥, 円 and .00 are accepted; an amount with a fraction is an error.",
            ]
        }
    }

    public static func markdown(catalog: KPICatalog, settings: [String: String], language: Language) -> String {
        let ja = language == .ja
        var out = ja ? "# KPI定義書\n\n" : "# KPI definition sheet\n\n"
        out += ja ? "## 集計ルール\n\n" : "## Counting rules\n\n"
        for rule in countingRules(language) { out += "- \(rule)\n" }
        out += ja ? "\n## 解釈(カタログが明示しない点)\n\n" : "\n## Readings (where the catalog leaves room)\n\n"
        for reading in readings(language) { out += "- \(reading)\n" }
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
