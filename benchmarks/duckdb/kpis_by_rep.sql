-- The reference for the benchmark: a representative subset of the catalog per rep for one period [from, to),
-- computed by DuckDB straight from the canonical CSV files. Each definition is kpi-catalog.md's:
--   calls               activities type=call, direction=outbound, by occurred_at, per rep_id
--   connects            those calls with connected = true
--   connect_rate        connects ÷ calls (undefined when calls = 0)
--   valid_conversations those connects with duration_seconds ≥ the valid_conversation_seconds setting
--   appointments        opportunities created in P, per created_by (every source)
--   wins                opportunities with stage won and closed_at in P, per created_by (every source)
-- Groups: every rep of reps.csv, also those with nothing in P.
-- run.py fills in {dir}, {from}, {to} (timestamps with the organisation's UTC offset) and {valid_seconds}.
WITH reps AS (
    SELECT DISTINCT rep_id FROM read_csv('{dir}/reps.csv', header = true, all_varchar = true)
),
calls AS (
    SELECT rep_id,
           count(*) AS calls,
           count(*) FILTER (WHERE connected = 'true') AS connects,
           count(*) FILTER (WHERE connected = 'true' AND TRY_CAST(NULLIF(duration_seconds, '') AS BIGINT) >= {valid_seconds}) AS valid_conversations
    FROM read_csv('{dir}/activities.csv', header = true, all_varchar = true)
    WHERE type = 'call' AND direction = 'outbound'
      AND occurred_at::TIMESTAMPTZ >= '{from}'::TIMESTAMPTZ AND occurred_at::TIMESTAMPTZ < '{to}'::TIMESTAMPTZ
    GROUP BY rep_id
),
opportunities AS (
    SELECT created_by, created_at::TIMESTAMPTZ AS created_at, stage, NULLIF(closed_at, '')::TIMESTAMPTZ AS closed_at
    FROM read_csv('{dir}/opportunities.csv', header = true, all_varchar = true)
),
appointments AS (
    SELECT created_by AS rep_id, count(*) AS appointments
    FROM opportunities
    WHERE created_at >= '{from}'::TIMESTAMPTZ AND created_at < '{to}'::TIMESTAMPTZ
    GROUP BY created_by
),
wins AS (
    SELECT created_by AS rep_id, count(*) AS wins
    FROM opportunities
    WHERE stage = 'won' AND closed_at >= '{from}'::TIMESTAMPTZ AND closed_at < '{to}'::TIMESTAMPTZ
    GROUP BY created_by
)
SELECT r.rep_id,
       coalesce(c.calls, 0) AS calls,
       coalesce(c.connects, 0) AS connects,
       coalesce(c.valid_conversations, 0) AS valid_conversations,
       coalesce(a.appointments, 0) AS appointments,
       coalesce(w.wins, 0) AS wins
FROM reps r
LEFT JOIN calls c ON c.rep_id = r.rep_id
LEFT JOIN appointments a ON a.rep_id = r.rep_id
LEFT JOIN wins w ON w.rep_id = r.rep_id
ORDER BY r.rep_id
