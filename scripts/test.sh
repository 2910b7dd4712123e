#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.x) is required: https://www.swift.org/install/" >&2
    exit 1
fi

# The end-to-end tests run the built binary, so build it (and the tests) first.
swift build --build-tests
swift test --skip-build

# One end-to-end test in a real headless Chromium against the built server (installs Chromium and Playwright if missing).
bash Tests/e2e/run.sh
