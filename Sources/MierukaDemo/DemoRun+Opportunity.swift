import Foundation
import MierukaCore

extension DemoRun {
    /// The opportunity an appointment created: BANT from the conversation, a meeting a few business days later
    /// (about 80 % held), then stages over the following weeks until won or lost, as far as the cut-off allows.
    /// Returns the hand-off moment too (the lead's SQL moment).
    mutating func makeOpportunity(
        leadID: String, channel ch: DemoChannel, created: Int, createdBy: Int, temperature: LeadTemperature, decisionMaker: Bool
    ) -> (Opportunity, handedOff: Int?) {
        let id = demoID(UInt8(ascii: "O"), nextOpportunity, width: 7)
        nextOpportunity += 1
        let createdDay = created / 86_400
        let createdMonth = clock.month(ofDay: createdDay)
        repMonths[createdBy][createdMonth].appointments += 1

        // Qualification: a latent quality drives BANT, need, decision process and next action together.
        let base = temperature == .now ? 0.56 : temperature == .researching ? 0.38 : 0.2
        let q = min(1, max(0, base + (decisionMaker ? 0.15 : 0) + rng.double(-0.2, 0.2)))
        func filled<T>(_ value: T) -> T? { rng.chance(0.04) ? nil : value }
        let budget = filled(rng.chance(0.2 + 0.6 * q))
        let authority = filled(rng.chance(decisionMaker ? 0.85 : 0.25 + 0.3 * q))
        let timeline = filled(rng.chance(0.15 + 0.7 * q))
        let nu = rng.unit()
        let need = filled(nu < 0.1 + 0.55 * q ? Need.clear : nu < 0.75 + 0.2 * q ? .outline : .unclear)
        let du = rng.unit()
        let process = filled(du < 0.05 + 0.45 * q ? DecisionProcess.detailed : du < 0.6 + 0.3 * q ? .outline : .unknown)
        let au = rng.unit()
        let next = filled(au < 0.45 + 0.45 * q ? NextAction.scheduled : au < 0.85 + 0.1 * q ? .monthOnly : NextAction.none)

        let sourceWeights = ch.sourceWeights
        let source = sourceWeights[rng.index(cumulative: cumulative(sourceWeights.map(\.1)))].0
        let owners = roster.fieldSales.filter { roster.members[$0].startDay <= createdDay }
        let owner = owners.isEmpty ? nil : owners[rng.below(owners.count)]

        var amount: Int64? = {
            let median = ch.name == "existing_customer" ? 700_000.0 : 1_300_000.0
            let yen = min(5_000_000, max(300_000, rng.logNormal(median: median, sigma: 0.65)))
            return Int64((yen / 10_000).rounded()) * 10_000
        }()

        var o = Opportunity(
            id: id, leadId: leadID, createdBy: roster.members[createdBy].rep.id, owner: owner.map { roster.members[$0].rep.id },
            source: source, createdAt: clock.date(created), stage: .appointment, budget: budget, authority: authority,
            timeline: timeline, need: need, decisionProcess: process, nextAction: next, isReactivation: ch.name == "dormant")

        // トスアップ within hours; the meeting 2–10 business days later on the hour or half hour.
        let handoff = clock.intoBusinessHours(created + rng.int(600, 3 * 3_600), rng: &rng)
        let handedOff = handoff <= eventEnd ? handoff : nil
        o.handedOffAt = handedOff.map(clock.date)
        let meetingDay = clock.businessDay(after: createdDay, rng.int(2, 10))
        let meeting = meetingDay * 86_400 + rng.int(10, 16) * 3_600 + (rng.chance(0.5) ? 1_800 : 0)
        guard meeting <= planEnd else {
            // Not yet scheduled within the generated months.
            o.amount = rng.chance(0.35) ? nil : amount
            return (o, handedOff)
        }
        o.meetingAt = clock.date(meeting)
        guard meeting <= eventEnd, rng.chance(0.8) else {
            // Upcoming, or not held (no-show, postponed): stays an appointment.
            o.amount = rng.chance(0.35) ? nil : amount
            return (o, handedOff)
        }

        // Held: the outcome follows quality; wins take longer than losses.
        let score = QualityScore.of(o)
        let won = rng.chance(min(0.6, max(0.03, 0.04 + 0.5 * Double(score - 35) / 65)))
        let cycle = won ? rng.int(14, 60) : rng.int(4, 45)
        let closeDay = clock.businessDay(onOrAfter: meetingDay + cycle)
        if rng.chance(0.08) { amount = nil }
        o.amount = amount
        let closing = clock.workingMoment(day: closeDay, rng: &rng)
        if closing <= eventEnd {
            o.stage = won ? .won : .lost
            o.closedAt = clock.date(closing)
            if !won {
                let reasons = DemoVocabulary.opportunityLostReasons
                o.lostReason = reasons[rng.index(cumulative: cumulative(reasons.map(\.weight)))].reason
            }
            let expected = clock.businessDay(onOrAfter: max(createdDay, closeDay + rng.int(-7, 10)))
            o.expectedCloseOn = LocalDate(dayNumber: expected <= planDay ? expected : closeDay)
            let month = clock.month(ofDay: closeDay)
            if won {
                repMonths[createdBy][month].wins += 1
                if source == .insideSales { repMonths[createdBy][month].wonAmount += Double(amount ?? 0) }
                winsByMonth[month].append(amount ?? 0)
            }
        } else {
            let progress = Double(cutoffDay - meetingDay) / Double(max(1, closeDay - meetingDay))
            o.stage = progress < 0.35 ? .meeting : progress < 0.7 ? .proposal : .negotiation
            let expected = clock.businessDay(onOrAfter: max(createdDay, closeDay + rng.int(-5, 10)))
            if expected <= planDay { o.expectedCloseOn = LocalDate(dayNumber: expected) }
        }
        return (o, handedOff)
    }
}
