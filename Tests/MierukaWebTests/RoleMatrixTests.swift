import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MierukaCore
import MierukaImport
import MierukaStore
import MierukaTestSupport
import MierukaWeb
import Testing

/// The role matrix as an attacker would walk it: every GET route the router knows, for each role, asked for the
/// viewer's own team and for another team (by team, rep, group, breakdown) as page, CSV and xlsx, and every answer
/// searched for records and names the role may not see. Marked records ("sentinels") are added to each team so a
/// leak shows up as text; positive controls prove the sweep reaches those records where they are allowed.
@Suite("Web: every route × role × own/other team — nothing leaks")
struct RoleMatrixTests {
    static let may = "from=2026-05-01&to=2026-06-01"
    static let fieldTeam = "フィールドセールス部", insideTeam = "インサイドセールス1課"

    /// Leads (with a call and an appointment each in May 2026) owned by a rep of each side, company names that occur
    /// nowhere else.
    static let sentinels: [(lead: String, rep: String, company: String)] = [
        ("L9000001", "R009", "ZZSENTINEL_FIELD"),      // the field-sales team (fsmanager's)
        ("L9000002", "R003", "ZZSENTINEL_COLLEAGUE"),  // inside sales, a colleague of the rep user (R002)
        ("L9000003", "R002", "ZZSENTINEL_OWN"),        // the rep user's own lead
        ("L9000004", "R008", "ZZSENTINEL_NOTEAM"),     // a rep without a team
    ]

    static func addSentinels(_ store: any Store) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var leads = "lead_id,company,channel,created_at,assigned_to,assigned_at,status,temperature,mql_at,sql_at,lost_reason,next_follow_up_on,tags,industry,title\n"
        var activities = "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced\n"
        var opportunities = "opportunity_id,lead_id,created_by,owner,source,created_at,meeting_at,handed_off_at,stage,amount,expected_close_on,closed_at,lost_reason,budget,authority,timeline,need,decision_process,next_action,is_reactivation\n"
        for (i, s) in sentinels.enumerated() {
            leads += "\(s.lead),\(s.company),seminar,2026-05-11T10:00:00+09:00,\(s.rep),2026-05-11T10:05:00+09:00,working,researching,,,,,,,\n"
            activities += "A90000000\(i),\(s.lead),\(s.rep),call,outbound,2026-05-12T10:00:00+09:00,300,true,true,,,,\n"
            opportunities += "O900000\(i),\(s.lead),\(s.rep),\(s.rep),inside_sales,2026-05-12T10:10:00+09:00,2026-05-20T10:00:00+09:00,,appointment,1000000,,,,true,true,true,outline,outline,month_only,\n"
        }
        try leads.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try activities.write(to: folder.appendingPathComponent("activities.csv"), atomically: true, encoding: .utf8)
        try opportunities.write(to: folder.appendingPathComponent("opportunities.csv"), atomically: true, encoding: .utf8)
        let sources = try ImportSource.resolve(paths: [folder.path], mappings: [])
        _ = try await Importer(store: store, timeZone: TimeZone(identifier: "Asia/Tokyo")!).run(sources)
    }

    /// Who is looking, what they may ask about, and what must never appear in anything they are shown.
    struct Case: Sendable, CustomTestStringConvertible {
        var user: String
        var ownTeam: String, otherTeam: String
        var ownRep: String, otherReps: [String]
        var forbidden: [String]
        /// Text the sweep must find somewhere (the user's own sentinel), or the sweep proves nothing.
        var mustSee: String
        var testDescription: String { user }
    }

    /// What marks a sentinel wherever it shows: its lead id (drill-downs), company (lists) and opportunity id.
    static func marks(_ lead: String) -> [String] {
        guard let i = sentinels.firstIndex(where: { $0.lead == lead }) else { return [] }
        return [lead, sentinels[i].company, "O900000\(i)"]
    }

    static let rep = Case(
        user: "rep", ownTeam: insideTeam, otherTeam: fieldTeam, ownRep: "R002", otherReps: ["R003", "R009", "R008"],
        // Colleagues' records and names, the other team's, the team-less rep's.
        forbidden: marks("L9000001") + marks("L9000002") + marks("L9000004") + ["高橋 悠斗", "田中 拓也", "伊藤 優子", "渡辺 彩", "山本 誠", "中村 健太"],
        mustSee: "L9000003")
    static let manager = Case(
        user: "manager", ownTeam: insideTeam, otherTeam: fieldTeam, ownRep: "R003", otherReps: ["R009", "R008"],
        forbidden: marks("L9000001") + marks("L9000004") + ["中村 健太"],
        mustSee: "L9000002")
    static let fieldManager = Case(
        user: "fsmanager", ownTeam: fieldTeam, otherTeam: insideTeam, ownRep: "R009", otherReps: ["R002", "R003", "R008"],
        forbidden: marks("L9000002") + marks("L9000003") + marks("L9000004") + ["鈴木 葵", "高橋 悠斗", "伊藤 優子", "中村 健太"],
        mustSee: "L9000001")

    /// The questions asked of every GET route: plain, the month, each breakdown, the own and the other team and reps.
    /// `leaky` marks those that name someone else's team or rep: they are asked again as CSV and xlsx downloads.
    static func queries(_ c: Case) -> [(query: String, leaky: Bool)] {
        let other = c.otherTeam.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let own = c.ownTeam.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        var list: [(String, Bool)] = [("", true), (may, true), ("month=2026-05", false), ("kpi=appointments&by=rep&\(may)", true)]
        for by in ["rep", "team", "channel"] { list.append(("\(may)&by=\(by)", false)) }
        for team in [own, other] {
            list += [("\(may)&team=\(team)", team == other), ("month=2026-05&team=\(team)", false),
                     ("kpi=appointments&by=team&group=\(team)&\(may)", team == other), ("kgi=appointments%3D40&period=2026-07&team=\(team)", false)]
        }
        for rep in [c.ownRep] + c.otherReps {
            list += [("\(may)&rep=\(rep)", rep != c.ownRep), ("kpi=appointments&by=rep&group=\(rep)&\(may)", rep != c.ownRep)]
        }
        return list
    }

    /// Every GET route with its path parameter filled in (a KPI id for records, a report name for downloads).
    static func getRoutes(_ store: any Store) -> [String] {
        buildRouter(services: Services(store: store)).routes.filter { $0.method == .get }.map { route in
            "/" + route.path.description.split(separator: "/").map { part -> String in
                guard part.hasPrefix(":") else { return String(part) }
                return part == ":name" ? "daily_2026-05-12_org_ja.html" : "appointments"
            }.joined(separator: "/")
        }
    }

    /// The text a response shows: the body, or for a workbook every cell of every sheet.
    static func text(of response: TestResponse) -> String {
        let data = Data(buffer: response.body)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]), let book = try? XLSXReadBack(data) {
            return book.sheets.flatMap { $0.map(\.value) }.joined(separator: "\t")
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a manager, a rep and another team's manager see nothing beyond their scope, in any route, format or question",
          arguments: [rep, manager, fieldManager])
    func noLeaks(_ c: Case) async throws {
        try await WebHarness.withApp { client, store in
            try await Self.addSentinels(store)
            let cookie = try await WebHarness.login(client, as: c.user).cookie
            let token = try await LoginService(store: store).createToken(login: c.user)
            var leaks: [String] = []
            var sawOwn = 0, requests = 0
            for route in Self.getRoutes(store) where route != "/logout" {
                for (query, leaky) in Self.queries(c) {
                    for format in leaky ? ["", "format=csv", "format=xlsx"] : [""] {
                        let parts = [query, format].filter { !$0.isEmpty }.joined(separator: "&")
                        let uri = route + (parts.isEmpty ? "" : "?" + parts)
                        // Pages with the session cookie, the API with a bearer token as tools use it.
                        var headers = HTTPFields()
                        if route.hasPrefix("/api/") { headers[.authorization] = "Bearer \(token)" } else { headers[.cookie] = cookie }
                        let response = try await client.execute(uri: uri, method: .get, headers: headers)
                        requests += 1
                        let shown = Self.text(of: response)
                        for word in c.forbidden where shown.contains(word) {
                            leaks.append("\(c.user) GET \(uri) → \(response.status.code) shows \(word)")
                        }
                        if response.status.code >= 500 { leaks.append("\(c.user) GET \(uri) → \(response.status.code)") }
                        if shown.contains(c.mustSee) { sawOwn += 1 }
                    }
                }
            }
            #expect(leaks.isEmpty, "\(leaks.count) leaks in \(requests) requests:\n\(leaks.prefix(40).joined(separator: "\n"))")
            // The sweep reached the records this role may see (so an empty answer everywhere would fail).
            #expect(sawOwn > 0, "\(c.user) never saw \(c.mustSee) in \(requests) requests")
        }
    }

    @Test("positive control: an admin's sweep shows every sentinel (the marked records are reachable at all)")
    func adminSeesSentinels() async throws {
        try await WebHarness.withApp { client, store in
            try await Self.addSentinels(store)
            let cookie = try await WebHarness.login(client, as: "admin").cookie
            for s in Self.sentinels {
                let page = try await WebHarness.get(client, "/records?kpi=appointments&by=rep&group=\(s.rep)&\(Self.may)", cookie: cookie)
                #expect(page.0 == .ok && page.1.contains(s.lead), "\(s.lead)")
            }
        }
    }
}
