import MierukaCore
import Testing

/// Seed 002's phase KPI sets as data, the month targets they make, and the transition plan's dates.
@Suite("Phase presets and transition plan")
struct PhasePresetTests {
    @Test("every preset KPI is a real catalog id, once per phase", arguments: Phase.allCases)
    func catalogIds(phase: Phase) {
        let preset = PhasePreset.standard(phase)
        #expect(preset.phase == phase)
        for p in preset.kpis { #expect(KPICatalog.standard[p.kpi] != nil, "\(phase): \(p.kpi) is not a catalog id") }
        #expect(Set(preset.kpiIds).count == preset.kpis.count, "\(phase) lists a KPI twice")
    }

    @Test("the design sheet: six rated KPIs per phase, each with the seed's example target")
    func designSheet() {
        for preset in PhasePreset.all {
            let sheet = preset.kpis.filter { $0.source == .designSheet }
            #expect(sheet.count == 6, "\(preset.phase)")
            for p in sheet {
                #expect(p.importance == 2 || p.importance == 3, "\(p.kpi)")
                #expect(p.example != nil, "\(p.kpi)")
            }
            // Unrated KPIs from the seed's lists carry no example target.
            for p in preset.kpis where p.source != .designSheet {
                #expect(p.importance == nil && p.example == nil, "\(p.kpi)")
            }
        }
        let launch = PhasePreset.launch.kpis
        #expect(launch.map(\.kpi) == ["calls", "connects", "valid_conversations", "emails_sent", "appointments", "meetings"])
        #expect(launch.map(\.stars) == ["★★★", "★★★", "★★☆", "★★☆", "★★★", "★★☆"])
        #expect(launch.map(\.layer) == [.action, .action, .action, .action, .tactical, .tactical])
        #expect(launch[0].example == ExampleTarget(100, .perRepPerDay, "100件/日"))
        let growth = PhasePreset.growth.kpis.filter { $0.source == .designSheet }
        #expect(growth.map(\.kpi) == ["calls", "opportunity_rate", "sqls", "quality_score_avg", "win_rate", "opportunity_amount"])
        #expect(growth.map { $0.example!.value } == [80, 0.15, 20, 75, 0.25, 30_000_000])
        let mature = PhasePreset.mature.kpis.filter { $0.source == .designSheet }
        #expect(mature.map(\.kpi) == ["opportunity_rate", "sqls", "won_amount", "pipeline_amount", "cac", "ltv_cac_ratio"])
        #expect(mature.map { $0.example!.value } == [0.18, 25, 50_000_000, 150_000_000, 500_000, 3])
        #expect(PhasePreset.mature.unmapped.map(\.seedJa).contains("顧客満足度"))
    }

    @Test("a team's June targets: per-rep-per-day × 22 business days × 5 reps; per-month and rates as the seed gives them")
    func teamTargets() {
        // June 2026: Monday 1st to Tuesday 30th, no holidays → 22 business days.
        let june = YearMonth(year: 2026, month: 6)
        #expect(BusinessCalendar().businessDays(from: june.firstDay, to: june.adding(months: 1).firstDay) == 22)
        let (targets, skipped) = PhasePreset.launch.targets(scope: .team, scopeId: "IS1", month: june, businessDays: 22, headCount: 5)
        let values = Dictionary(uniqueKeysWithValues: targets.map { ($0.target.kpi, $0.target.value) })
        #expect(values == ["calls": 11_000, "connects": 2_200, "valid_conversations": 1_100, "emails_sent": 4_400, "appointments": 330, "meetings": 15])
        #expect(skipped.isEmpty)
        let calls = targets[0]
        #expect(calls.target == Target(kpi: "calls", scope: .team, scopeId: "IS1", period: .month, periodStart: june.firstDay, value: 11_000))
        #expect(calls.derivationJa == "100件/日 × 22営業日 × 5人 = 11,000")
        #expect(calls.derivationEn == "100/day × 22 business days × 5 reps = 11,000")
    }

    @Test("a rep's targets count one person; org-only KPIs and KPIs without an example are skipped with the reason")
    func repAndSkipped() {
        let june = YearMonth(year: 2026, month: 6)
        let rep = PhasePreset.growth.targets(scope: .rep, scopeId: "R1", month: june, businessDays: 22, headCount: 9)
        #expect(rep.targets.first { $0.target.kpi == "calls" }?.target.value == 1_760)
        #expect(rep.targets.first { $0.target.kpi == "opportunity_rate" }?.target.value == 0.15)
        #expect(rep.skipped.map(\.kpi) == ["connect_rate", "valid_conversation_rate", "appointment_rate", "email_reply_rate"])

        let team = PhasePreset.mature.targets(scope: .team, scopeId: "IS1", month: june, businessDays: 22, headCount: 5)
        #expect(team.skipped.first { $0.kpi == "cac" }?.reasonEn == "cac is not computed per team")
        #expect(!team.targets.contains { $0.target.kpi == "ltv_cac_ratio" })
        let org = PhasePreset.mature.targets(scope: .org, scopeId: "ignored", month: june, businessDays: 22, headCount: 12)
        #expect(org.targets.first { $0.target.kpi == "cac" }?.target == Target(kpi: "cac", scope: .org, period: .month,
                                                                                 periodStart: june.firstDay, value: 500_000))
    }

    @Test("preset targets are well-formed for every phase and scope")
    func wellFormed() {
        let rules = TargetRules(teams: ["IS1"], reps: ["R1"], fiscalYearStartMonth: 4)
        for preset in PhasePreset.all {
            for (scope, id) in [(TargetScope.org, nil), (.team, "IS1"), (.rep, "R1")] as [(TargetScope, String?)] {
                for t in preset.targets(scope: scope, scopeId: id, month: YearMonth(year: 2026, month: 7), businessDays: 22, headCount: 3).targets {
                    #expect(rules.problems(t.target).isEmpty, "\(preset.phase) \(t.target.key): \(rules.problems(t.target))")
                }
            }
        }
    }

    @Test("transition from launch starting 2026-07: reference in July, both in Aug–Sep, growth KPIs lead from October")
    func transition() throws {
        let plan = try #require(TransitionPlan(from: .launch, start: YearMonth(year: 2026, month: 7)))
        #expect(plan.to == .growth)
        #expect(plan.steps.map(\.stage) == [.preparation, .parallel, .fullTransition])
        #expect(plan.steps.map { $0.months(.ja) } == ["2026-07", "2026-08〜2026-09", "2026-10〜"])
        #expect(plan.steps.map { $0.months(.en) } == ["2026-07", "2026-08 to 2026-09", "from 2026-10"])
        let added = ["opportunity_rate", "sqls", "quality_score_avg", "win_rate", "opportunity_amount"]
        #expect(plan.steps[0].reference == added)
        #expect(plan.steps[0].leading == PhasePreset.launch.kpiIds)
        #expect(plan.steps[1].leading == PhasePreset.launch.kpiIds + added)
        #expect(plan.steps[2].leading == ["calls"] + added)
        #expect(plan.steps[2].demoted == ["connects", "valid_conversations", "emails_sent", "appointments", "meetings"])
        #expect(plan.steps[0].actionsJa[1] == "次フェーズで追加するKPIを「参考値」として計測開始")
    }

    @Test("the plan crosses the year; mature has no next phase")
    func transitionEdges() throws {
        let plan = try #require(TransitionPlan(from: .growth, start: YearMonth(year: 2026, month: 11)))
        #expect(plan.steps[1].first == YearMonth(year: 2026, month: 12))
        #expect(plan.steps[1].last == YearMonth(year: 2027, month: 1))
        #expect(plan.steps[2].first == YearMonth(year: 2027, month: 2))
        #expect(plan.steps[2].last == nil)
        #expect(TransitionPlan(from: .mature, start: YearMonth(year: 2026, month: 7)) == nil)
    }
}
