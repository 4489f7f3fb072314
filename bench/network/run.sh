#!/usr/bin/env sh
# Server time of the ecogram for a network of 50 members, with the raw SQL baseline of the same run.
# Run on purpose (not part of the test suite): bench/network/run.sh [members] [rounds]
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Dbench.data-dir=target/bench-pg -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.samenkracht.network.bench.EcogramBenchmark "${1:-50}" "${2:-300}" 2>&1 | grep -E '^(ecogram|render|server|baseline|ratio)'
