#!/usr/bin/env bash
# Logbook Dutch full-text search for one team: 100k persons, 1M entries, app path vs raw SQL.
# Own embedded PostgreSQL in /tmp/dialogue-bench-pg (generated on the first run, a few minutes;
# reused after). Result in target/bench/dialogue-logbook-search.txt. Remove the dir to regenerate.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test -Dtest=LogbookSearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest.jit=-XX:+TieredCompilation
cat target/bench/dialogue-logbook-search.txt
