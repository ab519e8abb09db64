#!/bin/bash
# The load mix of BENCHMARKS.md «Load»: signed-in reads of the main pages and the API as the center
# specialist at 16 and 64 connections (wrk), while writes arrive at a steady realistic rate beside
# them (work-log entries by a mentor and route steps by a tutor, WRITES_PER_S, default 1 — 28,800 entries in an 8-hour day, far more than a large
# municipality makes), against BASE (one instance, or nginx).
# usage: Scripts/load/mix.sh BASE_URL [DURATION=15s] [WRITES_PER_S=4]
set -euo pipefail
BASE=${1:?base url}; DUR=${2:-15s}; WPS=${3:-1}
W=$(mktemp -d /tmp/opora-mix.XXXXXX)
signin() { # login → "session csrf"
  local j=$W/$1.jar
  curl -sk -c $j -b $j "$BASE/login" > $W/login.html
  local t=$(grep -o 'name="_csrf" value="[^"]*"' $W/login.html | head -1 | sed 's/.*value="//;s/"//')
  curl -sk -c $j -b $j -o /dev/null -X POST --data-urlencode "login=$1" --data-urlencode "password=opora-demo-2025" --data-urlencode "_csrf=$t" "$BASE/login"
  echo "$(grep opora_session $j | awk '{print $7}') $(grep opora_csrf $j | awk '{print $7}')"
}
read CS CC <<< "$(signin center)"; read MS MC <<< "$(signin mentor)"; read TS TC <<< "$(signin tutor)"
[ -n "$CS" ] && [ -n "$MS" ] && [ -n "$TS" ] || { echo "sign-in failed"; exit 1; }
TARGET=$(curl -sk -b "opora_session=$MS; opora_csrf=$MC" "$BASE/support/log" | grep -o 'value="school:[0-9A-Fa-f-]*"' | head -1 | sed 's/value="//;s/"//')
TEACHER=$(curl -sk -b "opora_session=$TS; opora_csrf=$TC" "$BASE/deficits" | grep -o '/deficits/[0-9A-Fa-f-]\{36\}' | head -1 | sed 's#/deficits/##')
SCHOOL=$(curl -sk -b "opora_session=$CS; opora_csrf=$CC" "$BASE/schools" | grep -o '/schools/[0-9A-Fa-f-]\{36\}' | head -1)
[ -n "$TARGET" ] && [ -n "$TEACHER" ] && [ -n "$SCHOOL" ] || { echo "no write targets (target=$TARGET teacher=$TEACHER school=$SCHOOL)"; exit 1; }
TODAY=$(date +%Y-%m-%d)
READS='"/", "/schools", "/people", "/monitoring", "/monitoring/clusters", "/api/v1/schools", "/support", "/plans", "/deficits", "'$SCHOOL'"'
cat > $W/mix.lua <<LUA
local reads = {$READS}
local center = "opora_session=$CS; opora_csrf=$CC"
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", reads[(n % #reads) + 1], {["Cookie"] = center})
end
LUA
echo "# reads: $READS; writes: $WPS per second beside them (POST /support/log as mentor, POST /deficits/…/steps as tutor)"
writer() { # until killed: one write every 1/WPS s, alternating; writes "ok refused" to $W/writes
  local ok=0 bad=0 i=0 code
  trap 'echo "$ok $bad" > $W/writes; exit 0' TERM
  while true; do
    i=$((i + 1))
    if [ $((i % 2)) = 0 ]; then
      code=$(curl -sk -o /dev/null -w '%{http_code}' -b "opora_session=$MS; opora_csrf=$MC" -H "X-CSRF-Token: $MC" \
        --data "day=$TODAY&target=$TARGET&form=consultation&format=in_person&duration_min=45&topic=load+$$+$i" "$BASE/support/log" || echo 000)
    else
      code=$(curl -sk -o /dev/null -w '%{http_code}' -b "opora_session=$TS; opora_csrf=$TC" -H "X-CSRF-Token: $TC" \
        --data "title=load+step+$$+$i&kind=tutor_consultation" "$BASE/deficits/$TEACHER/steps" || echo 000)
    fi
    case $code in 2*|3*) ok=$((ok + 1));; *) bad=$((bad + 1));; esac
    sleep $(echo "scale=3; 1 / $WPS" | bc) &
    wait $!
  done
}
for p in / /schools /people /monitoring /monitoring/clusters /api/v1/schools /support /plans /deficits $SCHOOL; do
  code=$(curl -sk -o /dev/null -w "%{http_code}" -b "opora_session=$CS; opora_csrf=$CC" "$BASE$p"); [ "$code" = 200 ] || { echo "$p answered $code"; exit 1; }
done
wrk -t2 -c16 -d3s -s $W/mix.lua "$BASE" > /dev/null   # warm-up
for c in 16 64; do
  writer & WPID=$!
  out=$(wrk -t2 -c$c -d$DUR --latency -s $W/mix.lua "$BASE")
  kill -TERM $WPID; wait $WPID 2>/dev/null || true; read WOK WBAD < $W/writes
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errs=$(echo "$out" | awk '/Non-2xx/ {print $5}'); sock=$(echo "$out" | grep -o 'Socket errors.*' || true)
  echo "connections=$c reads/s=$rps p50=$p50 p99=$p99 non-2xx/3xx=${errs:-0} ${sock} | writes acknowledged=$WOK refused=$WBAD"
done
rm -rf $W
