/// The KPI management sheet of seed 003 (【管理シート】インサイドセールス組織KPI設計シート): 指標カテゴリ, KPI項目, 目標値, 実績,
/// 達成率, 備考 — for one scope and period, with achievement = 実績 ÷ 目標値 × 100.
///
/// The seed's eleven rows come first, each tied to the catalog KPI that is its one formula here; then every other KPI
/// that has a target for the scope and period, so a manager who sets a target sees it on the sheet. The seed's
/// ナーチャリング対象数 (MA配信対象リード数) has no catalog KPI (the MA tool owns it): the row stays, with — and a note.
public struct KPIManagementSheet: Sendable {
    public struct Row: Sendable, Hashable {
        public var category: String
        public var item: String
        /// nil when the row has no catalog KPI.
        public var kpi: String?
        public var unit: KPIUnit
        public var target: Double?
        public var actual: KPIValue?
        public var note: String

        /// 実績 ÷ 目標値 (shown × 100 as a percentage); undefined without a target, with a target of 0, or without an actual.
        public var achievement: Double? {
            guard let target, target != 0, let value = actual?.value else { return nil }
            return value / target
        }
    }

    /// One line of the seed's sheet: category and item as the seed names them, the catalog KPI, the seed's note.
    struct SeedLine {
        let category: (ja: String, en: String)
        let item: (ja: String, en: String)
        let kpi: String?
        let note: (ja: String, en: String)
    }

    static let seedLines: [SeedLine] = [
        SeedLine(category: ("リード", "Leads"), item: ("新規リード数", "New leads"), kpi: "new_leads",
                 note: ("マーケティングからの流入数", "Leads coming in from marketing")),
        SeedLine(category: ("リード", "Leads"), item: ("MQL数", "MQLs"), kpi: "mqls",
                 note: ("マーケティング認定リード数", "Marketing-qualified leads")),
        SeedLine(category: ("活動量", "Activity"), item: ("架電数", "Calls"), kpi: "calls",
                 note: ("1日あたり目標を設定", "Set a daily target")),
        SeedLine(category: ("活動量", "Activity"), item: ("接続率", "Connect rate"), kpi: "connect_rate",
                 note: ("架電に対する接続の割合", "Connects per call")),
        SeedLine(category: ("活動量", "Activity"), item: ("有効会話数", "Valid conversations"), kpi: "valid_conversations",
                 note: ("意思決定者との会話数", "Conversations that count (KPI definitions: connected and long enough)")),
        SeedLine(category: ("商談化", "Opportunities"), item: ("アポ獲得数", "Appointments"), kpi: "appointments",
                 note: ("商談化したリード数", "Leads turned into opportunities")),
        SeedLine(category: ("商談化", "Opportunities"), item: ("商談化率", "Opportunity rate"), kpi: "mql_to_appointment_rate",
                 note: ("MQL→アポの転換率(アポ獲得数 ÷ MQL数)", "MQL → appointment (appointments ÷ MQLs)")),
        SeedLine(category: ("品質", "Quality"), item: ("トスアップ数", "Hand-offs"), kpi: "handoffs",
                 note: ("FSへ引き継いだ案件数", "Opportunities handed to field sales")),
        SeedLine(category: ("品質", "Quality"), item: ("有効商談率", "Valid opportunity rate"), kpi: "valid_opportunity_rate",
                 note: ("トスアップ後の商談継続率。KPI定義書の式: 有効商談数 ÷ アポ獲得数", "Opportunities that hold after the hand-off; the catalog's formula: valid opportunities ÷ appointments")),
        SeedLine(category: ("育成", "Nurturing"), item: ("ナーチャリング対象数", "Leads in nurturing"), kpi: nil,
                 note: ("MA配信対象リード数。MAツールの数値のためMierukaでは計測しません", "Leads in MA campaigns: the MA tool's number, not measured by Mieruka")),
        SeedLine(category: ("育成", "Nurturing"), item: ("メール開封率", "Email open rate"), kpi: "email_open_rate",
                 note: ("ナーチャリングメールの効果指標", "How nurturing emails work")),
    ]

    public let rows: [Row]

    /// - Parameters:
    ///   - actuals: the scope's figure per KPI id over the period.
    ///   - targets: the scope's target per KPI id for the period (a target whose period is the sheet's).
    public init(actuals: [String: KPIValue], targets: [String: Double], language: Language, catalog: KPICatalog = .standard) {
        let ja = language == .ja
        var rows: [Row] = []
        for line in Self.seedLines {
            let unit = line.kpi.flatMap { catalog[$0]?.unit } ?? .count
            rows.append(Row(category: ja ? line.category.ja : line.category.en, item: ja ? line.item.ja : line.item.en, kpi: line.kpi,
                            unit: unit, target: line.kpi.flatMap { targets[$0] }, actual: line.kpi.flatMap { actuals[$0] },
                            note: ja ? line.note.ja : line.note.en))
        }
        let onSheet = Set(Self.seedLines.compactMap(\.kpi))
        for definition in catalog.definitions where targets[definition.id] != nil && !onSheet.contains(definition.id) {
            rows.append(Row(category: definition.layer.label(language), item: definition.name(language), kpi: definition.id,
                            unit: definition.unit, target: targets[definition.id], actual: actuals[definition.id],
                            note: (ja ? "目標設定あり。式: " : "Has a target. Formula: ") + definition.formula))
        }
        self.rows = rows
    }

    /// The KPI ids whose actuals the sheet needs for these targets.
    public static func kpis(targets: [String: Double]) -> Set<String> {
        Set(seedLines.compactMap(\.kpi)).union(targets.keys)
    }

    /// The sheet as a table, with the seed's column names (English headers for `en`).
    public func table(language: Language, title: String) -> ExportTable {
        let ja = language == .ja
        let headers = ja ? ["指標カテゴリ", "KPI項目", "目標値", "実績", "達成率", "備考"]
                         : ["Category", "KPI", "Target", "Actual", "Achievement", "Note"]
        let cells = rows.map { row -> [ExportCell] in
            [.text(row.category), .text(row.item), row.kpi == nil ? .undefined : .figure(row.target, unit: row.unit),
             row.kpi == nil ? .undefined : .figure(row.actual?.value, unit: row.unit),
             row.achievement.map { .number($0, .percent(1)) } ?? .undefined, .text(row.note)]
        }
        return ExportTable(name: "kpi_sheet", title: title, headers: headers, rows: cells)
    }
}
