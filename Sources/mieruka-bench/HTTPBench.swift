import Foundation
import MierukaCore

#if canImport(Glibc)
import Glibc
#endif

/// Steps 4 and 5: `mieruka serve` on a free loopback port against the imported database, GET /api/v1/kpis (one month,
/// by=rep) under wrk at 64 connections, and the server's peak resident memory (VmHWM).
struct HTTPBench {
    let mieruka: Tool
    let database: BenchDatabase
    let directory: String
    let from: LocalDate
    let to: LocalDate
    let seconds: Int
    let connections = 64

    func run(into table: inout BenchTable) async throws {
        say("[4/5] \(database.label): mieruka serve + wrk: GET /api/v1/kpis?by=rep for \(from) – \(to.adding(days: -1)), \(connections) connections, \(seconds) s …")
        let wrk = try Tool.required("wrk", debianPackage: "wrk")
        let curl = try Tool.required("curl", debianPackage: "curl")
        _ = try mieruka.check(["user", "add"] + database.arguments + ["--login", "bench", "--role", "admin"], input: "bench-\(getpid())-password\n",
                              what: "mieruka user add")
        let token = try mieruka.check(["token", "create"] + database.arguments + ["--login", "bench"], what: "mieruka token create").stdout
            .split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else { throw BenchError("mieruka token create printed no token") }

        let port = try Self.freePort()
        let log = (directory as NSString).appendingPathComponent("serve-\(database.label).log")
        FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: mieruka.path)
        // --no-reports: a server started after the reports' time makes the day's missed reports at once (Chromium, every
        // team, two languages), which would share the two cores with the requests measured here.
        server.arguments = ["serve"] + database.arguments + ["--host", "127.0.0.1", "--port", "\(port)", "--no-reports"]
        let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = logHandle
        server.standardError = logHandle
        try server.run()
        defer {
            Self.stop(server)
            try? logHandle.close()
        }

        let url = "http://127.0.0.1:\(port)/api/v1/kpis?from=\(from)&to=\(to)&by=rep"
        let auth = "Authorization: Bearer \(token)"
        // Ready when the endpoint answers 200 with KPI lines (the first answer also warms the server).
        let deadline = DispatchTime.now().uptimeNanoseconds + 600_000_000_000
        var body = ""
        while true {
            let probe = try curl.run(["-s", "-f", "-H", auth, url])
            if probe.status == 0 { body = probe.stdout; break }
            guard server.isRunning, DispatchTime.now().uptimeNanoseconds < deadline else {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw BenchError("mieruka serve did not answer \(url) within 600 s: \(text.suffix(1_000))")
            }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        guard body.contains("\"kpi\":\"calls\"") else { throw BenchError("GET \(url) answered without KPI lines: \(body.prefix(300))") }
        say("      server up on port \(port) (pid \(server.processIdentifier)); one answer is \(grouped(body.utf8.count)) bytes")

        let load = try wrk.check(["-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "30s", "--latency", "-H", auth, url], what: "wrk")
        let parsed = try WrkOutput(load.stdout)
        let peak = Self.peakRSS(pid: server.processIdentifier)
        Self.stop(server)
        say(String(format: "      %@ requests completed in %d s: %@ requests/s, p99 %.1f ms, %@ socket errors (timeouts at 30 s); server peak RSS %@",
                   grouped(parsed.completed), seconds, String(format: "%.1f", parsed.requestsPerSecond), parsed.p99Milliseconds,
                   grouped(parsed.socketErrors),
                   peak.map { "\($0 / 1024) MB" } ?? "unknown"))
        if parsed.failedResponses > 0 { throw BenchError("wrk saw \(parsed.failedResponses) non-2xx responses:\n\(load.stdout)") }

        table.row(database.name("JSON /api/v1/kpis req/s"), String(format: "%.1f", parsed.requestsPerSecond), reference: "wrk, \(connections) conn, \(seconds) s",
                  target: "≥ 5,000")
        table.row(database.name("JSON /api/v1/kpis p99"), parsed.completed > 0 ? String(format: "%.1f ms", parsed.p99Milliseconds) : "none completed",
                  reference: "\(grouped(parsed.completed)) requests completed", target: "≤ 50 ms")
        if parsed.completed == 0 {
            table.note("JSON endpoint: no request completed within the \(seconds) s load: \(connections) concurrent answers each costing one "
                + "full KPI computation finish after the window (see the dashboard path's p50)")
        }
        say("[5/5] server peak RSS (VmHWM)")
        table.row(database.name("server peak RSS"), peak.map { "\($0 / 1024) MB" } ?? "unknown", target: "≤ 300 MB")
    }

    /// Stops the server: SIGTERM, and SIGKILL after 5 s (a graceful shutdown would first finish every request still
    /// queued from the load, minutes when each costs seconds).
    static func stop(_ server: Process) {
        guard server.isRunning else { return }
        server.terminate()
        let deadline = DispatchTime.now().uptimeNanoseconds + 5_000_000_000
        while server.isRunning, DispatchTime.now().uptimeNanoseconds < deadline { usleep(100_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    /// VmHWM of a running process in kB, from /proc.
    static func peakRSS(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "")
    }

    /// A loopback port nobody listens on now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("cannot open a socket to find a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BenchError("cannot bind a loopback socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The figures from wrk's output with --latency.
struct WrkOutput {
    let requestsPerSecond: Double
    let p99Milliseconds: Double
    /// Requests completed within the load window ("1234 requests in 5.00s").
    let completed: Int
    /// Non-2xx/3xx responses.
    let failedResponses: Int
    /// Connect, read, write errors and timeouts.
    let socketErrors: Int

    init(_ text: String) throws {
        var rps: Double?
        var p99: Double?
        var failed = 0, socket = 0, completed = 0
        for raw in text.split(separator: "\n") {
            let fields = raw.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 3, fields[1] == "requests", fields[2] == "in", let n = Int(fields[0]) { completed = n }
            if raw.hasPrefix("Requests/sec:"), fields.count >= 2 { rps = Double(fields[1]) }
            if fields.first == "99%", fields.count >= 2 { p99 = Self.milliseconds(String(fields[1])) }
            if raw.contains("Non-2xx or 3xx responses:"), let n = fields.last.flatMap({ Int($0) }) { failed += n }
            if raw.contains("Socket errors:") {
                // "Socket errors: connect 0, read 0, write 0, timeout 0"
                socket += fields.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            }
        }
        guard let rps, let p99 else { throw BenchError("could not read wrk's output:\n\(text)") }
        requestsPerSecond = rps
        p99Milliseconds = p99
        failedResponses = failed
        self.completed = completed
        socketErrors = socket
    }

    /// "812.00us", "12.34ms", "1.20s" → milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("m", 60_000.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }
}
