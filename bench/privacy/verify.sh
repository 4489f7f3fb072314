#!/usr/bin/env bash
# Time to seal and verify an audit log of ROWS entries (default 1 000 000) in a scratch database.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B test -Dtest=AuditVerifyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.auditRows="${ROWS:-1000000}" -Dtest.jvm=-Xmx1g -Dtest.jit=-XX:+TieredCompilation | grep -E 'RESULT'
uptime
