#!/bin/bash
# The signed-in mix of BENCHMARKS.md: a demo server, signed in as the center, wrk at 64 connections, beside /health.
# usage: Scripts/bench-mix.sh [BINARY] [PORT]   (build first: swift build -c release --scratch-path .build-release)
B=${1:-.build-release/release/opora}; P=${2:-8092}; D=/tmp/mix-data; rm -rf $D; mkdir -p $D
OPORA_DATA_DIR=$D $B serve --demo --port $P > /tmp/mix-serve.log 2>&1 &
SP=$!
for i in $(seq 1 60); do curl -s http://127.0.0.1:$P/health >/dev/null && break; sleep 0.5; done
J=/tmp/mix-cj; rm -f $J
curl -s -c $J -b $J http://127.0.0.1:$P/login > /tmp/login.html
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' /tmp/login.html | head -1 | sed 's/.*value="//;s/"//')
curl -s -c $J -b $J -o /dev/null -X POST --data-urlencode "login=center" --data-urlencode "password=opora-demo-2025" --data-urlencode "_csrf=$CSRF" http://127.0.0.1:$P/login
SESS=$(grep opora_session $J | awk '{print $7}'); CS=$(grep opora_csrf $J | awk '{print $7}')
cat > /tmp/mix.lua <<LUA
local paths = {"/", "/schools", "/people", "/monitoring", "/monitoring/clusters", "/api/v1/schools"}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1], {["Cookie"] = "opora_session=$SESS; opora_csrf=$CS"}) end
LUA
for p in / /schools /people /monitoring /monitoring/clusters /api/v1/schools; do curl -s -o /dev/null -w "$p %{http_code} %{size_download}\n" -b "opora_session=$SESS; opora_csrf=$CS" http://127.0.0.1:$P$p; done
wrk -t2 -c64 -d5s -s /tmp/mix.lua http://127.0.0.1:$P > /dev/null  # warm-up
for r in 1 2; do
echo "== mix run $r"; wrk -t2 -c64 -d10s --latency -s /tmp/mix.lua http://127.0.0.1:$P | grep -E "Requests/sec|50%|99%|Non-2xx"
echo "== health run $r"; wrk -t2 -c64 -d10s --latency http://127.0.0.1:$P/health | grep -E "Requests/sec|50%|99%"
done
kill $SP
