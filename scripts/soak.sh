#!/usr/bin/env bash
# Load and soak test: `bash scripts/soak.sh [minutes]` (default 10).
# Builds mieruka (release), serves the demo organisation from SQLite on 127.0.0.1 only, and for the given time runs
# wrk against the dashboard page (logged-in session cookie) and the JSON API /api/v1/kpis (bearer token) with
# SOAK_CONNECTIONS (default 200) connections in all, half on each, while `mieruka import` re-imports a generated file of
# SOAK_IMPORT_ROWS (default 5,000) activities into the same database in a loop. Samples the server's RSS every 10 s.
# Fails (exit 1) on any non-2xx answer, socket error or timeout, any failed import, or RSS growth (rule below).
# MIERUKA_BIN=path skips the build and uses that binary.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES="${1:-10}"
SECONDS_TOTAL=$(awk -v m="$MINUTES" 'BEGIN { s = int(m * 60 + 0.5); if (s < 10) s = 10; print s }')
CONNECTIONS="${SOAK_CONNECTIONS:-200}"
HALF=$(( CONNECTIONS / 2 ))
IMPORT_ROWS="${SOAK_IMPORT_ROWS:-5000}"
PORT="${SOAK_PORT:-$(( 20000 + RANDOM % 20000 ))}"
# A request not answered within this counts as an error (wrk's default of 2 s measures a busy 2-core machine, not us).
WRK_TIMEOUT="${SOAK_WRK_TIMEOUT:-30s}"

if ! command -v wrk >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "installing wrk from Debian's packages"
        (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
    else
        echo "error: wrk is required (apt-get install wrk)" >&2
        exit 1
    fi
fi
for tool in curl awk; do command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is required" >&2; exit 1; }; done

if [ -n "${MIERUKA_BIN:-}" ]; then
    BIN="$MIERUKA_BIN"
else
    swift build -c release --product mieruka
    BIN=.build/release/mieruka
fi

WORK=$(mktemp -d /tmp/mieruka-soak.XXXXXX)
DB="$WORK/soak.sqlite"
BASE="http://127.0.0.1:$PORT"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "${SOAK_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== demo organisation in $DB"
"$BIN" demo --db "$DB" > "$WORK/demo.log" 2>&1
tail -1 "$WORK/demo.log"
PASSWORD="soak-$(date +%s)-$RANDOM"
echo "$PASSWORD" | "$BIN" user add --db "$DB" --login soak --role admin > /dev/null
TOKEN=$("$BIN" token create --db "$DB" --login soak)

"$BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --no-reports > "$WORK/serve.log" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
for _ in $(seq 1 300); do
    curl -fsS "$BASE/healthz" > /dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { echo "error: the server exited:"; cat "$WORK/serve.log"; exit 1; }
    sleep 0.2
done
curl -fsS "$BASE/healthz" > /dev/null || { echo "error: the server did not answer $BASE/healthz"; exit 1; }

# Log in as a browser does: the login form's CSRF field and cookie, then the session cookie.
JAR="$WORK/cookies.txt"
CSRF=$(curl -fsS -c "$JAR" "$BASE/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sS -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "login=soak" --data-urlencode "password=$PASSWORD" "$BASE/login"
SESSION=$(awk '$6 == "mieruka_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "error: login failed (no session cookie)"; exit 1; }

TODAY=$(TZ=Asia/Tokyo date +%F)
FROM=$(TZ=Asia/Tokyo date +%Y-%m-01)
TO=$(TZ=Asia/Tokyo date -d tomorrow +%F)
DASHBOARD="$BASE/"
API="$BASE/api/v1/kpis?from=$FROM&to=$TO&by=rep"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(code -H "Cookie: mieruka_session=$SESSION" "$DASHBOARD")" = 200 ] || { echo "error: the dashboard does not answer 200 with the session"; exit 1; }
[ "$(code -H "Authorization: Bearer $TOKEN" "$API")" = 200 ] || { echo "error: $API does not answer 200 with the token"; exit 1; }

# The import the loop repeats: SOAK_IMPORT_ROWS calls of the demo's reps on its leads, today; each round changes every
# duration, so every round really writes (updates) all rows and the database keeps its size.
mkdir -p "$WORK/import"
write_import() {
    awk -v n="$IMPORT_ROWS" -v round="$1" -v day="$TODAY" 'BEGIN {
        print "activity_id,lead_id,rep_id,type,direction,occurred_at,duration_seconds,connected,decision_maker,opened,clicked,replied,bounced"
        for (i = 1; i <= n; i++)
            printf "SOAK%06d,L%07d,R%03d,call,outbound,%sT%02d:%02d:00+09:00,%d,%s,,,,,\n", i, (i % 3000) + 1, 2 + i % 5, day, 9 + i % 9, i % 60, round + i % 100, (i % 3 == 0) ? "true" : "false"
    }' > "$WORK/import/activities.csv"
}
DEADLINE=$(( $(date +%s) + SECONDS_TOTAL ))
import_loop() {
    local round=0 ok=0 failed=0
    while [ "$(date +%s)" -lt "$DEADLINE" ]; do
        round=$(( round + 1 ))
        write_import "$round"
        if timeout 300 "$BIN" import --db "$DB" "$WORK/import/activities.csv" > "$WORK/import-last.log" 2>&1; then
            ok=$(( ok + 1 ))
        else
            failed=$(( failed + 1 ))
            cp "$WORK/import-last.log" "$WORK/import-failed-$round.log"
        fi
    done
    echo "$ok $failed" > "$WORK/imports.txt"
}
sample_rss() {
    local t=0
    while [ "$(date +%s)" -lt "$DEADLINE" ]; do
        sleep 10
        t=$(( t + 10 ))
        awk -v t="$t" '/^VmRSS:/ { print t, $2 }' "/proc/$SERVER/status" >> "$WORK/rss.txt" 2>/dev/null || true
    done
}

echo "== ${SECONDS_TOTAL} s: wrk ${HALF} connections on the dashboard + ${HALF} on the API, imports of $IMPORT_ROWS rows in a loop, server pid $SERVER"
import_loop & IMPORTER=$!
sample_rss & SAMPLER=$!
PIDS+=("$IMPORTER" "$SAMPLER")
timeout $(( SECONDS_TOTAL + 120 )) wrk -t2 -c"$HALF" -d"${SECONDS_TOTAL}s" --timeout "$WRK_TIMEOUT" -s scripts/soak.lua \
    -H "Cookie: mieruka_session=$SESSION" "$DASHBOARD" > "$WORK/wrk-dashboard.txt" 2>&1 & WRK1=$!
timeout $(( SECONDS_TOTAL + 120 )) wrk -t2 -c"$HALF" -d"${SECONDS_TOTAL}s" --timeout "$WRK_TIMEOUT" -s scripts/soak.lua \
    -H "Authorization: Bearer $TOKEN" "$API" > "$WORK/wrk-api.txt" 2>&1 & WRK2=$!
PIDS+=("$WRK1" "$WRK2")
wait "$WRK1" || true
wait "$WRK2" || true
# The loops stop at the deadline; an import still running is let finish (bounded by its timeout).
wait "$IMPORTER" "$SAMPLER" 2>/dev/null || true
kill -0 "$SERVER" 2>/dev/null || { echo "error: the server died during the run:"; tail -20 "$WORK/serve.log"; exit 1; }

FAIL=0
echo
echo "== results (${SECONDS_TOTAL} s, $CONNECTIONS connections, loopback, SQLite)"
for name in dashboard api; do
    line=$(grep '^SOAK ' "$WORK/wrk-$name.txt" || true)
    if [ -z "$line" ]; then
        echo "$name: wrk printed no result:"; cat "$WORK/wrk-$name.txt"; FAIL=1; continue
    fi
    echo "$name: ${line#SOAK }"
    errors=$(echo "$line" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"] }')
    [ "$errors" = 0 ] || { echo "FAIL: $name had $errors non-2xx answers or socket errors"; FAIL=1; }
    # wrk counts no timeout for a request still unanswered when the run ends: no answer at all is a failure too.
    requests=$(echo "$line" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
    [ "${requests:-0}" -gt 0 ] || { echo "FAIL: $name answered no request in ${SECONDS_TOTAL} s"; FAIL=1; }
done
read -r IMPORTS_OK IMPORTS_FAILED < "$WORK/imports.txt" || { IMPORTS_OK=0; IMPORTS_FAILED=0; }
echo "imports: $IMPORTS_OK of $IMPORT_ROWS rows each committed, $IMPORTS_FAILED failed"
if [ "$IMPORTS_FAILED" != 0 ]; then echo "FAIL: imports failed:"; cat "$WORK"/import-failed-*.log | head -20; FAIL=1; fi
[ "$IMPORTS_OK" -gt 0 ] || { echo "FAIL: no import completed during the run"; FAIL=1; }

# RSS rule: the median of the last third of the samples may exceed the median of the first third by at most 25 %.
# Medians, because one sample can land in an import's or a burst's peak; thirds, because the first samples hold the
# warm-up (caches, 200 connections' buffers) that a flat server reaches once; 25 %, because the allocator's arenas
# breathe by a few MB under this load while a leak at soak rates grows steadily past that in 10 minutes.
# Under 6 samples (runs shorter than a minute) the series is printed but not judged.
echo "server RSS every 10 s (s kB): $(awk '{ printf "%s:%s ", $1, $2 }' "$WORK/rss.txt" 2>/dev/null)"
# The medians, with sort (plain awk has no sort function).
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
SAMPLES=$(wc -l < "$WORK/rss.txt" 2>/dev/null || echo 0)
if [ "$SAMPLES" -lt 6 ]; then
    verdict="NOJUDGE $SAMPLES"
else
    THIRD=$(( SAMPLES / 3 ))
    FIRST=$(head -n "$THIRD" "$WORK/rss.txt" | awk '{ print $2 }' | median)
    LAST=$(tail -n "$THIRD" "$WORK/rss.txt" | awk '{ print $2 }' | median)
    verdict=$(awk -v a="$FIRST" -v b="$LAST" 'BEGIN { printf "%s %d %d %.1f\n", (b > a * 1.25) ? "GROWS" : "FLAT", a, b, (b / a - 1) * 100 }')
fi
case "$verdict" in
    NOJUDGE*) echo "RSS: ${verdict#NOJUDGE } samples, too few to judge (run at least 1 minute)";;
    FLAT*) set -- $verdict; echo "RSS: flat: median of the first third $2 kB, of the last third $3 kB ($4 %, limit +25 %)";;
    GROWS*) set -- $verdict; echo "FAIL: RSS grows: median of the first third $2 kB, of the last third $3 kB ($4 %, limit +25 %)"; FAIL=1;;
esac

if [ "$FAIL" = 0 ]; then echo "soak: PASS"; else echo "soak: FAIL"; fi
exit "$FAIL"
