#!/bin/bash
# PostgreSQL going away and coming back under a running server (issue 12): a loopback cluster in
# /tmp (as .ci/run makes it), `opora serve` on it, a stream of /health probes and work-log posts;
# the cluster is stopped for DOWN seconds and started again. Checks: requests while it is down get
# 503 with the Russian message (no hang, no 500), the server recovers without a restart, every
# acknowledged post is present. Usage: Scripts/fault-pg.sh   (env: BIN, DOWN=6)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/opora}; DOWN=${DOWN:-6}
[ -x "$BIN" ] || swift build --product opora > /tmp/fault-pg-build.log 2>&1 || { tail -20 /tmp/fault-pg-build.log; exit 1; }
PGBIN=""
for v in 17 16 15 14 13; do [ -x "/usr/lib/postgresql/$v/bin/postgres" ] && { PGBIN=/usr/lib/postgresql/$v/bin; break; }; done
[ -n "$PGBIN" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql)"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
W=$(mktemp -d /tmp/fault-pg.XXXXXX); PGDATA=$W/pg; PGPORT=$(free_port); PORT=$(free_port); URL=http://127.0.0.1:$PORT
chmod 755 "$W"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
pg() { su postgres -s /bin/sh -c "$*"; }
SERVER_PID=""; FAILED=0
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; pg "$PGBIN/pg_ctl -D $PGDATA -m immediate stop" >/dev/null 2>&1 || true; [ "${KEEP:-}" = 1 ] && echo "kept $W" || rm -rf "$W"; }
trap cleanup EXIT
say() { echo "[fault-pg] $*"; }
check() { if eval "$2"; then say "OK   $1"; else say "FAIL $1"; FAILED=1; fi; }
pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres" > /dev/null
pg_start() { pg "$PGBIN/pg_ctl -D $PGDATA -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA' -l $PGDATA/log -w start" > /dev/null; }
pg_start
pg "$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -qc 'CREATE DATABASE opora'"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/opora?sslmode=disable" OPORA_DATA_DIR=$W/data
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" --demo > "$W/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 900); do curl -fs "$URL/health" > /dev/null 2>&1 && break; kill -0 $SERVER_PID || { tail "$W/server.log"; exit 1; }; sleep 0.2; done

J=$W/tutor.jar
curl -s -c "$J" -b "$J" -o /dev/null "$URL/login"
CSRF=$(awk '$6=="opora_csrf"{print $7}' "$J")
code=$(curl -s -c "$J" -b "$J" -o /dev/null -w '%{http_code}' --data-urlencode login=tutor --data-urlencode password=opora-demo-2025 \
    --data-urlencode "_csrf=$CSRF" "$URL/login")
check "tutor signs in" '[ "$code" = 303 ]'
TARGET=$(curl -s -b "$J" "$URL/support/log" | grep -oE 'value="(teacher|school):[0-9A-Fa-f-]{36}"' | head -1 | cut -d'"' -f2 || true)
DAY=$(date +%Y-%m-%d); RUN=$(date +%s%N | tail -c 9)
post() {  # $1 marker → "status seconds"
    curl -s -b "$J" -o "$W/last-post.html" -w '%{http_code} %{time_total}\n' --max-time 30 -H "X-CSRF-Token: $CSRF" \
        --data-urlencode "target=$TARGET" --data-urlencode "day=$DAY" --data-urlencode duration_min=15 --data-urlencode form=consultation \
        --data-urlencode format=remote --data-urlencode "topic=$1" "$URL/support/log" || echo "000 0"
}
LOG=$W/stream.txt; : > "$LOG"
phase=up; i=0
stream_for() {  # $1 seconds, records "phase kind status time"
    local end=$(( $(date +%s) + $1 ))
    while [ "$(date +%s)" -lt $end ]; do
        i=$((i + 1))
        read -r c t < <(post "pg-$RUN-$i"); echo "$phase post $c $t pg-$RUN-$i" >> "$LOG"
        if [ "$phase" = down ] && [ "$c" = 503 ]; then cp "$W/last-post.html" "$W/down-post.html"; fi
        h=$(curl -s -o "$W/health.json" -w '%{http_code}' --max-time 30 "$URL/health" || echo 000); echo "$phase health $h" >> "$LOG"
        sleep 0.2
    done
}
stream_for 2
pg "$PGBIN/pg_ctl -D $PGDATA -m fast stop" > /dev/null; say "PostgreSQL stopped"
phase=down; stream_for "$DOWN"
cp "$W/health.json" "$W/down-health.json" 2>/dev/null || true
pg_start; say "PostgreSQL started again"; T_UP=$(date +%s.%N)
phase=back
FIRST_OK=""
for _ in $(seq 1 100); do
    i=$((i + 1)); read -r c t < <(post "pg-$RUN-$i"); echo "$phase post $c $t pg-$RUN-$i" >> "$LOG"
    if [ "$c" = 303 ]; then FIRST_OK=$(python3 -c "print(round($(date +%s.%N) - $T_UP, 2))"); break; fi
    sleep 0.2
done
stream_for 2

count() { grep -c "^$1 $2 $3" "$LOG" || true; }
say "while up:   posts 303: $(count up post 303), others: $(( $(grep -c '^up post' "$LOG") - $(count up post 303) ))"
say "while down: posts $(grep -c '^down post' "$LOG"): 503: $(count down post 503), 500: $(count down post 500); /health 503: $(count down health 503) of $(grep -c '^down health' "$LOG")"
say "slowest post while down: $(grep '^down post' "$LOG" | awk '{print $4}' | sort -n | tail -1) s"
say "after restart: first acknowledged post $FIRST_OK s after pg_ctl start; then posts 303: $(count back post 303), others: $(( $(grep -c '^back post' "$LOG") - $(count back post 303) ))"
check "posts while down are 503 (none 500, none acknowledged)" '[ "$(grep "^down post" "$LOG" | grep -vc " 503 ")" = 0 ] && [ "$(grep -c "^down post" "$LOG")" -gt 0 ]'
check "the 503 page says the database is unavailable, nothing saved" 'grep -q "База данных временно недоступна" "$W/down-post.html" && grep -q "Изменения не сохранены" "$W/down-post.html"'
check "/health is 503 while down" '[ "$(count down health 503)" -gt 0 ] && [ "$(grep "^down health" "$LOG" | grep -vc " 503")" = 0 ]'
check "recovered without restart" '[ -n "$FIRST_OK" ] && [ "$(grep "^back health" "$LOG" | tail -1)" = "back health 200" ]'
check "error log names the cause" 'grep -q "database fault: database unreachable" "$W/server.log"'
ACKED=$(grep ' post 303 ' "$LOG" | awk '{print $5}')
MISSING=0
for m in $ACKED; do
    n=$(pg "$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -d opora -tAc \"SELECT count(*) FROM interactions WHERE topic='$m'\"")
    [ "$n" = 1 ] || MISSING=$((MISSING + 1))
done
say "acknowledged posts: $(echo "$ACKED" | wc -w), missing: $MISSING; log lines: $(grep -c 'database fault' "$W/server.log")"
check "every acknowledged post present" '[ "$MISSING" = 0 ]'
grep 'database fault' "$W/server.log" | sed 's/^.*database fault/  log: database fault/; s/ \[request-id.*//' | sort | uniq -c | head -5
[ $FAILED = 0 ] && say "ALL CHECKS PASSED" || say "SOME CHECKS FAILED"
exit $FAILED
