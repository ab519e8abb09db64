#!/bin/bash
# The load figures of BENCHMARKS.md «Load»: a large municipality (Scripts/load/grow.sh), the mix of
# Scripts/load/mix.sh at 16 and 64 connections — on SQLite; on PostgreSQL; and on two instances over
# one PostgreSQL behind nginx with the shipped config (deploy/nginx/opora.conf, TLS with a throwaway
# self-signed certificate). Loopback only; takes about 10 minutes. Needs wrk, nginx, PostgreSQL 15+
# (apt-get install wrk nginx postgresql) and a release build:
#   swift build -c release --scratch-path .build-release
# usage: Scripts/load/run.sh [sqlite|postgres|nginx|all] [DURATION=15s]
set -euo pipefail
cd "$(dirname "$0")/../.."
WHAT=${1:-all}; DUR=${2:-15s}
B=${OPORA_BIN:-$PWD/.build-release/release/opora}
[ -x "$B" ] || { echo "no release build at $B"; exit 1; }
T=$(mktemp -d /tmp/opora-load.XXXXXX); chmod 755 $T
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill $p 2>/dev/null || true; done
  [ -f $T/nginx.pid ] && kill $(cat $T/nginx.pid) 2>/dev/null || true
  [ -n "${PGBIN:-}" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $T/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf $T
}
trap cleanup EXIT
free_port() { local p=$1; while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
wait_up() { for i in $(seq 1 120); do curl -sk "$1/health" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }
serve() { # port cpu → pid ; env from caller
  taskset -c $2 $B serve --port $1 > $T/serve-$1.log 2>&1 & PIDS+=($!); wait_up http://127.0.0.1:$1
}
uptime
if [ "$WHAT" = sqlite ] || [ "$WHAT" = all ]; then
  echo "== SQLite: growing the database"; export OPORA_DATA_DIR=$T/sqlite; mkdir -p $OPORA_DATA_DIR
  Scripts/load/grow.sh $B
  P=$(free_port 18300); taskset -c 0,1 $B serve --port $P > $T/serve-sqlite.log 2>&1 & SP=$!; PIDS+=($SP); wait_up http://127.0.0.1:$P
  echo "== SQLite, one instance"; Scripts/load/mix.sh http://127.0.0.1:$P $DUR
  echo "== /health beside it"; wrk -t2 -c64 -d10s http://127.0.0.1:$P/health | grep Requests/sec
  grep -c ' 5[0-9][0-9] ' $T/serve-sqlite.log | sed 's/^/5xx lines in the log: /' || true
  kill $SP; unset OPORA_DATA_DIR
fi
if [ "$WHAT" != sqlite ]; then
  PGBIN=""; for v in 17 16 15; do [ -x /usr/lib/postgresql/$v/bin/postgres ] && { PGBIN=/usr/lib/postgresql/$v/bin; break; }; done
  [ -n "$PGBIN" ] || { echo "PostgreSQL is not installed"; exit 1; }
  PGPORT=$(free_port 55500); mkdir -p $T/pg; chown postgres:postgres $T/pg
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $T/pg -A trust -U postgres >/dev/null"
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $T/pg -o '-c listen_addresses=127.0.0.1 -c max_connections=300 -p $PGPORT -k $T/pg' -l $T/pg/log -w start" >/dev/null
  su postgres -s /bin/sh -c "$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -c 'CREATE DATABASE opora'" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/opora?sslmode=disable"
  echo "== PostgreSQL: growing the database"; Scripts/load/grow.sh $B
  A=$(free_port 18310); serve $A 0
  if [ "$WHAT" = postgres ] || [ "$WHAT" = all ]; then
    echo "== PostgreSQL, one instance (pinned to CPU 0), direct"; Scripts/load/mix.sh http://127.0.0.1:$A $DUR
  fi
  if [ "$WHAT" = nginx ] || [ "$WHAT" = all ]; then
    Bp=$(free_port $((A + 1))); serve $Bp 1
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" -keyout $T/key.pem -out $T/cert.pem 2>/dev/null
    H=$(free_port 18443); R=$(free_port 18080)
    # The shipped server block with this run's ports and certificate.
    sed -e "s#127.0.0.1:8081#127.0.0.1:$A#; s#127.0.0.1:8082#127.0.0.1:$Bp#" \
        -e "s#listen 443#listen 127.0.0.1:$H#; s#listen \[::\]:443[^;]*;##; s#listen 80#listen 127.0.0.1:$R#; s#listen \[::\]:80[^;]*;##" \
        -e "s#ssl_certificate .*;#ssl_certificate $T/cert.pem;#; s#ssl_certificate_key .*;#ssl_certificate_key $T/key.pem;#" \
        -e "s#/etc/letsencrypt[^;]*;#$T/cert.pem;#" deploy/nginx/opora.conf > $T/opora-site.conf
    cat > $T/nginx.conf <<NGX
worker_processes auto; pid $T/nginx.pid; error_log $T/nginx-error.log;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $T/nb; proxy_temp_path $T/np; include /etc/nginx/mime.types; include $T/opora-site.conf; }
NGX
    nginx -t -c $T/nginx.conf -q && nginx -c $T/nginx.conf
    for i in $(seq 1 20); do curl -sk https://127.0.0.1:$H/health > /dev/null && break; sleep 0.3; done
    echo "== a change through one instance seen through the other at once"
    Scripts/load/cross.sh http://127.0.0.1:$A http://127.0.0.1:$Bp
    echo "== PostgreSQL, nginx (TLS) → one instance (CPU 0)"
    sed "s#^\(\s*server 127.0.0.1:$Bp\)#\1 down#" $T/opora-site.conf > $T/one.conf && cp $T/opora-site.conf $T/two.conf
    cp $T/one.conf $T/opora-site.conf; nginx -c $T/nginx.conf -s reload; sleep 1
    Scripts/load/mix.sh https://127.0.0.1:$H $DUR
    echo "== PostgreSQL, nginx (TLS) → two instances (CPU 0 and CPU 1)"
    cp $T/two.conf $T/opora-site.conf; nginx -c $T/nginx.conf -s reload; sleep 1
    Scripts/load/mix.sh https://127.0.0.1:$H $DUR
  fi
fi
uptime
