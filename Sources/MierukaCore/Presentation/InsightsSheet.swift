/// The insights report as titled sections of tables and lines, so the CLI and the page show the same rows and words.
public enum InsightsSheet {
    public struct Section: Sendable {
        public var title: String
        public var blocks: [Block] = []

        public init(title: String) { self.title = title }
    }

    public enum Block: Sendable {
        /// A header row and data rows; columns from `numericFrom` on are numbers, except those in `leftAligned`.
        case table([[String]], numericFrom: Int, leftAligned: Set<Int> = [])
        case line(String)
    }

    public static func sections(_ r: InsightsReport, language: Language) -> [Section] {
        let ja = language == .ja
        var out: [Section] = []

        var section = Section(title: InsightsText.title(.bottleneck, r, language))
        var steps: [[String]] = [ja ? ["工程", "率", "件数", "基準", "不足"] : ["Step", "Rate", "Count", "Standard", "Shortfall"]]
        for s in r.funnel.steps {
            steps.append([
                (s.isBottleneck ? "▲ " : "  ") + InsightsText.stepLabel(s.step, language), s.rate.map(NumberFormat.percent) ?? NumberFormat.undefined,
                "\(NumberFormat.format(s.numerator, unit: .count)) / \(NumberFormat.format(s.denominator, unit: .count))",
                InsightsText.standard(s, language), s.shortfall.map { "−" + NumberFormat.percent($0) } ?? "",
            ])
        }
        section.blocks.append(.table(steps, numericFrom: 1, leftAligned: [3]))
        if let b = r.funnel.bottleneck, let advice = r.advice {
            section.blocks.append(.line("▲ " + InsightsText.bottleneck(b, language)))
            section.blocks.append(.line(advice.action(language)))
            section.blocks.append(.line(advice.detail(language)))
            for quote in advice.quotes { section.blocks.append(.line((ja ? "根拠: " : "Source: ") + quote.text(language))) }
        } else {
            section.blocks.append(.line("● " + InsightsText.noBottleneck(language)))
        }
        out.append(section)

        section = Section(title: InsightsText.title(.bestTime, r, language))
        let t = r.bestTimeToCall
        if t.byHour.isEmpty {
            section.blocks.append(.line(InsightsText.nothing(language)))
        } else {
            let head = ja ? ["架電", "コネクト", "コネクト率", ""] : ["Calls", "Connects", "Rate", ""]
            func rows(_ cells: [BestTimeToCall.Cell], _ name: (Int) -> String, _ title: String) -> [[String]] {
                [[title] + head] + cells.map { c in
                    [name(c.slot), NumberFormat.grouped(Double(c.calls)), NumberFormat.grouped(Double(c.connects)), NumberFormat.percent(c.rate),
                     c.tooFew ? InsightsText.tooFew(language) : ""]
                }
            }
            section.blocks.append(.table(rows(t.byHour, { InsightsText.hour($0, language) }, ja ? "時間帯" : "Hour"), numericFrom: 1, leftAligned: [4]))
            section.blocks.append(.table(rows(t.byWeekday, { InsightsText.weekday($0, language) }, ja ? "曜日" : "Weekday"), numericFrom: 1, leftAligned: [4]))
            section.blocks.append(.line(InsightsText.best(t, language)))
        }
        out.append(section)

        section = Section(title: InsightsText.title(.channels, r, language))
        if r.channels.rows.isEmpty {
            section.blocks.append(.line(InsightsText.nothing(language)))
        } else {
            var channels: [[String]] = [
                ja ? ["チャネル", "対応済みリード", "アポ", "商談化率", "目安", "判定"] : ["Channel", "Worked leads", "Appointments", "Rate", "Benchmark", "Judgement"]
            ]
            for c in r.channels.rows {
                channels.append([
                    InsightsText.channel(c.channel, language), NumberFormat.grouped(c.leadsWorked), NumberFormat.grouped(c.appointments),
                    c.rate.map(NumberFormat.percent) ?? NumberFormat.undefined, InsightsText.band(c.band, language),
                    InsightsText.judgement(c.judgement, language),
                ])
            }
            section.blocks.append(.table(channels, numericFrom: 1, leftAligned: [4, 5]))
        }
        out.append(section)

        for (section, rows, total) in [(InsightsText.Section.lostDeals, r.lostReasons.opportunities, r.lostReasons.opportunitiesLost),
                                       (.lostLeads, r.lostReasons.leads, r.lostReasons.leadsDisqualified)] {
            var lost = Section(title: InsightsText.title(section, r, language))
            guard total > 0 else {
                lost.blocks.append(.line(InsightsText.nothing(language)))
                out.append(lost)
                continue
            }
            var table: [[String]] = [ja ? ["理由", "件数", "割合"] : ["Reason", "Count", "Share"]]
            for row in rows {
                table.append([InsightsText.reason(row.reason, language), NumberFormat.grouped(Double(row.count)), NumberFormat.percent(row.share)])
            }
            table.append([ja ? "合計" : "Total", NumberFormat.grouped(Double(total)), NumberFormat.percent(1)])
            lost.blocks.append(.table(table, numericFrom: 1))
            out.append(lost)
        }

        section = Section(title: InsightsText.title(.reapproach, r, language))
        if r.reapproach.entries.isEmpty {
            section.blocks.append(.line(InsightsText.nothing(language)))
        } else {
            var list: [[String]] = [ja ? ["期日", "リード", "会社", "チャネル", "担当", "区分", "理由", "最終接触", "失注日"]
                                       : ["Due", "Lead", "Company", "Channel", "Rep", "Basis", "Reason", "Last contact", "Lost on"]]
            for e in r.reapproach.entries {
                list.append([
                    e.dueOn.description, e.leadId, e.company ?? "", InsightsText.channel(e.channel, language), e.repId ?? "",
                    InsightsText.basis(e.basis, language), InsightsText.reason(e.reason, language),
                    e.lastContactOn?.description ?? NumberFormat.undefined, e.lostOn?.description ?? "",
                ])
            }
            section.blocks.append(.table(list, numericFrom: 9))
            section.blocks.append(.line(ja ? "\(r.reapproach.entries.count)件" : "\(r.reapproach.entries.count) leads"))
        }
        out.append(section)
        return out
    }
}
