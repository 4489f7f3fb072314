#!/usr/bin/env bash
# The policy maker's dashboard over 100 000 people: refresh of the aggregates, the page and the API over HTTP, against
# the raw aggregate SQL over the modules' tables, in the same run. Run on purpose (not part of the test suite).
# Usage: bench/insights/run.sh [persons=100000] [rounds=40]. The generated data stay in BENCH_DATA_DIR for the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
uptime
java -Xmx1g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.dataDir="${BENCH_DATA_DIR:-/tmp/insights-bench-pg}" \
  org.samenkracht.insights.bench.InsightsBenchmark "${1:-100000}" "${2:-40}"
uptime
