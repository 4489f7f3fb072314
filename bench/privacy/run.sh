#!/usr/bin/env bash
# Throughput of opening a person's file with auditing on and off, in the same run, against raw SQL.
# Run on purpose (not part of the test suite). Options: THREADS (default 4), SECONDS_PER_ROUND (default 5), ROUNDS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
# The JVM as production runs it (full tiered compilation, the default collector): the test suite's own
# flags (C1 only, serial GC: pom.xml, test.jit and test.jvm) would inflate the application's CPU per open.
./mvnw -q -B test -Dtest=PersonFileBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.threads="${THREADS:-4}" -Dbench.seconds="${SECONDS_PER_ROUND:-5}" -Dbench.rounds="${ROUNDS:-2}" \
  -Dtest.jvm=-Xmx1g -Dtest.jit=-XX:+TieredCompilation \
  | grep -E "files/s|RESULT"
uptime
