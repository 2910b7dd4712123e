#!/usr/bin/env bash
# The end-to-end test in a real headless Chromium: the built server on a temporary demo database, a manager logs in
# through the form, the dashboard's figures are checked against the JSON API, screenshots go to .build/e2e/.
# Installs what it needs on a fresh Debian machine (chromium and fonts-noto-cjk from Debian, Playwright from PyPI;
# Playwright drives the system Chromium and downloads no browser). Exits non-zero when anything is off.
#
#   bash Tests/e2e/run.sh                       # the binary from `swift build --show-bin-path` (build it first)
#   MIERUKA_BIN=path/to/mieruka bash Tests/e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf 'e2e: %s\n' "$*"; }
fail() { printf 'e2e: error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
started=$SECONDS

# --- what it needs ---------------------------------------------------------------------------------------------
missing=()
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROMIUM" ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-cjk)
PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
fi
[ -x "$CHROMIUM" ] || fail "no Chromium after installing it"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
pip_install() {
    # Debian's own Python refuses pip installs outside a virtual environment (PEP 668) unless told.
    local flags=()
    if "$PYTHON" -c 'import os, sys, sysconfig
sys.exit(0 if sys.prefix == sys.base_prefix and os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) else 1)'; then
        flags+=(--break-system-packages)
    fi
    "$PYTHON" -m pip install --quiet "${flags[@]}" "$@"
}
if ! "$PYTHON" -c 'import playwright.sync_api' 2>/dev/null; then
    if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
    fi
    say "installing Playwright from PyPI"
    pip_install 'playwright>=1.45,<2'
    "$PYTHON" -c 'import playwright.sync_api' || fail "Playwright did not install"
fi
# The test works out "this month in Asia/Tokyo" itself; without the system's time zone files, PyPI's tzdata has them.
if ! "$PYTHON" -c 'import zoneinfo; zoneinfo.ZoneInfo("Asia/Tokyo")' 2>/dev/null; then
    pip_install tzdata
fi

# --- the server ------------------------------------------------------------------------------------------------
BIN=${MIERUKA_BIN:-}
if [ -z "$BIN" ]; then
    BIN="$(swift build --show-bin-path)/mieruka"
fi
[ -x "$BIN" ] || fail "no built mieruka at $BIN (run swift build first)"

work=$(mktemp -d "${TMPDIR:-/tmp}/mieruka-e2e.XXXXXX")
server=""
cleanup() {
    status=$?
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $log (last lines)" >&2; tail -n 30 "$log" >&2; }; done
        echo "e2e: FAILED after $((SECONDS - started)) s" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db="$work/e2e.sqlite"
# A small demo organisation (the default one takes longer to generate and check); `serve --demo` then only adds
# the logins, one per role, and prints them.
"$BIN" demo --db "$db" --reps 8 --leads 1000 --months 2 >"$work/demo.log" 2>&1 || fail "mieruka demo failed"
port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --demo --db "$db" --host 127.0.0.1 --port "$port" --reports-dir "$work/reports" >"$work/server.log" 2>"$work/server-stderr.log" &
server=$!

base="http://127.0.0.1:$port"
"$PYTHON" - "$base/healthz" "$server" <<'EOF' || fail "the server did not answer /healthz"
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("the server exited")
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200 and b'"ok"' in r.read():
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("no answer in 60 s")
EOF

# "  manager  manager / PASSWORD  (TEAM)"
password=$(sed -n 's/^ *manager  *manager \/ \([^ ]*\).*/\1/p' "$work/server.log" | head -n 1)
[ -n "$password" ] || fail "serve --demo printed no manager login"
say "server $BIN on $base is up after $((SECONDS - started)) s"

# --- the browser -----------------------------------------------------------------------------------------------
mkdir -p .build/e2e
timeout 180 "$PYTHON" Tests/e2e/dashboard_e2e.py --base-url "$base" --login manager --password "$password" \
    --chromium "$CHROMIUM" --out .build/e2e
say "passed in $((SECONDS - started)) s; screenshots in .build/e2e/"
