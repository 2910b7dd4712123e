/// A named, append-only schema step. Applied once, in order, recorded in `schema_migrations`.
public struct Migration: Sendable {
    public let name: String
    /// The statements, in SQL both databases accept unless `postgres` says otherwise.
    public let statements: [String]
    /// PostgreSQL's statements where its dialect differs (the same schema in meaning).
    var postgres: [String]? = nil

    /// The SQL dialects a migration is written for.
    public enum Dialect: Sendable { case sqlite, postgres }

    public func statements(for dialect: Dialect) -> [String] {
        switch dialect {
        case .sqlite: return statements
        case .postgres: return postgres ?? statements
        }
    }
}

extension Migration {
    /// Every migration the product has ever shipped, oldest first. Never edit a shipped one: append a new one.
    /// Timestamps are integer seconds since 1970 (UTC); calendar dates are `YYYY-MM-DD` text; booleans 0/1; money integer yen.
    public static let all: [Migration] = [
        Migration(name: "0001_canonical_records", statements: [
            """
            CREATE TABLE reps (
                rep_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, team TEXT,
                role TEXT NOT NULL CHECK (role IN ('sdr','bdr','isr','fs','manager','cs')), started_on TEXT)
            """,
            """
            CREATE TABLE leads (
                lead_id TEXT PRIMARY KEY NOT NULL, company TEXT, channel TEXT NOT NULL, created_at BIGINT NOT NULL,
                assigned_to TEXT, assigned_at BIGINT,
                status TEXT NOT NULL CHECK (status IN ('new','working','nurturing','mql','sql','disqualified','dormant','converted')),
                temperature TEXT CHECK (temperature IN ('now','researching','future')), mql_at BIGINT, sql_at BIGINT,
                lost_reason TEXT, next_follow_up_on TEXT, tags TEXT, industry TEXT, title TEXT)
            """,
            """
            CREATE TABLE activities (
                activity_id TEXT PRIMARY KEY NOT NULL, lead_id TEXT NOT NULL, rep_id TEXT NOT NULL,
                type TEXT NOT NULL CHECK (type IN ('call','email')), direction TEXT NOT NULL CHECK (direction IN ('outbound','inbound')),
                occurred_at BIGINT NOT NULL, duration_seconds BIGINT CHECK (duration_seconds >= 0), connected SMALLINT,
                decision_maker SMALLINT, opened SMALLINT, clicked SMALLINT, replied SMALLINT, bounced SMALLINT)
            """,
            "CREATE INDEX activities_occurred_at ON activities (occurred_at)",
            "CREATE INDEX activities_lead ON activities (lead_id, occurred_at)",
            """
            CREATE TABLE opportunities (
                opportunity_id TEXT PRIMARY KEY NOT NULL, lead_id TEXT, created_by TEXT NOT NULL, owner TEXT,
                source TEXT NOT NULL CHECK (source IN ('inside_sales','field_sales','marketing','partner')),
                created_at BIGINT NOT NULL, meeting_at BIGINT, handed_off_at BIGINT,
                stage TEXT NOT NULL CHECK (stage IN ('appointment','meeting','proposal','negotiation','won','lost')),
                amount BIGINT, expected_close_on TEXT, closed_at BIGINT, lost_reason TEXT,
                budget SMALLINT, authority SMALLINT, timeline SMALLINT, need TEXT, decision_process TEXT, next_action TEXT,
                is_reactivation SMALLINT)
            """,
            """
            CREATE TABLE customers (
                customer_id TEXT NOT NULL, month TEXT NOT NULL, mrr BIGINT NOT NULL, plan TEXT, dormant SMALLINT,
                PRIMARY KEY (customer_id, month))
            """,
            """
            CREATE TABLE costs (
                month TEXT NOT NULL, channel TEXT, category TEXT NOT NULL CHECK (category IN ('marketing','inside_sales','tools','other')),
                amount BIGINT NOT NULL, visits BIGINT)
            """,
            "CREATE INDEX costs_month ON costs (month)",
            """
            CREATE TABLE targets (
                kpi TEXT NOT NULL, scope TEXT NOT NULL CHECK (scope IN ('org','team','rep')), scope_id TEXT NOT NULL DEFAULT '',
                period TEXT NOT NULL CHECK (period IN ('day','week','month','quarter','year')), period_start TEXT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (kpi, scope, scope_id, period, period_start))
            """,
        ]),
        Migration(name: "0002_settings_with_history", statements: [
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            """
            CREATE TABLE settings_history (
                key TEXT NOT NULL, old_value TEXT, new_value TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL)
            """,
        ], postgres: [
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            // PostgreSQL has no rowid: seq keeps the order of changes made in the same second.
            """
            CREATE TABLE settings_history (
                key TEXT NOT NULL, old_value TEXT, new_value TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL,
                seq BIGSERIAL NOT NULL)
            """,
        ]),
        Migration(name: "0003_import_log", statements: [
            """
            CREATE TABLE import_log (
                started_at BIGINT NOT NULL, finished_at BIGINT NOT NULL, files TEXT NOT NULL, summary TEXT NOT NULL)
            """,
        ]),
        // A lead's first response, first call and next contact are index-only look-ups with this index,
        // instead of a visit to the table row for every activity of the lead.
        Migration(name: "0004_activities_contact_index", statements: [
            "DROP INDEX activities_lead",
            "CREATE INDEX activities_contact ON activities (lead_id, direction, type, occurred_at)",
        ]),
        // Accounts: passwords as bcrypt hashes; session and API tokens stored only as SHA-256 hashes.
        Migration(name: "0005_accounts", statements: [
            """
            CREATE TABLE users (
                login TEXT PRIMARY KEY NOT NULL, password_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin','manager','rep','viewer')), team TEXT, rep_id TEXT, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY NOT NULL, login TEXT NOT NULL, csrf TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE TABLE api_tokens (token_hash TEXT PRIMARY KEY NOT NULL, login TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)",
            "CREATE TABLE login_failures (login TEXT NOT NULL, at BIGINT NOT NULL)",
        ]),
        // Landing forecasts as recorded on each day's first computation, for forecast_accuracy of closed periods.
        Migration(name: "0006_forecasts", statements: [
            """
            CREATE TABLE forecasts (
                kpi TEXT NOT NULL, group_name TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL, made_on TEXT NOT NULL,
                actual DOUBLE PRECISION NOT NULL, landing DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (kpi, group_name, period_from, period_to, made_on))
            """,
        ]),
        // The manager's answers to the phase checklist (seed 002): the latest answer per item, for the organisation
        // (team '') or one team, with who answered and when.
        Migration(name: "0007_phase_answers", statements: [
            """
            CREATE TABLE phase_answers (
                team TEXT NOT NULL DEFAULT '', item_id TEXT NOT NULL, answer SMALLINT NOT NULL CHECK (answer IN (0,1)),
                answered_by TEXT NOT NULL, answered_at BIGINT NOT NULL,
                PRIMARY KEY (team, item_id))
            """,
        ]),
        // Pre-aggregated cells the dashboard answers from (RollupTally bytes per kind × group × local day; grp '' = none),
        // the monthly sums of pipeline changes, and what the cells were built with.
        Migration(
            name: "0008_rollups",
            statements: [
                "CREATE TABLE rollup_cells (kind TEXT NOT NULL, grp TEXT NOT NULL, day BIGINT NOT NULL, tally BLOB NOT NULL, PRIMARY KEY (kind, day, grp))",
                "CREATE TABLE rollup_months (kind TEXT NOT NULL, grp TEXT NOT NULL, month BIGINT NOT NULL, pipeline DOUBLE PRECISION NOT NULL, PRIMARY KEY (kind, month, grp))",
                "CREATE TABLE rollup_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            ],
            postgres: [
                "CREATE TABLE rollup_cells (kind TEXT NOT NULL, grp TEXT NOT NULL, day BIGINT NOT NULL, tally BYTEA NOT NULL, PRIMARY KEY (kind, day, grp))",
                "CREATE TABLE rollup_months (kind TEXT NOT NULL, grp TEXT NOT NULL, month BIGINT NOT NULL, pipeline DOUBLE PRECISION NOT NULL, PRIMARY KEY (kind, month, grp))",
                "CREATE TABLE rollup_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            ]),
        // Events posted by call and MA tools (event_id is the idempotency key; the activity is folded from all events of
        // its call or message), outbound webhook subscriptions, their delivery outbox with every attempt, and the alerts
        // already announced.
        Migration(name: "0009_events_webhooks", statements: [
            """
            CREATE TABLE inbound_events (
                event_id TEXT PRIMARY KEY NOT NULL, activity_id TEXT NOT NULL, type TEXT NOT NULL, occurred_at BIGINT NOT NULL,
                lead_id TEXT NOT NULL, rep_id TEXT NOT NULL, direction TEXT NOT NULL, duration_seconds BIGINT, connected SMALLINT,
                decision_maker SMALLINT, received_at BIGINT NOT NULL, received_by TEXT NOT NULL)
            """,
            "CREATE INDEX inbound_events_activity ON inbound_events (activity_id)",
            """
            CREATE TABLE webhook_subscriptions (
                subscription_id TEXT PRIMARY KEY NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL)
            """,
            """
            CREATE TABLE webhook_deliveries (
                delivery_id TEXT PRIMARY KEY NOT NULL, subscription_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
                body TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending','delivered','failed')), attempts BIGINT NOT NULL,
                last_status BIGINT, last_error TEXT, next_attempt_at BIGINT, created_at BIGINT NOT NULL, finished_at BIGINT)
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
            """
            CREATE TABLE webhook_attempts (
                delivery_id TEXT NOT NULL, attempt BIGINT NOT NULL, attempted_at BIGINT NOT NULL, status_code BIGINT, error TEXT,
                PRIMARY KEY (delivery_id, attempt))
            """,
            "CREATE TABLE raised_alerts (alert_key TEXT PRIMARY KEY NOT NULL, raised_at BIGINT NOT NULL)",
        ]),
    ]
}
