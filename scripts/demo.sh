#!/usr/bin/env bash
# Runs the product on the embedded database with demo data: builds mieruka (release), fills demo.sqlite with the
# demo organisation on first start, prints a login for each role, and serves http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product mieruka
exec .build/release/mieruka serve --demo --db "${MIERUKA_DB:-demo.sqlite}" --host 127.0.0.1 --port "${PORT:-8080}"
