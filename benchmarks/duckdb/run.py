#!/usr/bin/env python3
"""The DuckDB reference for mieruka-bench: runs kpis_by_rep.sql on the CSV folder and prints JSON.

usage: run.py CSV_DIR FROM TO VALID_SECONDS REPEAT
FROM and TO are timestamps with an offset (2026-04-01T00:00:00+09:00); the query runs REPEAT times from the CSV
files (nothing cached between runs) and the output holds every run's seconds and the last run's answers.
"""
import json
import os
import sys
import time

try:
    import duckdb
except ImportError:
    sys.exit("error: the DuckDB reference needs the duckdb module: pip install duckdb")


def main() -> None:
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    directory, start, end, valid_seconds, repeat = sys.argv[1:]
    int(valid_seconds)  # a number, nothing else goes into the SQL
    for stamp in (start, end):
        if any(c in stamp for c in "'\\;"):
            sys.exit(f"error: not a timestamp: {stamp}")
    if "'" in directory:
        sys.exit("error: the CSV folder's path must not contain a quote")
    template = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "kpis_by_rep.sql"), encoding="utf-8").read()
    sql = (template.replace("{dir}", directory).replace("{from}", start).replace("{to}", end)
           .replace("{valid_seconds}", valid_seconds))
    con = duckdb.connect()
    seconds = []
    rows = []
    for _ in range(int(repeat)):
        began = time.perf_counter()
        rows = con.execute(sql).fetchall()
        seconds.append(time.perf_counter() - began)
    answers = {}
    for rep, calls, connects, valid, appointments, wins in rows:
        answers[rep] = {
            "calls": calls,
            "connects": connects,
            "connect_rate": [connects, calls],
            "valid_conversations": valid,
            "appointments": appointments,
            "wins": wins,
        }
    json.dump({"duckdb": duckdb.__version__, "seconds": seconds, "reps": answers}, sys.stdout)


if __name__ == "__main__":
    main()
