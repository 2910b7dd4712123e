import ArgumentParser
import Foundation
import MierukaCore
import MierukaStore

/// `mieruka insights`: the bottleneck with the seeds' advice, the best time to call, conversion by channel, lost reasons
/// and the re-approach list, for the organisation or a team.
struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "What to improve: bottleneck, best time to call, channels, lost reasons, re-approach. 改善のヒント。",
        discussion: """
            The period is --from/--to ([from, to), to exclusive) or --period YYYY-MM; without either, the current month.
            The re-approach list is as of the earlier of today and the period's last day.
            Example: mieruka insights --period 2026-05 --team インサイドセールス1課
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Day after the last day, YYYY-MM-DD (exclusive).") var to: String?
    @Option(help: "A month, YYYY-MM (instead of --from/--to).") var period: String?
    @Option(help: "A team (default: the whole organisation).") var team: String?
    @Option(help: "table | json") var format: String = "table"
    @Option(help: "ja | en") var lang: String = "ja"

    func run() async throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang must be ja or en") }
        let asked = try askedRange()
        let db = try await store.open()
        do {
            let range: (from: LocalDate, to: LocalDate)
            if let asked { range = asked } else { range = Self.month(of: try await db.settings().clock.localDate(of: Date())) }
            let report = try await InsightsService(store: db).insights(from: range.from, to: range.to, team: team)
            say(format == "json" ? try report.json() : Self.table(report, language: language))
            try await db.close()
        } catch let error as InsightsError {
            try? await db.close()
            throw ValidationError(error.message)
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// [from, to) from --from/--to or --period; nil when neither is given (the current month, in the organisation's time zone).
    func askedRange() throws -> (from: LocalDate, to: LocalDate)? {
        switch (from, to, period) {
        case (nil, nil, nil):
            return nil
        case (nil, nil, let month?):
            guard let m = YearMonth(month) else { throw ValidationError("--period must be a month, YYYY-MM") }
            return Self.month(of: LocalDate(year: m.year, month: m.month, day: 1))
        case (let f?, let t?, nil):
            guard let fromDate = LocalDate(f), let toDate = LocalDate(t) else {
                throw ValidationError("--from and --to must be dates like 2026-05-01")
            }
            guard fromDate < toDate else { throw ValidationError("--to (\(t)) must be after --from (\(f)); --to is exclusive") }
            return (fromDate, toDate)
        default:
            throw ValidationError("give --from and --to together, or --period YYYY-MM, not both")
        }
    }

    static func month(of day: LocalDate) -> (from: LocalDate, to: LocalDate) {
        let start = LocalDate(year: day.year, month: day.month, day: 1)
        return (start, start.adding(months: 1))
    }

    static func table(_ r: InsightsReport, language: Language) -> String {
        let ja = language == .ja
        var out = InsightsText.heading(r, language) + "\n"

        out += "\n■ " + InsightsText.title(.bottleneck, r, language) + "\n"
        var steps: [[String]] = [ja ? ["工程", "率", "件数", "基準", "不足"] : ["Step", "Rate", "Count", "Standard", "Shortfall"]]
        for s in r.funnel.steps {
            steps.append([
                (s.isBottleneck ? "▲ " : "  ") + InsightsText.stepLabel(s.step, language), s.rate.map(NumberFormat.percent) ?? NumberFormat.undefined,
                "\(NumberFormat.format(s.numerator, unit: .count)) / \(NumberFormat.format(s.denominator, unit: .count))",
                InsightsText.standard(s, language), s.shortfall.map { "−" + NumberFormat.percent($0) } ?? "",
            ])
        }
        out += KPITable.render(steps, numericFrom: 1, leftAligned: [3])
        if let b = r.funnel.bottleneck, let advice = r.advice {
            out += "▲ " + InsightsText.bottleneck(b, language) + "\n  " + advice.action(language) + "\n  " + advice.detail(language) + "\n"
            for quote in advice.quotes { out += "  " + (ja ? "根拠: " : "Source: ") + quote.text(language) + "\n" }
        } else {
            out += "● " + InsightsText.noBottleneck(language) + "\n"
        }

        out += "\n■ " + InsightsText.title(.bestTime, r, language) + "\n"
        let t = r.bestTimeToCall
        if t.byHour.isEmpty {
            out += InsightsText.nothing(language) + "\n"
        } else {
            let head = ja ? ["架電", "コネクト", "コネクト率", ""] : ["Calls", "Connects", "Rate", ""]
            func rows(_ cells: [BestTimeToCall.Cell], _ name: (Int) -> String, _ title: String) -> [[String]] {
                [[title] + head] + cells.map { c in
                    [name(c.slot), NumberFormat.grouped(Double(c.calls)), NumberFormat.grouped(Double(c.connects)), NumberFormat.percent(c.rate),
                     c.tooFew ? InsightsText.tooFew(language) : ""]
                }
            }
            out += KPITable.render(rows(t.byHour, { InsightsText.hour($0, language) }, ja ? "時間帯" : "Hour"), numericFrom: 1, leftAligned: [4])
            out += KPITable.render(rows(t.byWeekday, { InsightsText.weekday($0, language) }, ja ? "曜日" : "Weekday"), numericFrom: 1, leftAligned: [4])
            out += InsightsText.best(t, language) + "\n"
        }

        out += "\n■ " + InsightsText.title(.channels, r, language) + "\n"
        if r.channels.rows.isEmpty {
            out += InsightsText.nothing(language) + "\n"
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
            out += KPITable.render(channels, numericFrom: 1, leftAligned: [4, 5])
        }

        for (section, rows, total) in [(InsightsText.Section.lostDeals, r.lostReasons.opportunities, r.lostReasons.opportunitiesLost),
                                       (.lostLeads, r.lostReasons.leads, r.lostReasons.leadsDisqualified)] {
            out += "\n■ " + InsightsText.title(section, r, language) + "\n"
            guard total > 0 else {
                out += InsightsText.nothing(language) + "\n"
                continue
            }
            var table: [[String]] = [ja ? ["理由", "件数", "割合"] : ["Reason", "Count", "Share"]]
            for row in rows {
                table.append([InsightsText.reason(row.reason, language), NumberFormat.grouped(Double(row.count)), NumberFormat.percent(row.share)])
            }
            table.append([ja ? "合計" : "Total", NumberFormat.grouped(Double(total)), NumberFormat.percent(1)])
            out += KPITable.render(table, numericFrom: 1)
        }

        out += "\n■ " + InsightsText.title(.reapproach, r, language) + "\n"
        if r.reapproach.entries.isEmpty {
            out += InsightsText.nothing(language) + "\n"
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
            out += KPITable.render(list, numericFrom: 9)
            out += (ja ? "\(r.reapproach.entries.count)件" : "\(r.reapproach.entries.count) leads") + "\n"
        }
        return out
    }
}
