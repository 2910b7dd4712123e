/// Checks each target against SMART (seed 000) with the reason and the numbers, in Japanese and English:
/// - S: the target names one catalog KPI;
/// - M: the records that KPI is computed from exist;
/// - A: the target is within reach of the organisation's own history — at most 1.3 × the best month of the KPI and
///   scope, and, for action volumes, no more per rep per business day than the best rep's best week ÷ 5;
/// - R: the KPI lies on the chain to the KGI or in the current phase's preset;
/// - T: the target has a period and starts on that period's first day, so it has a deadline.
/// Well-formedness (scope exists, value ≥ 0) is `TargetRules`' job; this asks whether a well-formed target is a good one.
public struct SMARTCheck: Sendable {
    public let catalog: KPICatalog
    /// Which kinds of records the store holds at least one of.
    public let recorded: Set<RecordedData>
    /// The organisation's current phase; nil when not diagnosed ("Relevant" then asks for the chain alone).
    public let phase: Phase?
    public let fiscalYearStartMonth: Int

    /// A target above this multiple of the best month is a stretch the history does not support.
    public static let stretchLimit = 1.3
    /// The best week is spread over five working days.
    public static let daysPerWeek = 5.0

    public init(catalog: KPICatalog = .standard, recorded: Set<RecordedData>, phase: Phase?, fiscalYearStartMonth: Int = 4) {
        self.catalog = catalog
        self.recorded = recorded
        self.phase = phase
        self.fiscalYearStartMonth = fiscalYearStartMonth
    }

    public func check(_ target: Target, history: TargetHistory?) -> SMARTResult {
        guard let definition = catalog[target.kpi] else {
            let several = target.kpi.contains(where: { ",+/&・、".contains($0) })
            let specific = several
                ? SMARTFinding(.specific, .fail, ja: "「\(target.kpi)」は複数のKPIを一つの目標にしています:KPIごとに目標を分けてください",
                               en: "\"\(target.kpi)\" puts several KPIs in one target: set one target per KPI")
                : SMARTFinding(.specific, .fail, ja: "「\(target.kpi)」はKPIカタログにありません(mieruka catalog で一覧)",
                               en: "\"\(target.kpi)\" is not a catalog KPI id (mieruka catalog lists them)")
            let unjudged = { (letter: SMARTLetter) in
                SMARTFinding(letter, .notJudged, ja: "KPIが特定できないため判断できません", en: "cannot tell without a catalog KPI")
            }
            return SMARTResult(target: target, findings: [specific, unjudged(.measurable), unjudged(.achievable), unjudged(.relevant),
                                                          timeBound(target)])
        }
        return SMARTResult(target: target, findings: [
            SMARTFinding(.specific, .pass, ja: "カタログKPI \(definition.id)(\(definition.ja))一つ:定義は一つです",
                         en: "one catalog KPI, \(definition.id) (\(definition.en)), with one definition"),
            measurable(definition),
            achievable(target, definition, history),
            relevant(definition),
            timeBound(target),
        ])
    }

    // MARK: - M

    func measurable(_ d: KPIDefinition) -> SMARTFinding {
        let needed = RecordedData.needed(by: d.id) ?? []
        let missing = RecordedData.allCases.filter { needed.contains($0) && !recorded.contains($0) }
        let all = RecordedData.allCases.filter(needed.contains)
        if missing.isEmpty {
            return SMARTFinding(.measurable, .pass, ja: "必要なデータ(\(all.map { $0.name(.ja) }.joined(separator: "、")))があります",
                                en: "the data it needs (\(all.map { $0.name(.en) }.joined(separator: ", "))) is there")
        }
        return SMARTFinding(
            .measurable, .fail,
            ja: "\(d.ja)に必要な\(missing.map { $0.name(.ja) }.joined(separator: "、"))のデータが1件もありません",
            en: "\(d.id) needs \(missing.map { $0.name(.en) }.joined(separator: ", ")), and there is none")
    }

    // MARK: - A

    func achievable(_ t: Target, _ d: KPIDefinition, _ history: TargetHistory?) -> SMARTFinding {
        guard let history else {
            return SMARTFinding(.achievable, .notJudged, ja: "比較できる実績がありません", en: "no history to compare with")
        }
        var passes: [(String, String)] = []
        var fails: [(String, String)] = []
        var unjudged: [(String, String)] = []
        switch monthCheck(t, d, history) {
        case .pass(let ja, let en): passes.append((ja, en))
        case .fail(let ja, let en): fails.append((ja, en))
        case .notJudged(let ja, let en): unjudged.append((ja, en))
        }
        if let perRep = perRepDailyCheck(t, d, history) {
            switch perRep {
            case .pass(let ja, let en): passes.append((ja, en))
            case .fail(let ja, let en): fails.append((ja, en))
            case .notJudged(let ja, let en): unjudged.append((ja, en))
            }
        }
        let verdict: SMARTVerdict = !fails.isEmpty ? .fail : !passes.isEmpty ? .pass : .notJudged
        let shown = verdict == .fail ? fails : passes + unjudged
        return SMARTFinding(.achievable, verdict, ja: shown.map(\.0).joined(separator: "。"), en: shown.map(\.1).joined(separator: "; "))
    }

    enum Part {
        case pass(String, String), fail(String, String), notJudged(String, String)
    }

    /// The target against the best month, per business day when the target's period is not a month and the KPI adds up.
    func monthCheck(_ t: Target, _ d: KPIDefinition, _ h: TargetHistory) -> Part {
        guard h.monthsLookedAt > 0 else {
            return .notJudged("比較できる完了した月の実績がまだありません", "no complete month of data to compare with yet")
        }
        guard let best = h.bestMonth else {
            return .notJudged("過去\(h.monthsLookedAt)ヶ月に\(d.ja)の実績がありません",
                              "no figure for \(d.id) in the last \(h.monthsLookedAt) months")
        }
        let adds = d.kind == .count || d.kind == .sum
        let scaled = adds && t.period != .month
        guard !scaled || best.businessDays > 0 else {
            return .notJudged("最高月\(best.month)に営業日がありません", "the best month \(best.month) has no business days")
        }
        let reference = scaled ? best.value / Double(best.businessDays) * Double(h.businessDays) : best.value
        let f = { NumberFormat.format(Self.tidy($0), unit: d.unit) }
        let bestText = "\(best.month):\(f(best.value))" + (scaled ? "、\(best.businessDays)営業日" : "")
        let bestTextEn = "\(f(best.value)) in \(best.month)" + (scaled ? " over \(best.businessDays) business days" : "")
        let perDay = scaled ? "の1営業日あたり×\(h.businessDays)営業日" : ""
        let perDayEn = scaled ? " per business day × \(h.businessDays) business days" : ""
        if d.prefersLower {
            let floor = reference / Self.stretchLimit
            let ok = t.value >= floor * (1 - 1e-9)
            let ja = "目標\(f(t.value))は過去\(h.monthsLookedAt)ヶ月の最良月(\(bestText))\(perDay)÷1.3=\(f(floor))"
            let en = "target \(f(t.value)) against the best of the last \(h.monthsLookedAt) months (\(bestTextEn))\(perDayEn) ÷ 1.3 = \(f(floor))"
            return ok ? .pass(ja + "以上です", en + ": not below it") : .fail(ja + "を下回っています", en + ": below it")
        }
        let cap = reference * Self.stretchLimit
        let ok = t.value <= cap * (1 + 1e-9)
        let ja = "目標\(f(t.value))は過去\(h.monthsLookedAt)ヶ月の最高月(\(bestText))\(perDay)の1.3倍=\(f(cap))"
        let en = "target \(f(t.value)) against 1.3 × the best of the last \(h.monthsLookedAt) months (\(bestTextEn))\(perDayEn) = \(f(cap))"
        return ok ? .pass(ja + "以内です", en + ": within it") : .fail(ja + "を超えています", en + ": above it")
    }

    /// For action volumes: the daily amount one rep must do against the best rep's best week ÷ 5. nil = not a volume.
    func perRepDailyCheck(_ t: Target, _ d: KPIDefinition, _ h: TargetHistory) -> Part? {
        guard d.kind == .count, d.layer == .action, d.groupings.contains(.rep) else { return nil }
        guard h.headCount > 0 else {
            return .notJudged("対象にSDR・BDR・ISRの担当者がいないため1人あたりは計算できません",
                              "no SDR, BDR or ISR in the scope, so there is no per-rep figure")
        }
        guard h.businessDays > 0 else {
            return .notJudged("期間に営業日がありません", "the period has no business days")
        }
        guard let week = h.bestRepWeek else {
            return .notJudged("担当者の週次実績がありません", "no weekly figures of any rep to compare with")
        }
        let perRep = t.value / Double(h.headCount) / Double(h.businessDays)
        let bestDaily = week.value / Self.daysPerWeek
        let n = { NumberFormat.format(Self.tidy($0), unit: .count) }
        // "架電数" reads as "架電" after a count: 1人1日160件の架電.
        let noun = d.ja.hasSuffix("数") ? String(d.ja.dropLast()) : d.ja
        let nounEn = d.en.lowercased()
        let split = "\(n(t.value))÷\(h.headCount)人÷\(h.businessDays)営業日"
        let splitEn = "\(n(t.value)) ÷ \(h.headCount) rep\(h.headCount == 1 ? "" : "s") ÷ \(h.businessDays) business days"
        let weekText = "\(week.repId)、\(week.weekStart)の週:\(n(week.value))÷5"
        let weekTextEn = "\(week.repId), week of \(week.weekStart): \(n(week.value)) ÷ 5"
        if perRep > bestDaily * (1 + 1e-9) {
            return .fail("1人1日\(n(perRep))件の\(noun)が必要ですが(\(split))、最も多い週でも1日\(n(bestDaily))件でした(\(weekText))",
                         "needs \(n(perRep)) \(nounEn)/day per rep (\(splitEn)); the best week was \(n(bestDaily))/day (\(weekTextEn))")
        }
        return .pass("1人1日\(n(perRep))件(\(split))は最も多い週の1日\(n(bestDaily))件以内です(\(weekText))",
                     "\(n(perRep)) \(nounEn)/day per rep (\(splitEn)) is within the best week's \(n(bestDaily))/day (\(weekTextEn))")
    }

    /// 90 × 1.3 is 117.00000000000001 in binary: shown figures drop such noise (a millionth) so they read as worked by hand.
    static func tidy(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }

    // MARK: - R

    func relevant(_ d: KPIDefinition) -> SMARTFinding {
        let kgi = catalog[KGIChain.kgi]?.ja ?? KGIChain.kgi
        if KGIChain.contains(d.id) {
            return SMARTFinding(.relevant, .pass, ja: "KGI(\(kgi))へ逆算する連鎖上のKPIです",
                                en: "on the chain worked back from the KGI (\(KGIChain.kgi))")
        }
        if let phase, PhasePreset.standard(phase).contains(d.id) {
            return SMARTFinding(.relevant, .pass, ja: "現在のフェーズ(\(phase.name(.ja)))のKPIセットにあります",
                                en: "in the current phase's KPI set (\(phase.name(.en)))")
        }
        let phaseJa = phase.map { "、現在のフェーズ(\($0.name(.ja)))のKPIセットにもありません" } ?? "(フェーズは未診断)"
        let phaseEn = phase.map { ", nor in the current phase's KPI set (\($0.name(.en)))" } ?? " (phase not diagnosed)"
        return SMARTFinding(.relevant, .fail, ja: "\(d.ja)はKGI(\(kgi))へ逆算する連鎖上になく\(phaseJa)",
                            en: "\(d.id) is not on the chain worked back from the KGI (\(KGIChain.kgi))\(phaseEn)")
    }

    // MARK: - T

    func timeBound(_ t: Target) -> SMARTFinding {
        let grain = t.period.grain
        let start = grain.start(of: t.periodStart, fiscalYearStartMonth: fiscalYearStartMonth)
        guard start == t.periodStart else {
            return SMARTFinding(.timeBound, .fail, ja: "期間の始まり\(t.periodStart)が\(t.period.rawValue)の初日ではありません(\(start)から)",
                                en: "the \(t.period.rawValue) starting \(t.periodStart) does not start on its first day (\(start))")
        }
        let last = grain.next(after: start).adding(days: -1)
        return SMARTFinding(.timeBound, .pass, ja: "期限は\(last)(\(t.periodStart)〜\(last))", en: "due by \(last) (\(t.periodStart) to \(last))")
    }
}
