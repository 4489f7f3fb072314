#!/usr/bin/env bash
# Suggesting volunteers for a buddy request among 20 000 volunteers: BuddyMatching.suggest (SQL candidates
# by the policy's weights + the policy's check and reasons) against the raw SQL of the same query, in the
# same run. Run on purpose (not part of the test suite). Usage: bench/community/run.sh [iterations] [volunteers]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.dataDir="${BENCH_DATA_DIR:-/tmp/community-bench-pg}" \
  org.samenkracht.community.bench.CommunityBenchmark "${1:-300}" "${2:-20000}"
echo "uptime: $(uptime)"
