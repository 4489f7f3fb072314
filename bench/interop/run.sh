#!/usr/bin/env bash
# FHIR export of N persons' bundles against the page-shaped reads of the same persons, in the same run,
# on a synthetic municipality in its own data folder (target/bench-interop-pg; generated on the first run).
# Run on purpose (not part of the test suite). Options: PERSONS (default 10000), THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
./mvnw -q -B -o test -Dtest=FhirExportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.persons="${PERSONS:-10000}" -Dbench.threads="${THREADS:-2}" \
  -Dtest.jvm=-Xmx1500m -Dtest.jit=-XX:+TieredCompilation \
  | grep --line-buffered -E "RESULT"
uptime
