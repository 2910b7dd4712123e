#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time: scripts/fuzz.sh [seconds-per-target] [target…]
#
#   csv      Sources/MierukaCSV: the streaming reader (UTF-8, CP932, auto-detection, chunk boundaries) and the writer
#   mapping  Sources/MierukaImport/Mapping: the YAML/JSON mapping-file loader (through Yams)
#   date     the date/time parsing of imports (DateTimeParser, DateTimePattern) and MierukaCore's LocalDate/YearMonth
#
# The targets are built with plain swiftc (-sanitize=fuzzer,address), not SwiftPM: the sources they test are compiled
# straight into each fuzzer (so the harness reaches internal API such as the reader's chunk size), MierukaCore and
# Yams as modules of their own. Nothing here touches the package's own build. Output goes to .build/fuzz/.
# Prints each target's executions and exec/s; fails on the first crash, leak or invariant trap, saving the input as
# .build/fuzz/crashes/<target>/crash-… (reproduce with: .build/fuzz/fuzz-<target> <that file>).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv mapping date)
out=${MIERUKA_FUZZ_OUT:-$root/.build/fuzz}   # another directory keeps a second copy apart (e.g. while one runs)
mkdir -p "$out"

if ! command -v swiftc >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.x) is required: https://www.swift.org/install/" >&2
    exit 1
fi
# The Linux toolchains from swift.org ship clang and the libFuzzer/ASan runtimes next to swiftc; nothing to install.
# Check anyway so a toolchain without them fails with a clear message instead of a link error.
# The clang next to swiftc, not another one on PATH: its sanitizer instrumentation must match the runtimes swiftc links.
clang=$(dirname "$(readlink -f "$(command -v swiftc)")")/clang
resource_dir=$("$clang" -print-resource-dir 2>/dev/null || true)
if [ ! -x "$clang" ] || ! ls "$resource_dir"/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
    echo "error: clang with the libFuzzer runtime (libclang_rt.fuzzer) is needed; use the swift.org toolchain, which has both" >&2
    exit 1
fi

# Yams: the version the package resolved (its checkout), so the fuzzer parses YAML with the same code the product does.
yams=$root/.build/checkouts/Yams
if [ ! -d "$yams/Sources/Yams" ]; then
    echo "fuzz: resolving packages for the Yams sources"
    swift package resolve >/dev/null
fi

flags=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -suppress-warnings)
build_start=$(date +%s)
# swiftc links with gold, which warns about the sanitizer runtimes' sections; those warnings are noise, errors still fail.
quiet_link() { "$@" 2> >(grep -v -e 'warning: Cannot export' -e 'ld.gold: warning' >&2); }

echo "fuzz: building Yams (C and Swift), MierukaCore and three fuzzers in $out"
mkdir -p "$out/cyaml" "$out/modules"
# Yams and MierukaCore are rebuilt only when their sources are newer than the objects (the fuzzers themselves always).
stale() { [ ! -f "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -print -quit)" ]; }
if stale "$out/Yams.o" "$yams/Sources"; then
for c in "$yams"/Sources/CYaml/src/*.c; do
    "$clang" -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
        "$c" -o "$out/cyaml/$(basename "$c" .c).o" &
done
wait
swiftc "${flags[@]}" -wmo -module-name Yams -D SWIFT_PACKAGE -I "$yams/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC \
    -emit-module -emit-module-path "$out/modules/Yams.swiftmodule" -emit-object -o "$out/Yams.o" "$yams"/Sources/Yams/*.swift
fi
mapfile -t core < <(find Sources/MierukaCore -name '*.swift' | sort)
stale "$out/MierukaCore.o" Sources/MierukaCore && swiftc "${flags[@]}" -wmo -module-name MierukaCore \
    -emit-module -emit-module-path "$out/modules/MierukaCore.swiftmodule" -emit-object -o "$out/MierukaCore.o" "${core[@]}"

# Each fuzzer is one module: its harness plus the sources under test (internal API reachable without @testable).
import_flags=(-I "$out/modules" -I "$yams/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC)
quiet_link swiftc "${flags[@]}" -module-name FuzzCSV -o "$out/fuzz-csv" Fuzz/FuzzCSV.swift Sources/MierukaCSV/*.swift
quiet_link swiftc "${flags[@]}" -module-name FuzzMapping "${import_flags[@]}" -o "$out/fuzz-mapping" Fuzz/FuzzMapping.swift \
    Sources/MierukaImport/Mapping/*.swift Sources/MierukaImport/Parsing/DateTimePattern.swift Sources/MierukaImport/Import/ImportIssue.swift Sources/MierukaCSV/SourceEncoding.swift \
    "$out/MierukaCore.o" "$out/Yams.o" "$out"/cyaml/*.o
quiet_link swiftc "${flags[@]}" -module-name FuzzDate "${import_flags[@]}" -o "$out/fuzz-date" Fuzz/FuzzDate.swift \
    Sources/MierukaImport/Parsing/DateTimeParser.swift Sources/MierukaImport/Parsing/DateTimePattern.swift "$out/MierukaCore.o"
echo "fuzz: built in $(( $(date +%s) - build_start )) s"

# Leaks are not checked: Foundation keeps caches (time zones, formatters) that LeakSanitizer reports at exit. Swift code
# allocates a lot, and ASan's stack capture and 4 KB fill of every allocation and its 256 MB quarantine made the runs
# 1.7 times slower; without them ASan still finds overflows and use-after-free (rerun a crash input with
# ASAN_OPTIONS=detect_leaks=0 for allocation stacks).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0:max_malloc_fill_size=0:quarantine_size_mb=16}
# Swift's own crash backtracer reads the stack in ways ASan reports as a second error; libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no
status=0
summary=()
for target in "${targets[@]}"; do
    seeds=$root/Fuzz/corpus/$target
    [ -d "$seeds" ] || { echo "error: no target $target (no $seeds)" >&2; exit 2; }
    work=$out/corpus/$target      # grows during runs; the committed seeds stay as they are
    crashes=$out/crashes/$target
    mkdir -p "$work" "$crashes"
    log=$out/$target.log
    echo "fuzz: $target for ${seconds} s"
    set +e
    "$out/fuzz-$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -artifact_prefix="$crashes/" "$work" "$seeds" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    persec=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    line="$target: ${runs:-?} executions, ${persec:-?} exec/s"
    if [ $rc -ne 0 ]; then
        status=1
        line="$line — FAILED (exit $rc); input saved in $crashes/, log in $log"
        grep -E -m 20 'Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" >&2 || tail -30 "$log" >&2
    fi
    echo "fuzz: $line"
    summary+=("$line")
done
printf '%s\n' "fuzz: summary" "${summary[@]/#/  }"
exit $status
