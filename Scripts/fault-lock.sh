#!/bin/bash
# A locked SQLite database under a running server (issue 12): another process (the sqlite3 CLI)
# holds the write lock longer than the busy timeout (OPORA_SQLITE_BUSY_TIMEOUT_MS, 2 s here);
# a form post gets 503 «База данных занята…», reads go on (WAL), and after the lock is released
# the same post is acknowledged — no restart. Usage: Scripts/fault-lock.sh   (env: BIN)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/opora}
[ -x "$BIN" ] || swift build --product opora > /tmp/fault-lock-build.log 2>&1
D=$(mktemp -d /tmp/fault-lock.XXXXXX); export OPORA_DATA_DIR=$D OPORA_SQLITE_BUSY_TIMEOUT_MS=2000
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'); URL=http://127.0.0.1:$PORT
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" --demo > "$D/server.log" 2>&1 & SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$D"' EXIT
for _ in $(seq 1 600); do curl -fs "$URL/health" > /dev/null 2>&1 && break; sleep 0.1; done
FAILED=0; check() { if eval "$2"; then echo "[fault-lock] OK   $1"; else echo "[fault-lock] FAIL $1"; FAILED=1; fi; }
J=$D/j; curl -s -c $J -b $J -o /dev/null "$URL/login"; CSRF=$(awk '$6=="opora_csrf"{print $7}' $J)
curl -s -c $J -b $J -o /dev/null --data-urlencode login=tutor --data-urlencode password=opora-demo-2025 --data-urlencode "_csrf=$CSRF" "$URL/login"
TARGET=$(curl -s -b $J "$URL/support/log" | grep -oE 'value="(teacher|school):[0-9A-Fa-f-]{36}"' | head -1 | cut -d'"' -f2 || true)
post() { curl -s -b $J -o "$D/post.html" -w '%{http_code} %{time_total}' -H "X-CSRF-Token: $CSRF" --data-urlencode "target=$TARGET" \
    --data-urlencode "day=$(date +%Y-%m-%d)" --data-urlencode duration_min=15 --data-urlencode form=consultation --data-urlencode format=remote \
    --data-urlencode "topic=$1" "$URL/support/log"; }
( echo "BEGIN IMMEDIATE; INSERT INTO regions(id, code, name) VALUES ('lock', 'lock', 'lock');"; sleep 6; echo "ROLLBACK;" ) | sqlite3 "$D/opora.sqlite" &
LOCK=$!; sleep 0.5
r=$(post lock-1); echo "[fault-lock] post while locked: $r (status, seconds)"
check "post while locked is 503 with «База данных занята»" '[ "${r%% *}" = 503 ] && grep -q "База данных занята" "$D/post.html"'
g=$(curl -s -b $J -o /dev/null -w '%{http_code}' "$URL/support/log"); check "a read while locked is 200 (WAL)" '[ "$g" = 200 ]'
wait $LOCK
r=$(post lock-1); echo "[fault-lock] same post after release: $r"
check "same post acknowledged after release" '[ "${r%% *}" = 303 ]'
check "one row written" '[ "$(sqlite3 "$D/opora.sqlite" "SELECT count(*) FROM interactions WHERE topic=\"lock-1\"")" = 1 ]'
grep -o 'database fault.*during [A-Z]* [^ ]*' "$D/server.log" | sed 's/^/[fault-lock] log: /'
exit $FAILED
