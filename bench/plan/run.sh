#!/usr/bin/env bash
# Opening a plan of 10 goals, 40 steps and 5 versions through the plan API vs raw SQL, and PDF
# rendering. Run on purpose (not part of the test suite); short by default. Usage: bench/plan/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.dataDir="${BENCH_DATA_DIR:-/tmp/plan-bench-pg}" \
  org.samenkracht.plan.bench.PlanBenchmark "${1:-10}"
