#!/bin/bash
# Kill -9 faults (issue 12, «Сбои — ничего не теряется»): the process is killed in the middle of work
# and, after a restart, the SQLite file is intact, an import is there in full or not at all, and
# every write the server acknowledged is present.
#   (a1) `opora import vpr` (CLI) killed at several fractions of its measured time;
#   (a2) the server killed while a web upload's background import runs;
#   (b)  the server killed during a stream of work-log form posts.
# Exit code 0 only when every check holds. Usage: Scripts/fault-kill.sh   (env: BIN, SCHOOLS, YEARS, KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/opora}
SCHOOLS=${SCHOOLS:-4000}; YEARS=${YEARS:-10}
[ -x "$BIN" ] || swift build --product opora > /tmp/fault-kill-build.log 2>&1 || { tail -20 /tmp/fault-kill-build.log; exit 1; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

D=$(mktemp -d /tmp/fault-kill.XXXXXX); export OPORA_DATA_DIR=$D
DB=$D/opora.sqlite; SERVER_PID=""; FAILED=0
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
cleanup() { [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true; [ "${KEEP:-}" = 1 ] && echo "kept $D" || rm -rf "$D"; }
trap cleanup EXIT
say() { echo "[fault-kill] $*"; }
check() { if eval "$2"; then say "OK   $1"; else say "FAIL $1"; FAILED=1; fi; }
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }
now() { date +%s.%N; }

start_server() {  # $1: extra args
    "$BIN" serve --hostname 127.0.0.1 --port "$PORT" ${1:-} >> "$D/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        curl -fs "$URL/health" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$D/server.log"; exit 1; }
        sleep 0.1
    done
    say "server did not answer /health"; exit 1
}
kill_server() { kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
integrity() { check "integrity_check after $1" '[ "$(q "PRAGMA integrity_check")" = ok ]'; }
vpr_rows() { q "SELECT count(*) FROM vpr_results WHERE year BETWEEN $1 AND $(( $1 + YEARS - 1 ))"; }

say "data directory $D, port $PORT, binary $BIN"
start_server --demo
MUNI=$(q "SELECT code FROM municipalities WHERE code='armavir'"); [ "$MUNI" = armavir ]

# ---- (a1) the CLI import, killed -------------------------------------------------------------
gen() { python3 Scripts/fault-gen.py "$D" armavir "$SCHOOLS" "$YEARS" "$1"; }
N=$(gen 2030)
"$BIN" import schools "$D/fk-schools.csv" --municipality armavir > "$D/import-schools.log" 2>&1
t0=$(now); "$BIN" import vpr "$D/fk-vpr.csv" --municipality armavir > "$D/import-full.log" 2>&1; t1=$(now)
T=$(python3 -c "print(round($t1 - $t0, 2))")
check "full CLI import of $N rows in ${T} s writes all of them" '[ "$(vpr_rows 2030)" = "$N" ]'
year=2040
for frac in 0.3 0.5 0.7 0.9; do
    gen $year > /dev/null
    "$BIN" import vpr "$D/fk-vpr.csv" --municipality armavir > "$D/import-kill-$year.log" 2>&1 &
    pid=$!
    sleep "$(python3 -c "print($T * $frac)")"
    if kill -9 $pid 2>/dev/null; then killed=killed; else killed="already finished: $(tail -1 "$D/import-kill-$year.log")"; fi
    wait $pid 2>/dev/null || true
    n=$(vpr_rows $year)
    say "CLI import ($year…) kill -9 at ${frac}×${T} s ($killed): $n of $N rows"
    check "CLI import killed at $frac: 0 or $N rows (got $n)" '[ "$n" = 0 ] || [ "$n" = "$N" ]'
    check "earlier import intact after kill at $frac" '[ "$(vpr_rows 2030)" = "$N" ]'
    integrity "CLI kill at $frac"
    year=$(( year + YEARS ))
done
STALE=$(q "SELECT count(*) FROM import_jobs WHERE status='running'")
say "import jobs left «running» by the killed CLI runs: $STALE"

# ---- (a2) the server killed during a web upload's background import ----------------------------
login() {  # $1 login, $2 cookie jar
    curl -s -c "$2" -b "$2" -o /dev/null "$URL/login"
    local csrf; csrf=$(awk '$6=="opora_csrf"{print $7}' "$2")
    curl -s -c "$2" -b "$2" -o /dev/null -w '%{http_code}' --data-urlencode "login=$1" --data-urlencode "password=opora-demo-2025" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "next=/" "$URL/login"
}
csrf_of() { awk '$6=="opora_csrf"{print $7}' "$1"; }
UO=$D/center.jar
check "center signs in" '[ "$(login center "$UO")" = 303 ]'
gen $year > /dev/null
code=$(curl -s -b "$UO" -o "$D/upload.html" -w '%{http_code}' -H "X-CSRF-Token: $(csrf_of "$UO")" \
    -F kind=vpr -F "file=@$D/fk-vpr.csv;type=text/csv" "$URL/monitoring/imports")
say "web upload of $N rows answered $code"
check "web upload accepted (303 to the job page)" '[ "$code" = 303 ]'
sleep "$(python3 -c "print($T * 0.4)")"
RUNNING=$(q "SELECT count(*) FROM import_jobs WHERE status='running' AND kind LIKE '%vpr%' AND user_login='center'")
kill_server
n=$(vpr_rows $year)
say "server kill -9 during the background import (jobs running at the kill: $RUNNING): $n of $N rows"
check "server-side import killed: 0 or $N rows (got $n)" '[ "$n" = 0 ] || [ "$n" = "$N" ]'
integrity "server kill during the upload"
start_server
check "server back after the kill" 'curl -fs "$URL/health" > /dev/null'
check "rows still 0 or $N after restart" '[ "$(vpr_rows $year)" = 0 ] || [ "$(vpr_rows $year)" = "$N" ]'

# ---- (b) a stream of acknowledged form posts, then kill -9 -------------------------------------
TU=$D/tutor.jar
check "tutor signs in" '[ "$(login tutor "$TU")" = 303 ]'
TARGET=$(curl -s -b "$TU" "$URL/support/log" | grep -oE 'value="(teacher|school):[0-9A-Fa-f-]{36}"' | head -1 | cut -d'"' -f2 || true)
[ -n "$TARGET" ] || { say "no work-log target for tutor"; exit 1; }
DAY=$(date +%Y-%m-%d); CSRF=$(csrf_of "$TU"); RUN=$(date +%s%N | tail -c 9)
ACK=$D/acked.txt; : > "$ACK"
(
    i=0
    while [ $i -lt 100000 ]; do
        i=$((i + 1))
        c=$(curl -s -b "$TU" -o /dev/null -w '%{http_code}' --max-time 20 -H "X-CSRF-Token: $CSRF" \
            --data-urlencode "target=$TARGET" --data-urlencode "day=$DAY" --data-urlencode "duration_min=15" \
            --data-urlencode "form=consultation" --data-urlencode "format=remote" --data-urlencode "topic=fk-$RUN-$i" \
            "$URL/support/log" || true)
        case "$c" in 2*|303) echo "fk-$RUN-$i" >> "$ACK" ;; 000) exit 0 ;; *) echo "unexpected $c" >> "$D/stream-errors.txt" ;; esac
    done
) &
STREAM=$!
sleep 4
kill_server
wait $STREAM || true
ACKED=$(wc -l < "$ACK")
start_server
PRESENT=$(q "SELECT count(*) FROM interactions WHERE topic LIKE 'fk-$RUN-%'")
MISSING=0
while read -r t; do
    [ "$(q "SELECT count(*) FROM interactions WHERE topic='$t'")" = 1 ] || { MISSING=$((MISSING + 1)); say "missing acknowledged write $t"; }
done < "$ACK"
say "form stream: $ACKED writes acknowledged before kill -9, $PRESENT present after restart, $MISSING acknowledged missing"
check "form stream produced writes" '[ "$ACKED" -gt 0 ]'
check "every acknowledged write present ($PRESENT ≥ $ACKED, none missing)" '[ "$PRESENT" -ge "$ACKED" ] && [ "$MISSING" = 0 ]'
check "no unexpected statuses in the stream" '[ ! -s "$D/stream-errors.txt" ]'
integrity "server kill during the form stream"
kill_server

say "summary: import $N rows, CLI full run ${T} s; kills: CLI ×4, server during upload, server during $ACKED form posts; stale running jobs: $(q "SELECT count(*) FROM import_jobs WHERE status='running'")"
if [ $FAILED = 0 ]; then say "ALL CHECKS PASSED"; else say "SOME CHECKS FAILED"; fi
exit $FAILED
