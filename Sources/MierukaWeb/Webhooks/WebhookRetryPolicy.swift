import Foundation

/// When a failed delivery is tried again: after 30 s, 2 min, 10 min, 1 h and 6 h; after the last it is given up (failed).
public struct WebhookRetryPolicy: Sendable {
    /// The waits after the first, second… failed attempt.
    public var delays: [TimeInterval]

    public init(delays: [TimeInterval] = WebhookRetryPolicy.standardDelays) {
        self.delays = delays
    }

    public static let standardDelays: [TimeInterval] = [30, 120, 600, 3_600, 21_600]

    /// The standard schedule with its first wait `base` seconds instead of 30 (the others in proportion), for tests and
    /// impatient set-ups (MIERUKA_WEBHOOK_RETRY_BASE).
    public static func scaled(firstDelay base: TimeInterval) -> WebhookRetryPolicy {
        WebhookRetryPolicy(delays: standardDelays.map { $0 / 30 * base })
    }

    /// Attempts in all before a delivery is given up.
    public var maxAttempts: Int { delays.count + 1 }

    /// When to try again after the `attempt`-th attempt (1-based) failed at `time`; nil when that was the last.
    public func retryAt(afterAttempt attempt: Int, failedAt time: Date) -> Date? {
        guard attempt >= 1, attempt <= delays.count else { return nil }
        return time.addingTimeInterval(delays[attempt - 1])
    }
}
