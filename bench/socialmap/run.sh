#!/usr/bin/env bash
# Social map benchmarks on a generated map (default 100k offers, 200 samples per measurement).
# Usage: [BENCH_OPTS=-Dbench.import-runs=1] bench/socialmap/run.sh [offers] [samples]
# Import only (no matching, no search): BENCH_OPTS='-Dbench.only=import -Dbench.import-runs=2' bench/socialmap/run.sh
# Starts the application context on its own embedded PostgreSQL under /tmp/socialmap-bench-pg
# (removed first, so every run starts from an empty database) and prints the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
DATA_DIR="${BENCH_DATA_DIR:-/tmp/socialmap-bench-pg}"
rm -rf "$DATA_DIR" "$DATA_DIR-audit-head"
java -Xmx2g -Dbench.data-dir="$DATA_DIR" ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.samenkracht.socialmap.bench.SocialMapBench "${1:-100000}" "${2:-200}"
