import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaWeb
import Testing

@Suite("Web: POST /api/v1/leads, activities, opportunities (batches of canonical records)")
struct IngestTests {
    /// A day of the golden data with R002's calls (R002 is in the manager's team インサイドセールス1課).
    static let day = "from=2026-05-15&to=2026-05-16"

    static func post(
        _ client: any TestClientProtocol, _ uri: String, _ body: String, bearer: String? = nil, cookie: String? = nil, csrf: String? = nil,
        contentType: String = "application/json"
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], text: String) {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if let cookie { headers[.cookie] = cookie }
        if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        let text = String(buffer: response.body)
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return (response.status, json, text)
    }

    static func call(_ id: String, rep: String = "R002", lead: String = "L0000070", at: String = "2026-05-15T16:00:00+09:00") -> String {
        """
        {"activity_id":"\(id)","lead_id":"\(lead)","rep_id":"\(rep)","type":"call","direction":"outbound",\
        "occurred_at":"\(at)","duration_seconds":125,"connected":true,"decision_maker":null}
        """
    }

    static func calls(_ ids: [String], rep: String = "R002") -> String {
        "[" + ids.enumerated().map { call($1, rep: rep, at: "2026-05-15T15:\(String(format: "%02d", $0 % 60)):00+09:00") }.joined(separator: ",") + "]"
    }

    /// R002's calls on the test day, as the KPI API counts them.
    static func r002Calls(_ client: any TestClientProtocol, token: String) async throws -> Double {
        let (status, text, _) = try await WebHarness.get(client, "/api/v1/kpis?\(day)&by=rep&kpi=calls", bearer: token)
        #expect(status == .ok)
        let lines = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return try #require(lines.first { $0["group"] as? String == "R002" }?["value"] as? Double)
    }

    static func errors(_ json: [String: Any]) -> [(record: Int, field: String?, value: String?)] {
        (json["errors"] as? [[String: Any]] ?? []).map { ($0["record"] as? Int ?? -1, $0["field"] as? String, $0["value"] as? String) }
    }

    @Test("a valid batch of activities is inserted and counted by the KPI API; the same batch again changes nothing")
    func activitiesInsertedThenIdempotent() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let token = try await LoginService(store: store).createToken(login: "admin")
            let before = try await Self.r002Calls(client, token: token)
            let rows = try await store.count(.activities)
            let batch = Self.calls(["API-A1", "API-A2", "API-A3"])
            // MUT
            let first = try await Self.post(client, "/api/v1/activities", batch, bearer: token)
            // validate
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.json["entity"] as? String == "activities")
            #expect(first.json["received"] as? Int == 3)
            #expect(first.json["inserted"] as? Int == 3)
            #expect(first.json["updated"] as? Int == 0 && first.json["unchanged"] as? Int == 0 && first.json["duplicates"] as? Int == 0)
            #expect(try await store.count(.activities) == rows + 3)
            #expect(try await Self.r002Calls(client, token: token) == before + 3)

            // The same records again, in the {"records": [...]} envelope: idempotent.
            let again = try await Self.post(client, "/api/v1/activities", "{\"records\": \(batch)}", bearer: token)
            #expect(again.status == .ok, "\(again.text)")
            #expect(again.json["inserted"] as? Int == 0 && again.json["updated"] as? Int == 0 && again.json["unchanged"] as? Int == 3)
            #expect(try await store.count(.activities) == rows + 3)
            #expect(try await Self.r002Calls(client, token: token) == before + 3)

            // Numbers and booleans became the canonical cells; null stayed unknown.
            let stored = try await store.allRows(.activities).first { $0.first == .text("API-A1") }
            #expect(stored?[6] == .int(125) && stored?[7] == .int(1) && stored?[8] == .null)

            // A changed record updates; a key twice in one batch counts as a duplicate, the later one winning.
            let changed = Self.call("API-A1", at: "2026-05-15T15:00:00+09:00")
                .replacingOccurrences(of: "\"duration_seconds\":125", with: "\"duration_seconds\":\"2:05\",\"bounced\":false")
            let a2 = Self.call("API-A2", at: "2026-05-15T15:01:00+09:00")
            let twice = "[\(a2),\(changed),\(a2)]"
            let update = try await Self.post(client, "/api/v1/activities", twice, bearer: token)
            #expect(update.json["updated"] as? Int == 1 && update.json["unchanged"] as? Int == 1 && update.json["duplicates"] as? Int == 1, "\(update.text)")
        }
    }

    @Test("one bad record refuses the whole batch with 422 naming each record, field and value; nothing is written")
    func badRecordsRefuseTheBatch() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let token = try await LoginService(store: store).createToken(login: "admin")
            let good = Self.call("API-B0")
            let badDate = Self.call("API-B1", at: "2026-13-01 09:00")
            let badEnum = Self.call("API-B2").replacingOccurrences(of: "\"type\":\"call\"", with: "\"type\":\"fax\"")
            let unknownLead = Self.call("API-B3", lead: "L9999999")
            let unknownField = Self.call("API-B4").replacingOccurrences(of: "\"decision_maker\":null", with: "\"colour\":\"red\"")
            let noId = Self.call("API-B5").replacingOccurrences(of: "\"activity_id\":\"API-B5\",", with: "")
            let nested = Self.call("API-B6").replacingOccurrences(of: "\"connected\":true", with: "\"connected\":[true]")
            let batch = "[\(good),\(badDate),\(badEnum),\(unknownLead),\(unknownField),\(noId),\(nested),\"not a record\"]"
            let before = try await store.count(.activities)
            // MUT
            let response = try await Self.post(client, "/api/v1/activities", batch, bearer: token)
            // validate
            #expect(response.status == .unprocessableContent, "\(response.text)")
            let errors = Self.errors(response.json)
            #expect(errors.contains { $0.record == 1 && $0.field == "occurred_at" && $0.value == "2026-13-01 09:00" })
            #expect(errors.contains { $0.record == 2 && $0.field == "type" && $0.value == "fax" })
            #expect(errors.contains { $0.record == 3 && $0.field == "lead_id" && $0.value == "L9999999" })
            #expect(errors.contains { $0.record == 4 && $0.field == "colour" && $0.value == "red" })
            #expect(errors.contains { $0.record == 5 && $0.field == "activity_id" })
            #expect(errors.contains { $0.record == 6 && $0.field == "connected" })
            #expect(errors.contains { $0.record == 7 && $0.field == nil })
            #expect(!errors.contains { $0.record == 0 })
            #expect(response.json["total_errors"] as? Int == errors.count)
            #expect(response.text.contains("is not one of call, email"))
            #expect(try await store.count(.activities) == before)
            #expect(try await store.allRows(.activities).contains { $0.first == .text("API-B0") } == false)
        }
    }

    @Test("rep and viewer may not write; a manager writes only their team's records, as sent and as stored")
    func roles() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let login = LoginService(store: store)
            let before = try await store.count(.activities)
            // MUT + validate
            for user in ["rep", "viewer"] {
                let token = try await login.createToken(login: user)
                let refused = try await Self.post(client, "/api/v1/activities", Self.calls(["API-R1"]), bearer: token)
                #expect(refused.status == .forbidden, "\(user)")
                #expect((refused.json["error"] as? String)?.contains("admin or a manager") == true)
            }
            let manager = try await login.createToken(login: "manager")
            let otherTeam = "[\(Self.call("API-M0")),\(Self.call("API-M1", rep: "R009"))]"
            let refused = try await Self.post(client, "/api/v1/activities", otherTeam, bearer: manager)
            #expect(refused.status == .forbidden)
            let message = refused.json["error"] as? String ?? ""
            #expect(message.contains("record 1") && message.contains("R009") && !message.contains("record 0"))
            // A stored record of a rep outside the team cannot be taken over by naming one's own rep.
            let takeover = Self.call("A000000805", lead: "L0000078", at: "2026-04-14T13:39:00+09:00")
            let hijack = try await Self.post(client, "/api/v1/activities", "[\(takeover)]", bearer: manager)
            #expect(hijack.status == .forbidden)
            #expect((hijack.json["error"] as? String)?.contains("R008") == true)
            #expect(try await store.count(.activities) == before)
            // Their own team's rep: accepted.
            let own = try await Self.post(client, "/api/v1/activities", Self.calls(["API-M2"]), bearer: manager)
            #expect(own.status == .ok, "\(own.text)")
            #expect(try await store.count(.activities) == before + 1)
            let anonymous = try await Self.post(client, "/api/v1/activities", Self.calls(["API-M3"]))
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("a session must send X-CSRF-Token; a bearer token needs none")
    func csrf() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            let page = try await WebHarness.get(client, "/definitions", cookie: cookie)
            let csrf = DefinitionPageTests.csrf(in: page.1)
            #expect(!csrf.isEmpty)
            let before = try await store.count(.activities)
            // MUT + validate
            let missing = try await Self.post(client, "/api/v1/activities", Self.calls(["API-C1"]), cookie: cookie)
            #expect(missing.status == .forbidden)
            #expect((missing.json["error"] as? String)?.contains("X-CSRF-Token") == true)
            let wrong = try await Self.post(client, "/api/v1/activities", Self.calls(["API-C1"]), cookie: cookie, csrf: "nope")
            #expect(wrong.status == .forbidden)
            #expect(try await store.count(.activities) == before)
            let right = try await Self.post(client, "/api/v1/activities", Self.calls(["API-C1"]), cookie: cookie, csrf: csrf)
            #expect(right.status == .ok, "\(right.text)")
            let token = try await LoginService(store: store).createToken(login: "admin")
            let bearer = try await Self.post(client, "/api/v1/activities", Self.calls(["API-C2"]), bearer: token)
            #expect(bearer.status == .ok)
            #expect(try await store.count(.activities) == before + 2)
        }
    }

    @Test("bodies that are not a JSON batch: 400 saying where, 415 for another content type, 413 beyond 10,000 records")
    func badBodies() async throws {
        try await WebHarness.withApp { client, store in
            let token = try await LoginService(store: store).createToken(login: "admin")
            let before = try await store.count(.activities)
            let broken = try await Self.post(client, "/api/v1/activities", "[{\"activity_id\": \"X1\",\n \"lead_id\": }]", bearer: token)
            #expect(broken.status == .badRequest)
            let message = broken.json["error"] as? String ?? ""
            #expect(message.contains("not valid JSON") && message.contains("line 2"), "\(message)")
            let empty = try await Self.post(client, "/api/v1/activities", "", bearer: token)
            #expect(empty.status == .badRequest)
            let notUTF8 = try await client.execute(
                uri: "/api/v1/activities", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                body: ByteBuffer(bytes: [0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D]))
            #expect(notUTF8.status == .badRequest)
            #expect(String(buffer: notUTF8.body).contains("not UTF-8"))
            let shape = try await Self.post(client, "/api/v1/activities", "{\"record\": []}", bearer: token)
            #expect(shape.status == .badRequest && (shape.json["error"] as? String)?.contains("\"record\"") == true)
            let scalar = try await Self.post(client, "/api/v1/activities", "42", bearer: token)
            #expect(scalar.status == .badRequest)
            let deep = try await Self.post(client, "/api/v1/activities", String(repeating: "[", count: 100_000), bearer: token)
            #expect(deep.status == .badRequest)
            let csv = try await Self.post(client, "/api/v1/activities", "activity_id\nX1\n", bearer: token, contentType: "text/csv")
            #expect(csv.status == .unsupportedMediaType)
            let latin = try await Self.post(client, "/api/v1/activities", "[]", bearer: token, contentType: "application/json; charset=iso-8859-1")
            #expect(latin.status == .unsupportedMediaType)
            let none = try await Self.post(client, "/api/v1/activities", "[]", bearer: token, contentType: "application/json; charset=UTF-8")
            #expect(none.status == .ok && none.json["received"] as? Int == 0)
            let tooMany = try await Self.post(client, "/api/v1/activities", "[" + Array(repeating: "{}", count: 10_001).joined(separator: ",") + "]", bearer: token)
            #expect(tooMany.status == .contentTooLarge)
            #expect((tooMany.json["error"] as? String)?.contains("10000") == true)
            #expect(try await store.count(.activities) == before)
            // The server still answers.
            #expect(try await WebHarness.get(client, "/healthz").0 == .ok)
        }
    }

    @Test("leads, then opportunities on them, through the same validation")
    func leadsAndOpportunities() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let token = try await LoginService(store: store).createToken(login: "admin")
            let leads = """
                [{"lead_id":"API-L1","company":"株式会社API","channel":"web_inquiry","created_at":"2026-05-20T10:00:00+09:00",
                  "assigned_to":"R002","assigned_at":"2026-05-20 10:05","status":"working","temperature":"now","tags":"IT;now"},
                 {"lead_id":"API-L2","channel":"seminar","created_at":"2026-05-20","status":"new"}]
                """
            let leadsBefore = try await store.count(.leads)
            let opportunitiesBefore = try await store.count(.opportunities)
            // MUT
            let postedLeads = try await Self.post(client, "/api/v1/leads", leads, bearer: token)
            let opportunities = """
                {"records": [{"opportunity_id":"API-O1","lead_id":"API-L1","created_by":"R002","owner":"R009","source":"inside_sales",
                  "created_at":"2026-05-21T11:00:00+09:00","stage":"appointment","amount":1200000.0,"budget":true,"authority":1,
                  "need":"clear"}]}
                """
            let postedOpportunities = try await Self.post(client, "/api/v1/opportunities", opportunities, bearer: token)
            let badLead = """
                [{"lead_id":"API-L3","channel":"seminar","created_at":"2026-05-20","status":"hot","assigned_to":"R002"},
                 {"lead_id":"API-L4","channel":"seminar","created_at":"2026-05-20","status":"new","assigned_to":"R999"}]
                """
            let refusedLead = try await Self.post(client, "/api/v1/leads", badLead, bearer: token)
            let badOpportunity = """
                [{"opportunity_id":"API-O2","created_by":"R002","source":"inside_sales","created_at":"2026-05-21","stage":"won","amount":"lots"}]
                """
            let refusedOpportunity = try await Self.post(client, "/api/v1/opportunities", badOpportunity, bearer: token)
            // validate
            #expect(postedLeads.status == .ok && postedLeads.json["inserted"] as? Int == 2, "\(postedLeads.text)")
            #expect(postedOpportunities.status == .ok && postedOpportunities.json["inserted"] as? Int == 1, "\(postedOpportunities.text)")
            #expect(try await store.count(.leads) == leadsBefore + 2)
            #expect(try await store.count(.opportunities) == opportunitiesBefore + 1)
            let stored = try await store.allRows(.opportunities).first { $0.first == .text("API-O1") }
            #expect(stored?[9] == .int(1_200_000) && stored?[13] == .int(1) && stored?[14] == .int(1))
            #expect(refusedLead.status == .unprocessableContent)
            let leadErrors = Self.errors(refusedLead.json)
            #expect(leadErrors.contains { $0.record == 0 && $0.field == "status" && $0.value == "hot" })
            #expect(leadErrors.contains { $0.record == 1 && $0.field == "assigned_to" && $0.value == "R999" })
            #expect(refusedOpportunity.status == .unprocessableContent)
            #expect(Self.errors(refusedOpportunity.json).contains { $0.record == 0 && $0.field == "amount" && $0.value == "lots" })
            #expect(try await store.count(.leads) == leadsBefore + 2)
            #expect(try await store.count(.opportunities) == opportunitiesBefore + 1)
        }
    }

    @Test("concurrent batches each commit or roll back whole: one connection, one transaction at a time")
    func concurrentBatches() async throws {
        try await WebHarness.withApp { client, store in
            // setup
            let token = try await LoginService(store: store).createToken(login: "admin")
            let before = try await store.count(.activities)
            let bad = "[\(Self.call("API-X0")),\(Self.call("API-X1", lead: "L9999999"))]"
            // MUT: good and bad batches at once, with logins (which write sessions) in between.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<6 {
                    group.addTask {
                        let ids = (0..<50).map { "API-P\(i)-\($0)" }
                        return try await Self.post(client, "/api/v1/activities", Self.calls(ids), bearer: token).status
                    }
                    group.addTask { try await Self.post(client, "/api/v1/activities", bad, bearer: token).status }
                    group.addTask { try await WebHarness.login(client, as: "viewer").status }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            // validate
            #expect(statuses.filter { $0 == .ok }.count == 6)
            #expect(statuses.filter { $0 == .unprocessableContent }.count == 6)
            #expect(statuses.filter { $0 == .seeOther }.count == 6)
            #expect(try await store.count(.activities) == before + 300)
            #expect(try await store.allRows(.activities).contains { $0.first == .text("API-X0") } == false)
        }
    }
}
