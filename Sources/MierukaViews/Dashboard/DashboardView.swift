import MierukaCore

/// The morning-meeting dashboard as one complete HTML5 page: inline CSS and SVG, no script, no other host.
public enum DashboardView {
    public static func render(_ model: DashboardModel) -> String {
        "<!DOCTYPE html>\n" + page(model).rendered + "\n"
    }

    static func page(_ m: DashboardModel) -> HTML {
        let l = m.language
        return .el(
            "html", ["lang": l.rawValue],
            [
                .el(
                    "head", [:],
                    [
                        .el("meta", ["charset": "utf-8"]),
                        .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                        .el("title", [:], "Mieruka — \(m.title) — \(m.periodLabel)"),
                        .el("style", [:], [.trusted(styleSheet)]),
                    ]),
                .el(
                    "body", [:],
                    [
                        header(m),
                        alerts(m),
                        .el(
                            "main", [:],
                            m.cardGroups.map { cardGroup($0, m) } + [
                                funnel(m),
                                .el("div", ["class": "split"], [trend(m), weekly(m), reps(m)]),
                                .trusted(ExportLinks.html(base: m.links.language(m.language), tables: m.exportTables, language: l)),
                            ]),
                    ]),
            ])
    }

    // MARK: header

    static func header(_ m: DashboardModel) -> HTML {
        let l = m.language
        let days =
            l == .ja
            ? "(営業日 \(m.businessDaysElapsed)/\(m.businessDaysTotal))"
            : "(business day \(m.businessDaysElapsed) of \(m.businessDaysTotal))"
        let periods = DashboardPeriodChoice.allCases.map { p in
            HTML.el("li", [:], [.el("a", ["href": m.links.period(p), "aria-current": p == m.periodChoice ? "page" : nil], p.label(l))])
        }
        let languages = Language.allCases.map { lang in
            HTML.el(
                "li", [:],
                [
                    .el(
                        "a",
                        ["href": m.links.language(lang), "hreflang": lang.rawValue, "lang": lang.rawValue, "aria-current": lang == l ? "true" : nil],
                        lang.rawValue.uppercased())
                ])
        }
        return .el(
            "header", ["class": "top"],
            [
                .el(
                    "h1", [:],
                    [
                        .el("span", ["class": "brand"], "Mieruka"), .text(" "), .text(m.title), .text(" "), .text(m.periodLabel), .text(" "),
                        .el("span", ["class": "days"], days),
                    ]),
                m.badges.isEmpty ? .group([]) : .el("p", ["class": "badges"], m.badges.map { HTML.el("a", ["href": $0.url, "class": "badge"], $0.label) }),
                .el("nav", ["aria-label": DashboardText.period(l)], [.el("ul", [:], periods)]),
                .el("nav", ["aria-label": DashboardText.languageLabel(l)], [.el("ul", [:], languages)]),
                account(m),
                filter(m),
            ])
    }

    static func account(_ m: DashboardModel) -> HTML {
        guard let a = m.account else { return .group([]) }
        return .el(
            "form", ["method": "post", "action": a.logoutPath, "class": "account"],
            [
                .el("a", ["href": "/definitions"], m.language == .ja ? "KPI定義書" : "KPI definitions"),
                .group(a.pages.flatMap { [HTML.text(" "), .el("a", ["href": $0.path], $0.label)] }),
                .text(" \(a.login) (\(a.roleLabel)) "),
                .el("input", ["type": "hidden", "name": "csrf", "value": a.csrf]),
                .el("button", ["type": "submit"], m.language == .ja ? "ログアウト" : "Log out"),
            ])
    }

    static func alerts(_ m: DashboardModel) -> HTML {
        guard !m.alerts.isEmpty else { return .group([]) }
        let l = m.language
        let heading = l == .ja ? "⚠ \(DashboardText.alerts(l)) \(m.alerts.count)件" : "⚠ \(m.alerts.count) \(m.alerts.count == 1 ? "alert" : "alerts")"
        return .el(
            "section", ["class": "alerts", "role": "alert"],
            [
                .el("strong", [:], heading),
                .el("ul", [:], m.alerts.prefix(shownAlerts).map(alertItem)),
                // The rest folds away (no script needed), so the figures stay near the top of the morning meeting's screen.
                m.alerts.count > shownAlerts
                    ? .el("details", [:], [
                        .el("summary", [:], l == .ja ? "他 \(m.alerts.count - shownAlerts)件" : "\(m.alerts.count - shownAlerts) more"),
                        .el("ul", [:], m.alerts.dropFirst(shownAlerts).map(alertItem)),
                    ])
                    : .group([]),
            ])
    }

    /// Alerts listed before the fold.
    static let shownAlerts = 5

    static func alertItem(_ a: DashboardAlert) -> HTML {
        let text = a.severity.symbol + " " + a.message
        return .el("li", ["class": "sev-\(a.severity.rawValue)"], [a.url.map { .el("a", ["href": $0], text) } ?? .text(text)])
    }

    // MARK: cards

    static func cardGroup(_ g: CardGroup, _ m: DashboardModel) -> HTML {
        .el(
            "section", ["class": "layer layer-\(g.layer.rawValue)"],
            [
                .el("h2", [:], g.label),
                .el("div", ["class": "cards"], g.cards.map { card($0, m) }),
            ])
    }

    static func card(_ c: KPICard, _ m: DashboardModel) -> HTML {
        let l = m.language
        let url = m.links.records(c.kpi, m.scope)
        var lines: [HTML] = [
            .el("h3", [:], c.name),
            .el(
                "p", ["class": "actual"],
                [
                    .el("a", ["href": url], c.actualText),
                    c.targetText.map { .el("span", ["class": "target"], " / " + $0) } ?? .group([]),
                ]),
        ]
        if let detail = c.detailText { lines.append(.el("p", ["class": "detail"], [.el("a", ["href": url], detail)])) }
        var meta: [[HTML]] = []
        if c.target != nil {
            meta.append([.text(DashboardText.achievement(l) + " "), .el("a", ["href": url], c.achievementText)])
        }
        if let pace = c.pace, let paceText = c.paceText {
            let on = pace >= 1
            meta.append([
                .text(DashboardText.pace(l) + " "), .el("a", ["href": url], paceText),
                .el("span", ["class": on ? "j-good" : "j-bad", "title": (on ? DashboardText.onPace : DashboardText.behind)(l)], on ? " ✓" : " △"),
            ])
        }
        if let landingText = c.landingText, c.landing != nil {
            var landing: [HTML] = [.text(DashboardText.landing(l) + " "), .el("a", ["href": url], landingText)]
            if let meets = c.landingMeetsTarget { landing.append(.el("span", ["class": meets ? "j-good" : "j-bad"], meets ? " ✓" : " △")) }
            meta.append(landing)
        }
        if let need = c.todayNeedText {
            meta.append([.el("strong", ["class": "today-need", "data-today-need": c.todayNeed.map(NumberFormat.json)], (l == .ja ? "本日の目安 " : "Today's need ") + need)])
        }
        if !meta.isEmpty {
            lines.append(.el("p", ["class": "meta"], Array(meta.enumerated().map { i, part in i == 0 ? part : [.text(" · ")] + part }.joined())))
        }
        if let bandText = c.bandText {
            var band: [HTML] = [.text(DashboardText.benchmark(l) + " " + bandText)]
            if let j = c.judgement { band.append(judgement(j, tone: c.tone, l)) }
            lines.append(.el("p", ["class": "bandline"], band))
        }
        // data-value: the raw figure exactly as the JSON API writes it ("null" when undefined), for machines and tests.
        return .el(
            "article",
            ["class": "card tone-\(c.tone.rawValue)", "id": "kpi-\(c.kpi)", "data-kpi": c.kpi, "data-value": NumberFormat.json(c.value.value)],
            lines)
    }

    /// The band symbol, coloured by what it means, with its words for screen readers and hover.
    static func judgement(_ j: BandJudgement, tone: Tone, _ l: Language) -> HTML {
        let words: String
        switch (j, l) {
        case (.below, .ja): words = "目安未満"
        case (.within, .ja): words = "目安内"
        case (.above, .ja): words = "目安超"
        case (.below, .en): words = "below benchmark"
        case (.within, .en): words = "within benchmark"
        case (.above, .en): words = "above benchmark"
        }
        return .el("span", ["class": "judge j-\(tone.rawValue)", "title": words, "aria-label": words], " " + j.symbol)
    }

    // MARK: rep table

    static func reps(_ m: DashboardModel) -> HTML {
        let l = m.language
        let achievementName =
            m.repAchievementKPI.map { kpi in
                DashboardText.achievement(l) + " (" + (KPICatalog.standard[kpi]?.name(l) ?? kpi) + ")"
            } ?? DashboardText.achievement(l)
        let columns: [(RepSort.Key, String)] = [
            (.name, DashboardText.rep(l)),
            (.calls, KPICatalog.standard["calls"]?.name(l) ?? "calls"),
            (.achievement, achievementName),
            (.connectRate, KPICatalog.standard["connect_rate"]?.name(l) ?? "connect_rate"),
            (.appointments, KPICatalog.standard["appointments"]?.name(l) ?? "appointments"),
            (.validOpportunityRate, KPICatalog.standard["valid_opportunity_rate"]?.name(l) ?? "valid_opportunity_rate"),
            (.wonAmount, KPICatalog.standard["won_amount"]?.name(l) ?? "won_amount"),
        ]
        let head = HTML.el(
            "tr", [:],
            columns.map { key, name in
                let current = m.sort.key == key
                let next = RepSort(key: key, direction: current ? m.sort.direction.flipped : (key == .name ? .asc : .desc))
                let arrow = current ? (m.sort.direction == .asc ? " ↑" : " ↓") : ""
                return .el(
                    "th", ["scope": "col", "aria-sort": current ? (m.sort.direction == .asc ? "ascending" : "descending") : nil],
                    [
                        .el("a", ["href": m.links.sort(next)], name + arrow)
                    ])
            })
        let rows = m.repRows.map { r -> HTML in
            func link(_ kpi: String, _ text: String) -> HTML { .el("a", ["href": m.links.records(kpi, r.repId)], text) }
            func count(_ x: Double?) -> String { NumberFormat.format(x, unit: .count) }
            func rate(_ x: Double?) -> String { NumberFormat.format(x, unit: .ratio) }
            func judged(_ j: BandJudgement?) -> HTML { j.map { judgement($0, tone: DashboardMath.tone($0, lowerIsBetter: false), l) } ?? .group([]) }
            return .el(
                "tr", [:],
                [
                    .el("th", ["scope": "row"], r.name),
                    .el("td", [:], [link("calls", count(r.calls))]),
                    .el(
                        "td", [:],
                        [
                            m.repAchievementKPI.map { link($0, r.achievement.map(NumberFormat.percent) ?? NumberFormat.undefined) }
                                ?? .text(NumberFormat.undefined)
                        ]),
                    .el(
                        "td", [:],
                        [
                            link("connect_rate", rate(r.connectRate)), judged(r.connectJudgement), .text(" "),
                            .el("span", ["class": "sub"], [.text("("), link("connects", count(r.connects)), .text(")")]),
                        ]),
                    .el("td", [:], [link("appointments", count(r.appointments))]),
                    .el(
                        "td", [:],
                        [
                            link("valid_opportunity_rate", rate(r.validOpportunityRate)), judged(r.validOpportunityJudgement), .text(" "),
                            .el("span", ["class": "sub"], [.text("("), link("valid_opportunities", count(r.validOpportunities)), .text(")")]),
                        ]),
                    .el("td", [:], [link("won_amount", NumberFormat.format(r.wonAmount, unit: .yen))]),
                ])
        }
        let body: [HTML] =
            rows.isEmpty
            ? [.el("tr", [:], [.el("td", ["colspan": "7"], DashboardText.noData(l))])]
            : rows
        return .el(
            "section", ["class": "reps"],
            [
                .el("h2", [:], DashboardText.reps(l)),
                .el("table", [:], [.el("thead", [:], [head]), .el("tbody", [:], body)]),
            ])
    }
}
