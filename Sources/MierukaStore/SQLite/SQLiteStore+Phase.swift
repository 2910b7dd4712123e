import Foundation
import MierukaCore
import SQLiteNIO

extension SQLiteStore {
    public func setPhaseAnswer(_ answer: PhaseAnswer) async throws {
        guard PhaseChecklist.item(answer.itemId)?.id == answer.itemId else { throw StoreError.unknownChecklistItem(answer.itemId) }
        try await exec(
            """
            INSERT INTO main.phase_answers (team, item_id, answer, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (team, item_id) DO UPDATE SET answer = excluded.answer, answered_by = excluded.answered_by,
              answered_at = excluded.answered_at
            """,
            [.text(answer.team ?? ""), .text(answer.itemId), .integer(answer.answer ? 1 : 0), .text(answer.answeredBy),
             .integer(Int(answer.answeredAt.timeIntervalSince1970))])
    }

    public func phaseAnswers(team: String?) async throws -> [PhaseAnswer] {
        try await rows(
            "SELECT item_id, answer, answered_by, answered_at FROM main.phase_answers WHERE team = ? ORDER BY item_id", [.text(team ?? "")]
        ) { c in
            guard let item = c[0].string, let answer = c[1].integer, let by = c[2].string, let at = c[3].integer else { return nil }
            return PhaseAnswer(itemId: item, team: team, answer: answer == 1, answeredBy: by, answeredAt: Date(timeIntervalSince1970: Double(at)))
        }
    }

    public func firstDataAt(team: String?) async throws -> Date? {
        let query: String
        var binds: [SQLiteData] = []
        if let team {
            query = """
                SELECT MIN(t) FROM (
                  SELECT MIN(l.created_at) AS t FROM main.leads l JOIN main.reps r ON r.rep_id = l.assigned_to WHERE r.team = ?1
                  UNION ALL
                  SELECT MIN(a.occurred_at) AS t FROM main.activities a JOIN main.reps r ON r.rep_id = a.rep_id WHERE r.team = ?1)
                """
            binds = [.text(team)]
        } else {
            query = "SELECT MIN(t) FROM (SELECT MIN(created_at) AS t FROM main.leads UNION ALL SELECT MIN(occurred_at) AS t FROM main.activities)"
        }
        let first = try await rows(query, binds) { c in c[0].integer }.first
        return first.map { Date(timeIntervalSince1970: Double($0)) }
    }
}
