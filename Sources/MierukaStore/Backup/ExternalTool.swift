import Foundation

/// Runs a PostgreSQL client program (pg_dump, pg_restore) found on PATH, without a shell.
struct ExternalTool: Sendable {
    struct Outcome: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    let path: String

    /// The program on PATH, or a problem saying how to install it.
    static func locate(_ name: String) throws -> ExternalTool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalTool(path: candidate) }
        }
        throw BackupProblem(
            "\(name) が見つかりません。PostgreSQLのクライアントを入れてください(例: apt-get install postgresql-client)。",
            "\(name) was not found on PATH: install the PostgreSQL client programs (e.g. apt-get install postgresql-client), "
                + "in the same major version as the server or newer")
    }

    /// Runs the program to its end; `environment` is added to ours (the password goes there, never into the arguments).
    func run(_ arguments: [String], environment: [String: String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let running = RunningProcess(process: process, out: out, err: err)
        return await withCheckedContinuation { continuation in
            // Both pipes are drained while the program runs, so a chatty one cannot block on a full pipe.
            DispatchQueue.global().async {
                let group = DispatchGroup()
                let outData = LockedBytes()
                let errData = LockedBytes()
                for (pipe, sink) in [(running.out, outData), (running.err, errData)] {
                    group.enter()
                    DispatchQueue.global().async {
                        sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                        group.leave()
                    }
                }
                running.process.waitUntilExit()
                group.wait()
                continuation.resume(returning: Outcome(
                    status: running.process.terminationStatus, stdout: outData.get(), stderr: String(decoding: errData.get(), as: UTF8.self)))
            }
        }
    }
}

/// A started program and its pipes, handed to the threads that wait for it.
final class RunningProcess: @unchecked Sendable {
    let process: Process
    let out: Pipe
    let err: Pipe

    init(process: Process, out: Pipe, err: Pipe) {
        self.process = process
        self.out = out
        self.err = err
    }
}

final class LockedBytes: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
