import Foundation
import MierukaCore

extension DemoRun {
    /// How a lead's cadence ended (or where it stands at the cut-off).
    enum CadenceEnd {
        case notWorked
        /// Assigned, but the first touch is planned after the cut-off.
        case waiting(first: Int)
        /// Still being worked: the next touch is planned at this moment.
        case running(next: Int)
        /// Every planned touch done without a decision.
        case exhausted
        case nurture
        case disqualify
        case appointment(at: Int, rep: Int, decisionMaker: Bool)
    }

    /// What a valid conversation led to.
    enum ConversationResult { case appointment, nurture, disqualify, again }

    /// Business days between touches after the n-th touch: a same-day retry, then the gaps widen.
    static let cadenceGaps = [0, 1, 0, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 5, 5, 7, 7, 10]
    /// Connect likelihood by hour of day (lunch is bad, late afternoon good): managers ask which hours connect.
    static let hourFactor: [Double] = [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0.85, 1.1, 1.1, 0.6, 0.95, 1.0, 1.05, 1.15, 1.1, 1, 1, 1, 1, 1, 1,
    ]

    /// One lead: its record, its activities (into `pending`, in time order) and its opportunity.
    mutating func simulateLead(number: Int, created: Int, channel c: Int, assignment: [Double], cover: [Int]) -> (Lead, Opportunity?) {
        pending.removeAll(keepingCapacity: true)
        let ch = channels[c]
        let leadID = demoID(UInt8(ascii: "L"), number, width: 7)
        let createdDay = created / 86_400
        leadsByMonthChannel[clock.month(ofDay: createdDay)][c] += 1

        // Who the lead is.
        let business = DemoVocabulary.businesses[rng.below(DemoVocabulary.businesses.count)]
        let company = companyName(business.word)
        let titleEntry = DemoVocabulary.titles[rng.index(cumulative: titleCumulative)]
        let u = rng.unit()
        let temperature: LeadTemperature =
            u < ch.temperature.now ? .now : u < ch.temperature.now + ch.temperature.researching ? .researching : .future
        let warmth: Double = temperature == .now ? 1.9 : temperature == .researching ? 1.0 : 0.45
        // Some leads cannot be reached at all (wrong number, gatekeeper).
        let reach = rng.chance(0.15) ? 0.25 : 1.12

        // MQL: inquiries that score on arrival, event attendees once the list is scored.
        var mqlAt: Int?
        if ch.inbound, rng.chance(temperature == .now ? 0.75 : temperature == .researching ? 0.25 : 0.06) {
            let at: Int
            if ch.eventDriven {
                at = clock.workingMoment(day: clock.businessDay(after: createdDay, rng.int(1, 2)), rng: &rng)
            } else {
                at = created + rng.int(60, 1_800)
            }
            if at <= eventEnd { mqlAt = at }
        }

        // Assignment: routed within minutes for inquiries, within the hour for lists; a few wait unassigned.
        var assigned: Int?
        var assignedAt: Int?
        if !rng.chance(0.02) {
            let at = created + (ch.inbound ? rng.int(30, 480) : rng.int(0, 3_600))
            if at <= eventEnd {
                assigned = roster.insideSales[rng.index(cumulative: assignment)]
                assignedAt = at
            }
        }

        var end = CadenceEnd.notWorked
        var everConnected = false
        var lastTouch = created
        if let owner = assigned, let assignedAt, !rng.chance(ch.neverWorked) {
            end = cadence(
                leadID: leadID, channel: ch, created: created, assignedAt: assignedAt, owner: owner, cover: cover,
                warmth: warmth, reach: reach, decisionMakerChance: titleEntry.decisionMaker,
                mqlAt: &mqlAt, everConnected: &everConnected, lastTouch: &lastTouch)
        }

        // The opportunity, when an appointment was set.
        var opportunity: Opportunity?
        var sqlAt: Int?
        if case .appointment(let at, let rep, let decisionMaker) = end {
            // 日程確認メール: the appointment is confirmed by email, which leads open more than cold mail.
            let confirmation = clock.intoBusinessHours(at + rng.int(300, 3_600), rng: &rng)
            if confirmation <= eventEnd, rng.chance(0.85) {
                let opened = rng.chance(0.5)
                pending.append(
                    Activity(
                        id: nextActivityID(), leadId: leadID, repId: roster.members[rep].rep.id, type: .email, direction: .outbound,
                        occurredAt: clock.date(confirmation), opened: opened, clicked: opened && rng.chance(0.2),
                        replied: opened && rng.chance(0.3), bounced: false))
            }
            let (o, handedOff) = makeOpportunity(
                leadID: leadID, channel: ch, created: at, createdBy: rep, temperature: temperature, decisionMaker: decisionMaker)
            opportunity = o
            if let mql = mqlAt {
                mqlAt = min(mql, at)
                let bant = [o.budget, o.authority, o.timeline].filter { $0 == true }.count
                if bant >= 2 { sqlAt = handedOff ?? at }
            }
        }

        // Status and follow-up from what happened.
        var status: LeadStatus
        var lostReason: String?
        var followUp: Int?
        switch end {
        case .appointment:
            status = .converted
        case .notWorked:
            status = mqlAt != nil ? .mql : .new
        case .waiting(let first):
            status = mqlAt != nil ? .mql : .new
            followUp = first / 86_400
        case .running(let next):
            status = mqlAt != nil ? .mql : .working
            followUp = next / 86_400
        case .nurture:
            status = .nurturing
            lostReason = rng.chance(0.4) ? "時期尚早" : nil
            followUp = lastTouch / 86_400 + rng.int(30, 120)
        case .disqualify:
            status = .disqualified
            lostReason = rng.pick(DemoVocabulary.leadDisqualifyReasons)
        case .exhausted:
            if everConnected {
                status = .nurturing
                followUp = lastTouch / 86_400 + rng.int(45, 120)
            } else if ch.name == "dormant" || rng.chance(0.5) {
                status = .dormant
                lostReason = DemoVocabulary.unreachable
            } else {
                status = .nurturing
                followUp = lastTouch / 86_400 + rng.int(60, 180)
            }
        }
        if let day = followUp { followUp = clock.businessDay(onOrAfter: day) }
        if let day = followUp, day > planDay { followUp = nil }

        // What sales learnt: forms give temperature and title; lists give the title; a conversation tells the rest.
        let knowsTemperature = ch.inbound || everConnected
        var tags = business.industry
        if knowsTemperature {
            tags += temperature == .now ? ";導入検討" : temperature == .researching ? ";比較検討" : ";情報収集"
        }
        if rng.chance(0.6) { tags += ";" + rng.pick(DemoVocabulary.interests) }

        let lead = Lead(
            id: leadID, company: company, channel: ch.name, createdAt: clock.date(created),
            assignedTo: assigned.map { roster.members[$0].rep.id }, assignedAt: assignedAt.map(clock.date), status: status,
            temperature: knowsTemperature ? temperature : nil, mqlAt: mqlAt.map(clock.date), sqlAt: sqlAt.map(clock.date),
            lostReason: lostReason, nextFollowUpOn: followUp.map { LocalDate(dayNumber: $0) }, tags: tags,
            industry: business.industry, title: ch.inbound || ch.name == "outbound_list" || everConnected ? titleEntry.title : nil)
        return (lead, opportunity)
    }

    /// Calls and emails until an appointment, a decision, the end of the planned touches or the cut-off.
    private mutating func cadence(
        leadID: String, channel ch: DemoChannel, created: Int, assignedAt: Int, owner: Int, cover: [Int], warmth: Double,
        reach: Double, decisionMakerChance: Double, mqlAt: inout Int?, everConnected: inout Bool, lastTouch: inout Int
    ) -> CadenceEnd {
        let maxTouches = rng.int(ch.touches.lowerBound, ch.touches.upperBound)
        var callNext = false
        var boost = 1.0

        // A quarter of web inquiries arrive by phone: the inquiry itself is an inbound call at created_at.
        if ch.name == "web_inquiry", rng.chance(0.25) {
            push(
                leadID, rep: owner, .call, .inbound, at: created, duration: rng.int(120, 900), connected: true,
                decisionMaker: rng.chance(decisionMakerChance))
            everConnected = true
            boost = 2
        }

        var t = firstTouch(ch, created: created, assignedAt: assignedAt)
        var touches = 0
        while true {
            if t > eventEnd { return touches == 0 ? .waiting(first: t) : .running(next: t) }
            if touches >= maxTouches { return .exhausted }
            lastTouch = t
            let rep = cover.count > 1 && rng.chance(0.06) ? coverRep(cover, besides: owner) : owner
            let month = clock.month(ofDay: t / 86_400)
            var soon = false
            var again = false

            if callNext || rng.unit() >= ch.emailShare {
                callNext = false
                var p = ch.connect * reach * DemoRun.hourFactor[(t % 86_400) / 3600] * boost
                if touches == 0 && ch.inbound { p *= 1.3 }
                boost = 1
                let connected = rng.chance(min(p, 0.92))
                repMonths[rep][month].calls += 1
                if connected {
                    everConnected = true
                    repMonths[rep][month].connects += 1
                    let dm = rng.chance(decisionMakerChance)
                    let valid = rng.chance(dm ? 0.72 : 0.58)
                    let duration = valid ? min(120 + Int(rng.exponential(mean: 260)), 2_700) : rng.int(15, 119)
                    push(leadID, rep: rep, .call, .outbound, at: t, duration: duration, connected: true, decisionMaker: dm)
                    if valid {
                        switch conversation(ch, warmth: warmth, decisionMaker: dm) {
                        case .appointment: return .appointment(at: t + duration + rng.int(60, 900), rep: rep, decisionMaker: dm)
                        case .nurture: return .nurture
                        case .disqualify: return .disqualify
                        case .again: again = true
                        }
                    }
                } else {
                    push(leadID, rep: rep, .call, .outbound, at: t, duration: 0, connected: false, decisionMaker: false)
                    // Now and then the lead calls back.
                    if rng.chance(0.035) {
                        let back = clock.intoBusinessHours(t + rng.int(600, 5 * 3600), rng: &rng)
                        if back <= eventEnd {
                            let taker = rng.chance(0.8) ? owner : coverRep(cover, besides: owner)
                            let dm = rng.chance(decisionMakerChance)
                            let duration = rng.int(60, 900)
                            push(leadID, rep: taker, .call, .inbound, at: back, duration: duration, connected: true, decisionMaker: dm)
                            everConnected = true
                            lastTouch = back
                            t = back
                            if duration >= 120 {
                                switch conversation(ch, warmth: warmth * 1.2, decisionMaker: dm) {
                                case .appointment:
                                    return .appointment(at: back + duration + rng.int(60, 900), rep: taker, decisionMaker: dm)
                                case .nurture: return .nurture
                                case .disqualify: return .disqualify
                                case .again: again = true
                                }
                            }
                        }
                    }
                }
            } else {
                let bounced = rng.chance(0.03)
                let opened = !bounced && rng.chance(0.2)
                let clicked = opened && rng.chance(0.18)
                let replied = opened && rng.chance(0.17)
                pending.append(
                    Activity(
                        id: nextActivityID(), leadId: leadID, repId: roster.members[rep].rep.id, type: .email, direction: .outbound,
                        occurredAt: clock.date(t), opened: opened, clicked: clicked, replied: replied, bounced: bounced))
                if replied {
                    // A reply asks for a call: call soon, and the lead is likely to pick up.
                    soon = true
                    callNext = true
                    boost = 3
                }
                if clicked, mqlAt == nil, !ch.inbound, rng.chance(0.4) {
                    let at = t + rng.int(3_600, 3 * 3_600)
                    if at <= eventEnd { mqlAt = at }
                }
            }

            touches += 1
            let day = t / 86_400
            if soon {
                t = clock.intoBusinessHours(t + rng.int(1_800, 4 * 3_600), rng: &rng)
            } else if again {
                t = clock.workingMoment(day: clock.businessDay(after: day, rng.int(2, 6)), rng: &rng)
            } else {
                let gap = DemoRun.cadenceGaps[min(touches - 1, DemoRun.cadenceGaps.count - 1)]
                if gap == 0 {
                    t = clock.intoBusinessHours(t + rng.int(3_600, 3 * 3_600), rng: &rng)
                } else {
                    t = clock.workingMoment(day: clock.businessDay(after: day, gap + rng.below(2)), rng: &rng)
                }
            }
        }
    }

    /// The first outbound touch: minutes for inquiries, days after an event, within days for lists.
    private mutating func firstTouch(_ ch: DemoChannel, created: Int, assignedAt: Int) -> Int {
        let day = created / 86_400
        let t: Int
        switch ch.firstTouch {
        case .minutes:
            let u = rng.unit()
            if u < 0.42 {
                t = clock.intoBusinessHours(created + rng.int(60, 600), rng: &rng)
            } else if u < 0.72 {
                t = clock.intoBusinessHours(created + rng.int(600, 3_600), rng: &rng)
            } else if u < 0.88 {
                t = clock.intoBusinessHours(created + rng.int(3_600, 5 * 3_600), rng: &rng)
            } else {
                t = clock.workingMoment(day: clock.businessDay(after: day, rng.int(1, 3)), rng: &rng)
            }
        case .afterEvent:
            if rng.chance(0.15) {
                t = clock.intoBusinessHours(created + rng.int(3_600, 3 * 3_600), rng: &rng)
            } else {
                t = clock.workingMoment(day: clock.businessDay(after: day, rng.int(1, 4)), rng: &rng)
            }
        case .withinDays(let n):
            let k = rng.int(0, n)
            if k == 0 {
                t = clock.intoBusinessHours(assignedAt + rng.int(600, 4 * 3_600), rng: &rng)
            } else {
                t = clock.workingMoment(day: clock.businessDay(after: day, k), rng: &rng)
            }
        }
        // Never before the lead was assigned (working moments may fall earlier on the same day).
        return t > assignedAt ? t : clock.intoBusinessHours(assignedAt + rng.int(60, 900), rng: &rng)
    }

    /// A valid conversation: an appointment (rate by channel, temperature and decision maker) or another outcome.
    private mutating func conversation(_ ch: DemoChannel, warmth: Double, decisionMaker: Bool) -> ConversationResult {
        if rng.chance(ch.appointment * warmth * (decisionMaker ? 1.25 : 1)) { return .appointment }
        let u = rng.unit()
        return u < 0.15 ? .nurture : u < 0.23 ? .disqualify : .again
    }

    private mutating func coverRep(_ cover: [Int], besides owner: Int) -> Int {
        guard cover.count > 1 else { return owner }
        while true {
            let r = cover[rng.below(cover.count)]
            if r != owner { return r }
        }
    }

    mutating func nextActivityID() -> String {
        defer { nextActivity += 1 }
        return demoID(UInt8(ascii: "A"), nextActivity, width: 9)
    }

    private mutating func push(
        _ leadID: String, rep: Int, _ type: ActivityType, _ direction: Direction, at t: Int, duration: Int, connected: Bool,
        decisionMaker: Bool
    ) {
        pending.append(
            Activity(
                id: nextActivityID(), leadId: leadID, repId: roster.members[rep].rep.id, type: type, direction: direction,
                occurredAt: clock.date(t), durationSeconds: duration, connected: connected, decisionMaker: decisionMaker))
    }

    /// 株式会社〇〇, 〇〇工業株式会社, …: some two hundred thousand combinations.
    private mutating func companyName(_ business: String) -> String {
        let stem = rng.pick(DemoVocabulary.companyStems)
        let region = rng.chance(0.35) ? rng.pick(DemoVocabulary.regions) : ""
        let core = region + stem + business
        let u = rng.unit()
        if u < 0.45 { return "株式会社" + core }
        if u < 0.85 { return core + "株式会社" }
        if u < 0.90 { return "有限会社" + core }
        if u < 0.95 { return "合同会社" + stem + business }
        return region + stem + "ホールディングス株式会社"
    }
}
