import Foundation
import Synchronization
import MierukaCore
import Prometheus

/// The server's Prometheus metrics, in one registry per `Services` (so each test app counts only its own requests).
/// Labels are bounded sets only: HTTP method, the route's pattern (never the raw path), status code, entity, severity.
public final class AppMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// The bearer token a scraper may present at /metrics instead of an admin login; nil allows admins only.
    let scrapeToken: String?

    /// Latency buckets in seconds: a page is expected in tens of milliseconds, a large import in seconds.
    static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    /// The alerts counted as raised today (their webhook keys), so a dashboard reload does not count them again.
    private let raisedToday = Mutex<(day: LocalDate?, keys: Set<String>)>((nil, []))

    public init(scrapeToken: String? = nil) {
        self.registry = PrometheusCollectorRegistry()
        self.scrapeToken = scrapeToken.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Counts one answered request and its latency.
    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "mieruka", subsystem: "http", metricName: "requests", unitName: "total",
                helpText: "HTTP requests answered, by method, route pattern and status code"),
            labels: labels
        ).increment()
        registry.makeValueHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "mieruka", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                helpText: "Time from request to response head, by method and route pattern"),
            labels: [("method", method), ("route", route)],
            buckets: Self.latencyBuckets
        ).record(seconds)
    }

    /// Counts the rows an import wrote, by entity and by where they came from (`import_page`, `api`).
    func recordImportedRows(_ rows: Int, entity: Entity, source: String) {
        guard rows > 0 else { return }
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "mieruka", subsystem: "import", metricName: "rows", unitName: "total",
                helpText: "Rows committed by the web import page and the ingest API, by entity and source"),
            labels: [("entity", entity.rawValue), ("source", source)]
        ).increment(by: Int64(rows))
    }

    /// Starts timing one KPI computation for `entry` (`api`, `dashboard`, `dashboard_weekly`); `stop()` records it.
    func kpiTiming(_ entry: String) -> KPITiming {
        let histogram = registry.makeValueHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "mieruka", subsystem: "kpi", metricName: "computation_duration", unitName: "seconds",
                helpText: "Time to compute the KPI answers of a dashboard or an /api/v1/kpis request (cached API answers excluded)"),
            labels: [("entry", entry)],
            buckets: Self.latencyBuckets)
        return KPITiming(histogram: histogram, start: .now)
    }

    /// Counts the alerts raised for the first time today (once per alert and day, the webhooks' rule), by severity, and
    /// keeps the number of alerts of the last computation as a gauge.
    func recordAlerts(_ alerts: [Alert], day: LocalDate) {
        let new = raisedToday.withLock { state -> [Alert] in
            if state.day != day { state = (day, []) }
            return alerts.filter { state.keys.insert(WebhookWorker.alertKey($0, day: day)).inserted }
        }
        for severity in [Alert.Severity.warning, .critical] {
            let count = alerts.filter { $0.severity == severity }.count
            let raised = new.filter { $0.severity == severity }.count
            registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "mieruka", subsystem: "alerts", metricName: "raised", unitName: "total",
                    helpText: "Alerts raised by the alert rules, each counted once per day (as webhooks announce them), by severity"),
                labels: [("severity", severity.rawValue)]
            ).increment(by: Int64(raised))
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "mieruka", subsystem: "alerts", metricName: "active", unitName: "",
                    helpText: "Alerts the last computation raised (organisation-wide, before any viewer's filter), by severity"),
                labels: [("severity", severity.rawValue)]
            ).set(Double(count))
        }
    }

    /// The Prometheus text exposition (format 0.0.4).
    public func exposition() -> String { registry.emitToString() }
}

/// One KPI computation being timed.
struct KPITiming {
    let histogram: ValueHistogram
    let start: ContinuousClock.Instant

    func stop() { histogram.record(AppMetrics.seconds(since: start)) }
}

extension AppMetrics {
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
