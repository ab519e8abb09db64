#!/bin/bash
# Grows the demo database into a large municipality through the product's own imports.
# usage: Scripts/load/grow.sh BINARY   with OPORA_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL) set to an EMPTY database.
set -euo pipefail
B=${1:-.build-release/release/opora}
F=${GROW_FILES:-/tmp/opora-grow}
python3 "$(dirname "$0")/grow.py" "$F"
$B migrate > /dev/null
$B demo > /dev/null
t() { local s=$(date +%s.%N); "$@" > /tmp/grow-step.log 2>&1 || { cat /tmp/grow-step.log; exit 1; }; printf "  %-28s %6.1f s\n" "$2 $3" "$(echo "$(date +%s.%N) - $s" | bc)"; }
t $B import schools "$F/schools.csv" --municipality armavir
t $B import staff "$F/staff.csv" --municipality armavir
t $B import vpr "$F/vpr.csv" --municipality armavir
t $B import ege "$F/ege.csv" --municipality armavir
t $B import assignments "$F/assignments.csv" --municipality armavir
t $B import interactions "$F/interactions.csv" --municipality armavir
t $B import deficits "$F/deficits.csv" --municipality armavir
t $B import route_steps "$F/route_steps.csv" --municipality armavir
t $B import plan "$F/plan.csv" --municipality armavir --owner municipality --kind mentoring_center_plan --year 2026 --title "План работы МНЦ на 2026 год (нагрузочный)"
