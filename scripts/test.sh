#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.x) is required: https://www.swift.org/install/" >&2
    exit 1
fi

# Debian packages the tests use: zlib headers (the xlsx writer's ZIP library builds against them) and LibreOffice Calc
# (the export tests open our workbooks with it). Installed when missing and we may (root, apt-get present).
missing=()
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing ${missing[*]} from Debian's packages"
    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The end-to-end tests run the built binary, so build it (and the tests) first.
swift build --build-tests

# A throw-away PostgreSQL on 127.0.0.1 (installed from Debian's packages when missing; stopped when this script exits):
# the store, import and golden tests run on both databases in one pass, then the web and CLI suites again on PostgreSQL.
source scripts/postgres.sh

# The report tests print PDFs with headless Chromium and read them back (installs chromium, fonts-noto-cjk, poppler-utils if missing).
bash scripts/report-deps.sh

swift test --skip-build
MIERUKA_TEST_BACKEND=postgres swift test --skip-build --filter 'MierukaWebTests|MierukaCLITests'

# One end-to-end test in a real headless Chromium against the built server (installs Chromium and Playwright if missing).
bash Tests/e2e/run.sh

# Schemathesis (PyPI, in its own venv) against /api/openapi.yaml, bounded: no 5xx, every answer as the document says.
bash scripts/schemathesis.sh

# The benchmark's smoke test: --quick on SQLite and on the PostgreSQL above, release build (it fails when the engine's
# answers differ from DuckDB's or a step breaks; the figures are printed, not judged).
swift build -c release
.build/release/mieruka-bench --quick --database-url "$MIERUKA_TEST_DATABASE_URL"

# Fuzzing: the CSV reader, the mapping loader and the date parsing under libFuzzer with AddressSanitizer, 60 s each
# (fails on any crash or broken invariant and keeps the input in .build/fuzz/crashes/; see Fuzz/ and scripts/fuzz.sh).
bash scripts/fuzz.sh 60
