import Foundation
import MierukaCore
import Testing

@Suite("Insights: best time to call, by hour and weekday in the organisation's time zone, hand-computed")
struct InsightsCallTimeTests {
    /// `count` outbound calls by `rep` at `day hour:mm` (JST), the first `connected` of them connected.
    static func calls(_ count: Int, connected: Int, at day: String, hour: Int, rep: String = "R1") -> [Activity] {
        (0..<count).map { i in
            Fixture.call("\(day)-\(hour)-\(rep)-\(i)", "L\(i)", rep, "\(day) \(hour):\(String(format: "%02d", i % 60))", connected: i < connected,
                         seconds: i < connected ? 60 : 0)
        }
    }

    /// Mon 4 May 09:xx 20 calls / 4 connects; Tue 5 May 10:xx 25 / 10 (+1 at 01:15 UTC = 10:15 JST, connected);
    /// Wed 6 May 13:xx 20 / 6; Thu 7 May 16:xx 19 / 15 (too few); Fri 8 May 17:xx 30 / 6.
    static let activities: [Activity] =
        calls(20, connected: 4, at: "2026-05-04", hour: 9) + calls(25, connected: 10, at: "2026-05-05", hour: 10)
        + [Activity(id: "utc", leadId: "L1", repId: "R1", type: .call, direction: .outbound,
                    occurredAt: ISO8601DateFormatter().date(from: "2026-05-05T01:15:00Z")!, durationSeconds: 30, connected: true)]
        + calls(20, connected: 6, at: "2026-05-06", hour: 13) + calls(19, connected: 15, at: "2026-05-07", hour: 16)
        + calls(30, connected: 6, at: "2026-05-08", hour: 17)
        // Not outbound calls, or outside May: never counted.
        + [Fixture.call("in", "L1", "R1", "2026-05-04 11:00", connected: true, direction: .inbound),
           Fixture.email("mail", "L1", "R1", "2026-05-04 11:05"),
           Fixture.call("april", "L1", "R1", "2026-04-30 11:00", connected: true)]

    static let may = Period(from: Fixture.d("2026-05-01"), to: Fixture.d("2026-06-01"), timeZone: Fixture.tokyo)

    @Test("hours: connects ÷ calls per local hour; an hour with too few calls is marked and never named best")
    func byHour() {
        let t = BestTimeToCall(activities: Self.activities, period: Self.may, clock: Fixture.clock)
        #expect(t.byHour.map(\.slot) == [9, 10, 13, 16, 17])
        #expect(t.byHour.map(\.calls) == [20, 26, 20, 19, 30])
        #expect(t.byHour.map(\.connects) == [4, 11, 6, 15, 6])
        let rates: [Double] = [0.2, 11.0 / 26, 0.3, 15.0 / 19, 0.2]
        #expect(t.byHour.map(\.rate) == rates)
        // 19 calls are one short of 20; 20 are enough.
        #expect(t.byHour.map(\.tooFew) == [false, false, false, true, false])
        // 16:00 connects best (78.9 %) but on 19 calls; 17:00 and 9:00 tie at 20 % and 17:00 has more calls.
        #expect(t.bestHours == [10, 13, 17])
        #expect(t.calls == 115 && t.connects == 42)
        #expect(t.rate == 42.0 / 115)
    }

    @Test("weekdays: ISO Monday = 1; the best weekday with enough calls")
    func byWeekday() {
        let t = BestTimeToCall(activities: Self.activities, period: Self.may, clock: Fixture.clock)
        #expect(t.byWeekday.map(\.slot) == [1, 2, 3, 4, 5])
        #expect(t.byWeekday.map(\.calls) == [20, 26, 20, 19, 30])
        #expect(t.byWeekday[3].tooFew)
        #expect(t.bestWeekday == 2)
    }

    @Test("a team's calls only; a higher minimum marks more cells; no calls at all gives empty tables")
    func scopeAndMinimum() {
        let mixed = Self.calls(20, connected: 10, at: "2026-05-04", hour: 9, rep: "R1")
            + Self.calls(20, connected: 0, at: "2026-05-04", hour: 9, rep: "R3")
        let team = BestTimeToCall(activities: mixed, period: Self.may, clock: Fixture.clock, reps: ["R1", "R2"])
        #expect(team.byHour.map(\.calls) == [20] && team.byHour[0].rate == 0.5)
        let strict = BestTimeToCall(activities: Self.activities, period: Self.may, clock: Fixture.clock, minimumCalls: 26)
        #expect(strict.byHour.map(\.tooFew) == [true, false, true, true, false])
        #expect(strict.bestHours == [10, 17])
        let none = BestTimeToCall(activities: [], period: Self.may, clock: Fixture.clock)
        #expect(none.byHour.isEmpty && none.bestHours.isEmpty && none.bestWeekday == nil && none.rate == nil)
    }

    @Test("the hour follows the organisation's time zone setting")
    func timeZone() {
        let utc = OrgClock(timeZone: TimeZone(identifier: "UTC")!)
        let period = Period(from: Fixture.d("2026-05-01"), to: Fixture.d("2026-06-01"), timeZone: TimeZone(identifier: "UTC")!)
        let t = BestTimeToCall(activities: Array(Self.activities[45..<46]), period: period, clock: utc)
        #expect(t.byHour.map(\.slot) == [1])
    }
}
