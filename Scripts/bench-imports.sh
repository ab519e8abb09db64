#!/bin/bash
# The import figures of BENCHMARKS.md: the product's `opora import` beside `sqlite3 .import` of the same file, one run.
# Build first: swift build -c release --scratch-path .build-release
B=${B:-.build-release/release/opora}; BB=${BB:-.build-release/release/opora-bench}; D=${D:-/tmp/ob-run}; rm -rf $D; mkdir -p $D; export OPORA_DATA_DIR=$D
$BB bench --prepare-only > /dev/null
t() { echo "$1: $( { /usr/bin/time -f "%e s %M KB" "${@:2}" > /dev/null; } 2>&1 | tail -1)"; }
uptime
rm -f /tmp/bare.db; t "sqlite3 .import vpr" sqlite3 /tmp/bare.db ".mode csv" ".separator ;" ".import $D/bench-vpr.csv vpr"
t "opora import schools" $B import schools $D/bench-schools.csv --municipality bench0000
t "opora import vpr (new rows)" $B import vpr $D/bench-vpr.csv
t "opora import ege" $B import ege $D/bench-ege.csv
t "opora import vpr (replacing)" $B import vpr $D/bench-vpr.csv
t "opora import schools (again: updates)" $B import schools $D/bench-schools.csv --municipality bench0000
rm -f /tmp/bare.db; t "sqlite3 .import vpr" sqlite3 /tmp/bare.db ".mode csv" ".separator ;" ".import $D/bench-vpr.csv vpr"
uptime
