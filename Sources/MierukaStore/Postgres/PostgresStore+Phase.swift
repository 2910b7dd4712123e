import Foundation
import MierukaCore

extension PostgresStore {
    public func setPhaseAnswer(_ answer: PhaseAnswer) async throws {
        guard PhaseChecklist.item(answer.itemId)?.id == answer.itemId else { throw StoreError.unknownChecklistItem(answer.itemId) }
        try await exec(
            """
            INSERT INTO phase_answers (team, item_id, answer, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (team, item_id) DO UPDATE SET answer = EXCLUDED.answer, answered_by = EXCLUDED.answered_by,
              answered_at = EXCLUDED.answered_at
            """,
            [.text(answer.team ?? ""), .text(answer.itemId), .int(answer.answer ? 1 : 0), .text(answer.answeredBy),
             .int(Int64(answer.answeredAt.timeIntervalSince1970))])
    }

    public func phaseAnswers(team: String?) async throws -> [PhaseAnswer] {
        try await rows(
            "SELECT item_id, answer, answered_by, answered_at FROM phase_answers WHERE team = $1 ORDER BY item_id COLLATE \"C\"", [.text(team ?? "")]
        ) { c in
            guard let item = c[0].text, let answer = c[1].int, let by = c[2].text, let at = c[3].int else { return nil }
            return PhaseAnswer(itemId: item, team: team, answer: answer == 1, answeredBy: by, answeredAt: Date(timeIntervalSince1970: Double(at)))
        }
    }

    public func firstDataAt(team: String?) async throws -> Date? {
        let query: String
        var binds: [DBValue] = []
        if let team {
            query = """
                SELECT MIN(t) FROM (
                  SELECT MIN(l.created_at) AS t FROM leads l JOIN reps r ON r.rep_id = l.assigned_to WHERE r.team = $1
                  UNION ALL
                  SELECT MIN(a.occurred_at) AS t FROM activities a JOIN reps r ON r.rep_id = a.rep_id WHERE r.team = $1) u
                """
            binds = [.text(team)]
        } else {
            query = "SELECT MIN(t) FROM (SELECT MIN(created_at) AS t FROM leads UNION ALL SELECT MIN(occurred_at) AS t FROM activities) u"
        }
        let first = try await rows(query, binds) { c in c[0].int }.first
        return first.map { Date(timeIntervalSince1970: Double($0)) }
    }
}
