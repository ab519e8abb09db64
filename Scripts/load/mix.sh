#!/bin/bash
# The load mix of BENCHMARKS.md «Load»: signed-in reads of the main pages and the API as the center
# specialist, plus writes at a realistic share (work-log entries by a mentor, route steps by a tutor),
# at 16 and 64 connections, against BASE (one instance, or nginx in front of two).
# usage: Scripts/load/mix.sh BASE_URL [DURATION=15s] [WRITE_PERCENT=5]
set -euo pipefail
BASE=${1:?base url}; DUR=${2:-15s}; WP=${3:-5}
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
local mentor = "opora_session=$MS; opora_csrf=$MC"
local tutor = "opora_session=$TS; opora_csrf=$TC"
local n = 0
local id = tostring(math.random(1, 1000000000))
request = function()
  n = n + 1
  if (n % 100) < $WP then
    if n % 2 == 0 then
      return wrk.format("POST", "/support/log", {["Cookie"] = mentor, ["X-CSRF-Token"] = "$MC", ["Content-Type"] = "application/x-www-form-urlencoded"},
        "day=$TODAY&target=$TARGET&form=consultation&format=in_person&duration_min=45&topic=load+" .. id .. "+" .. n)
    else
      return wrk.format("POST", "/deficits/$TEACHER/steps", {["Cookie"] = tutor, ["X-CSRF-Token"] = "$TC", ["Content-Type"] = "application/x-www-form-urlencoded"},
        "title=load+step+" .. id .. "+" .. n .. "&kind=tutor_consultation")
    end
  end
  return wrk.format("GET", reads[(n % #reads) + 1], {["Cookie"] = center})
end
LUA
echo "# reads: $READS; writes: $WP % (POST /support/log as mentor, POST /deficits/…/steps as tutor)"
for p in / /schools /people /monitoring /monitoring/clusters /api/v1/schools /support /plans /deficits $SCHOOL; do
  code=$(curl -sk -o /dev/null -w "%{http_code}" -b "opora_session=$CS; opora_csrf=$CC" "$BASE$p"); [ "$code" = 200 ] || { echo "$p answered $code"; exit 1; }
done
wrk -t2 -c16 -d3s -s $W/mix.lua "$BASE" > /dev/null   # warm-up
for c in 16 64; do
  out=$(wrk -t2 -c$c -d$DUR --latency -s $W/mix.lua "$BASE")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errs=$(echo "$out" | awk '/Non-2xx/ {print $5}'); sock=$(echo "$out" | grep -o 'Socket errors.*' || true)
  echo "connections=$c requests/s=$rps p50=$p50 p99=$p99 non-2xx/3xx=${errs:-0} ${sock}"
done
rm -rf $W
