#!/usr/bin/env bash
# Schemathesis against the server's own OpenAPI document (/api/openapi.yaml): generated requests for every operation,
# bounded (SCHEMATHESIS_EXAMPLES per operation, default 25; a fixed seed), as an admin's bearer token. Fails on any 5xx,
# a status code, content type or body the document does not describe. Loopback only; the golden data on SQLite.
# Usage: bash scripts/schemathesis.sh   (MIERUKA_BIN=path to use another binary; default .build/debug/mieruka)
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES="${SCHEMATHESIS_EXAMPLES:-25}"
SEED="${SCHEMATHESIS_SEED:-20261124}"
BIN="${MIERUKA_BIN:-.build/debug/mieruka}"
VENV="${SCHEMATHESIS_VENV:-.build/schemathesis-venv}"
[ -x "$BIN" ] || { echo "error: $BIN is not built (swift build first)" >&2; exit 1; }

# schemathesis from PyPI in a virtual environment of its own (python3-venv from Debian when missing).
if [ ! -x "$VENV/bin/schemathesis" ]; then
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
        fi
        rm -rf "$VENV" && python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install -q "schemathesis>=4,<5"
fi

WORK=$(mktemp -d /tmp/mieruka-schemathesis.XXXXXX)
PORT=$(( 20000 + RANDOM % 20000 ))
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

GOLDEN=""
for candidate in ../shared/fixtures/golden/data ../../shared/fixtures/golden/data; do
    [ -d "$candidate" ] && GOLDEN="$candidate" && break
done
if [ -n "$GOLDEN" ]; then "$BIN" import "$GOLDEN" --db "$WORK/st.sqlite" > "$WORK/import.log" 2>&1; else "$BIN" demo --db "$WORK/st.sqlite" > "$WORK/import.log" 2>&1; fi
echo "schemathesis-$RANDOM-pw" | "$BIN" user add --db "$WORK/st.sqlite" --login st --role admin > /dev/null
TOKEN=$("$BIN" token create --db "$WORK/st.sqlite" --login st)
"$BIN" serve --db "$WORK/st.sqlite" --host 127.0.0.1 --port "$PORT" --no-reports > "$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break; sleep 0.1; done

echo "schemathesis: $EXAMPLES examples per operation, seed $SEED, against http://127.0.0.1:$PORT/api/openapi.yaml"
status=0
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.yaml" -H "Authorization: Bearer $TOKEN" \
    -n "$EXAMPLES" --seed "$SEED" --request-timeout 30 --no-color \
    -c not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    > "$WORK/schemathesis.log" 2>&1 || status=$?
sed -n '/SUMMARY/,$p' "$WORK/schemathesis.log"
if [ "$status" != 0 ]; then
    grep -E "^_+ |^- ST|Received:|Documented:|^\[[0-9]+\]" "$WORK/schemathesis.log" | head -80
    echo "schemathesis: FAILED (exit $status)" >&2
    kill -0 "$SERVER" 2>/dev/null || { echo "the server died:" >&2; tail -20 "$WORK/serve.log" >&2; }
    exit 1
fi
kill -0 "$SERVER" 2>/dev/null || { echo "schemathesis: the server died during the run" >&2; tail -20 "$WORK/serve.log" >&2; exit 1; }
echo "schemathesis: PASS"
