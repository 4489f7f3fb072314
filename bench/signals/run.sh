#!/usr/bin/env bash
# The triage queue page (GET /signals, signed in) with 10 000 open signals in 50 teams vs the raw SQL of
# the same page, in the same run. Run on purpose (not part of the test suite). Usage: bench/signals/run.sh [open] [samples]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "load before: $(uptime)"
java -Xmx1g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.data-dir="${BENCH_DATA_DIR:-/tmp/signals-bench-pg}" \
  org.samenkracht.signals.bench.SignalQueueBench "${1:-10000}" "${2:-300}"
echo "load after: $(uptime)"
