#!/usr/bin/env bash
# Runs the product on the embedded database with demo data: builds mieruka, fills demo.sqlite with the demo
# organisation (once), and prints this month's KPIs per rep, in Japanese.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product mieruka
bin=".build/release/mieruka"
db="${MIERUKA_DB:-demo.sqlite}"

if [ ! -s "$db" ]; then
    "$bin" demo --db "$db"
fi

first=$(TZ=Asia/Tokyo date +%Y-%m-01)
next=$(TZ=Asia/Tokyo date -d "$first +1 month" +%Y-%m-01)
"$bin" kpi --db "$db" --from "$first" --to "$next" --by rep \
    --kpi calls,connects,valid_conversations,appointments,meetings,wins,connect_rate,appointment_rate,win_rate,won_amount,pipeline_amount
echo
echo "More: $bin kpi --db $db --from $first --to $next --by team|channel|week --format table|json|csv ; $bin catalog ; $bin --help"
