import Foundation
import MierukaImport
import Testing

@Suite("Events: reading posted events and folding them into one activity")
struct EventActivityTests {
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func event(_ id: String, _ type: InboundEventType, _ time: String, source: String = "X", duration: Int? = nil, connected: Bool? = nil) -> InboundEvent {
        InboundEvent(eventId: id, type: type, occurredAt: at(time), leadId: "L1", repId: "R1", sourceId: source, durationSeconds: duration, connected: connected)
    }

    @Test("every order of an email's events folds to the same activity; a click or reply counts as opened")
    func emailOrder() throws {
        let events = [
            Self.event("e1", .emailSent, "2026-05-15T10:00:00+09:00"),
            Self.event("e2", .emailClicked, "2026-05-15T10:05:00+09:00"),
            Self.event("e3", .emailReplied, "2026-05-15T11:00:00+09:00"),
        ]
        let expected = try #require(EventActivity.record(of: events))
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [1, 0, 2]] {
            #expect(EventActivity.record(of: order.map { events[$0] }) == expected)
        }
        #expect(expected.cell("activity_id") == "email:X")
        #expect(expected.cell("occurred_at") == "2026-05-15T01:00:00Z")
        #expect(expected.cell("opened") == "true" && expected.cell("clicked") == "true" && expected.cell("replied") == "true")
        #expect(expected.cell("bounced") == "false")
        // Until email.sent arrives, the earliest event's time stands in for the send time.
        let early = try #require(EventActivity.record(of: [events[2], events[1]]))
        #expect(early.cell("occurred_at") == "2026-05-15T01:05:00Z")
    }

    @Test("a call takes its time from call.started, or from call.ended less its duration")
    func callTime() throws {
        let started = Self.event("c1", .callStarted, "2026-05-15T10:00:00+09:00")
        let ended = Self.event("c2", .callEnded, "2026-05-15T10:03:00+09:00", duration: 150, connected: true)
        let both = try #require(EventActivity.record(of: [ended, started]))
        #expect(both.cell("occurred_at") == "2026-05-15T01:00:00Z" && both.cell("duration_seconds") == "150" && both.cell("connected") == "true")
        let alone = try #require(EventActivity.record(of: [ended]))
        #expect(alone.cell("occurred_at") == "2026-05-15T01:00:30Z")
        let open = try #require(EventActivity.record(of: [started]))
        #expect(open.cell("duration_seconds") == nil && open.cell("connected") == nil && open.cell("type") == "call")
    }

    @Test("reading: required fields, offsets, types and fields of other kinds are named by index and field")
    func reading() throws {
        let good = BatchRecord.object([
            "event_id": .text("a"), "type": .text("call.ended"), "occurred_at": .text("2026-05-15T10:00:00+09:00"), "rep_id": .text("R1"),
            "lead_id": .text("L1"), "call_id": .text("C1"), "duration_seconds": .number("30"), "connected": .bool(false),
        ])
        let read = InboundEvent.read(good, index: 0)
        #expect(read.issues.isEmpty && read.event?.activityId == "call:C1" && read.event?.direction == "outbound")
        let bad = BatchRecord.object([
            "event_id": .text("b"), "type": .text("email.opened"), "occurred_at": .text("2026-05-15T10:00:00"), "rep_id": .text("R1"),
            "lead_id": .text("L 1"), "message_id": .text("M1"), "connected": .bool(true), "colour": .text("red"),
        ])
        let issues = InboundEvent.read(bad, index: 7).issues
        #expect(Set(issues.map { "\($0.record):\($0.field ?? "")" }) == ["7:occurred_at", "7:lead_id", "7:connected", "7:colour"])
        #expect(InboundEvent.read(.other("text"), index: 2).issues.map(\.record) == [2])
    }
}
