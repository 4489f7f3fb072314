#!/usr/bin/env bash
# Load benchmark (issue 7): Samenkracht on a generated municipality, driven with wrk at 32
# connections per page, and in the same run the raw SQL each page needs (JDBC, 32 threads) as the
# baseline. Prints a table with throughput, p50/p95/p99 and the ratio app / raw SQL.
#
#   bench/load/run.sh                         # default: 100 000 persons, 20 s per page
#   SCALE=500 DURATION=3 bench/load/run.sh    # a smoke run (bench/smoke.sh)
#
# Uses its own data folder (/tmp/samenkracht-bench-<scale>, generated once and kept), its own ports.
set -euo pipefail
cd "$(dirname "$0")/../.."

SCALE=${SCALE:-100000}
SEED=${SEED:-42}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18470}
DB_PORT=${DB_PORT:-18471}
DATA=${DATA:-/tmp/samenkracht-bench-$SCALE}
PAGES=${PAGES:-dossier caseload plan-page network-page api-person api-plan api-network}
OUT=${OUT:-target/bench-load-$SCALE.txt}
BASE="http://localhost:$PORT"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian) …"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

JAR=$(ls target/samenkracht-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ ! -d target/test-classes/org/samenkracht/operations/bench ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/samenkracht-*.jar | head -1)
fi
# The JDBC driver for the raw-SQL baseline comes out of the application jar itself.
LIB=target/bench-lib
if [ ! -f "$LIB/.done" ]; then
  mkdir -p "$LIB" && (cd "$LIB" && unzip -q -o -j "../../$JAR" 'BOOT-INF/lib/postgresql-*.jar' && touch .done)
fi

if [ ! -f "$DATA.generated" ]; then
  rm -rf "$DATA"
  echo "Generating $SCALE persons (seed $SEED) into $DATA …"
  start=$(date +%s)
  # A failed generation stops the benchmark here: no marker, no figures measured on half a municipality.
  if ! java -jar "$JAR" --generate --scale="$SCALE" --seed="$SEED" --server.port=0 --samenkracht.data-dir="$DATA" \
       --samenkracht.demo.enabled=false --logging.level.root=WARN --logging.level.org.samenkracht.operations=INFO \
       > "target/bench-generate-$SCALE.log" 2>&1; then
    grep -E "ERROR|Exception|rows|Generated" "target/bench-generate-$SCALE.log" | tail -20
    echo "Generation of $SCALE persons FAILED (log: target/bench-generate-$SCALE.log)"; exit 1
  fi
  grep -E "rows|Generated" "target/bench-generate-$SCALE.log" || true
  echo "generation took $(( $(date +%s) - start )) s (including start-up)" > "$DATA.generated"
  cat "$DATA.generated"
fi

echo "Starting the application on port $PORT …"
java -Xmx1g -jar "$JAR" --server.port="$PORT" --samenkracht.data-dir="$DATA" --samenkracht.embedded-db.port="$DB_PORT" \
     --samenkracht.demo.enabled=false --logging.level.root=WARN > "target/bench-app-$SCALE.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done

# Sign in as the first generated professional through the login form; keep the session cookie.
JARFILE=$(mktemp)
TOKEN=$(curl -s -c "$JARFILE" -b "$JARFILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JARFILE" -b "$JARFILE" --data-urlencode "username=gen.prof.0001" \
     --data-urlencode "password=samen2026" --data-urlencode "_csrf=$TOKEN" "$BASE/login"
SESSION=$(awk '$6 == "SESSION" { print $7 }' "$JARFILE")
[ -n "$SESSION" ] || { echo "sign-in failed"; exit 1; }
CASELOAD=$(curl -s -b "SESSION=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/persons")
ALL_IDS=$(echo "$CASELOAD" | grep -o '"id":"[^"]*"' | sed 's/"id":"//;s/"//')
# only persons with a plan, so the plan pages answer 200 for every id
IDS=""
for id in $ALL_IDS; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "SESSION=$SESSION" "$BASE/api/v1/persons/$id/plan")
  [ "$code" = 200 ] && IDS="$IDS${IDS:+,}$id"
done
USER_ID=$(
  java -cp "target/test-classes:$(ls $LIB/*.jar | tr '\n' ':')" org.samenkracht.operations.bench.UserId \
  "jdbc:postgresql://localhost:$DB_PORT/samenkracht?user=postgres" gen.prof.0001)
echo "Caseload of gen.prof.0001: $(echo "$ALL_IDS" | wc -w) persons, $(echo "$IDS" | tr ',' '\n' | wc -l) with a plan."

declare -A PATHS=( [dossier]="/persons/%s" [caseload]="/persons" [plan-page]="/persons/%s/plan"
  [network-page]="/persons/%s/network" [api-person]="/api/v1/persons/%s" [api-plan]="/api/v1/persons/%s/plan"
  [api-network]="/api/v1/persons/%s/network-members" )

# One page first, on its own: the session gets its CSRF token before the parallel load starts.
# (Without it, 32 parallel first requests of a fresh session each try to store a token: see the
# note in docs/performance.md.)
curl -s -o /dev/null -b "SESSION=$SESSION" "$BASE/persons/${IDS%%,*}"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

mkdir -p target
RESULTS=$(mktemp)
# A request slower than TIMEOUT counts as an error (wrk's own default equals the run length and
# would hide a page that never answers).
TIMEOUT=${TIMEOUT:-5}
# The JIT first: a fresh JVM spends about a minute of CPU compiling (measured: the C2 thread took 53 of
# the first 116 CPU seconds), which would be charged to whichever page came first. Every page is
# warmed for WARMUP seconds at 8 connections before anything is measured (0 turns this off). 10 s was
# too short: on 2026-12-06 the same build measured the dossier at 32 connections 14 % of its raw SQL after
# 10 s and 27 % after 30 s (docs/performance.md).
WARMUP=${WARMUP:-30}
if [ "$WARMUP" -gt 0 ]; then
  for page in $PAGES; do
    accept="text/html"; [[ $page == api-* ]] && accept="application/json"
    NAME=$page PAGE=${PATHS[$page]} IDS=$IDS SESSION=$SESSION ACCEPT=$accept \
      wrk -t2 -c8 -d"${WARMUP}s" --timeout "${TIMEOUT}s" -s bench/load/page.lua "$BASE" >/dev/null
  done
fi
for c in $CONNECTIONS; do
for page in $PAGES; do
  accept="text/html"; [[ $page == api-* ]] && accept="application/json"
  # warm-up, then the measured run
  NAME=$page PAGE=${PATHS[$page]} IDS=$IDS SESSION=$SESSION ACCEPT=$accept \
    wrk -t2 -c"$c" -d2s --timeout "${TIMEOUT}s" -s bench/load/page.lua "$BASE" >/dev/null
  NAME="$page@$c" PAGE=${PATHS[$page]} IDS=$IDS SESSION=$SESSION ACCEPT=$accept \
    wrk -t2 -c"$c" -d"${DURATION}s" --timeout "${TIMEOUT}s" -s bench/load/page.lua "$BASE" | grep '^RESULT' >> "$RESULTS"
  java -cp "target/test-classes:$(ls $LIB/*.jar | tr '\n' ':')" org.samenkracht.operations.bench.RawSqlBench \
    "jdbc:postgresql://localhost:$DB_PORT/samenkracht?user=postgres" "$USER_ID" "$IDS" "$c" "$DURATION" "$page" \
    | sed "s/^RAW $page /RAW $page@$c /" >> "$RESULTS"
done
done

{
  echo "Samenkracht load benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB,"
  echo "$SCALE persons (seed $SEED), $CONNECTIONS connections, ${DURATION} s per page, timeout ${TIMEOUT} s, signed in as gen.prof.0001"
  echo "machine load average (1 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1 /proc/loadavg); JIT warm-up ${WARMUP} s per page"
  printf '%-16s %9s %8s %8s %8s %7s %9s %11s %7s\n' page "req/s" "p50 ms" "p95 ms" "p99 ms" errors requests "raw SQL/s" ratio
  for c in $CONNECTIONS; do
  for page in $PAGES; do
    read -r _ _ rps p50 p95 p99 errors total < <(grep "^RESULT $page@$c " "$RESULTS")
    read -r _ _ raw < <(grep "^RAW $page@$c " "$RESULTS")
    ratio=$(awk -v a="$rps" -v b="$raw" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    printf '%-16s %9s %8s %8s %8s %7s %9s %11s %7s\n' "$page@$c" "$rps" "$p50" "$p95" "$p99" "$errors" "$total" "$raw" "$ratio"
  done
  done
} | tee "$OUT"
# Every non-2xx answer, socket error and timeout is an error; so is a page that answered nothing.
if awk 'NR > 4 && ($6 != 0 || $7 == 0) { bad = 1 } END { exit bad ? 0 : 1 }' "$OUT"; then
  echo "Some requests failed (non-2xx, socket errors, timeouts) or a page answered nothing: see the table"; exit 1
fi
