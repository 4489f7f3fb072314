#!/usr/bin/env bash
# Time from the run command to "ready" (health UP) and memory after start, on the embedded
# PostgreSQL: (a) a new empty data folder without demo data, (b) a new data folder with demo
# data, (c) a restart on that data. Usage: bench/startup.sh [runs-per-case, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
./mvnw -q -B -DskipTests package
jar=$(ls target/samenkracht-*.jar | grep -v original | head -1)

measure() { # $1 label, $2 data dir, $3 demo flag
  local start end pid rss_java rss_pg
  start=$(date +%s%N)
  SAMENKRACHT_DATA_DIR="$2" PORT=$port java -jar "$jar" --samenkracht.demo.enabled="$3" >/tmp/startup-bench.log 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "app died"; cat /tmp/startup-bench.log; exit 1; }
  done
  end=$(date +%s%N)
  sleep 1
  rss_java=$(ps -o rss= -p $pid)
  rss_pg=$(ps -eo rss,args | awk -v d="$2" '$0 ~ "postgres" && $0 ~ d {s+=$1} END {print s+0}')
  printf '%-28s ready in %5d ms   JVM RSS %4d MiB   PostgreSQL RSS %4d MiB\n' "$1" $(( (end-start)/1000000 )) $((rss_java/1024)) $((rss_pg/1024))
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  d=$(mktemp -d /tmp/sk-bench-XXXX); rmdir "$d"
  measure "empty, first start" "$d/pg" false
  rm -rf "$d"
  d=$(mktemp -d /tmp/sk-bench-XXXX); rmdir "$d"
  measure "demo data, first start" "$d/pg" true
  measure "demo data, restart" "$d/pg" true
  rm -rf "$d"
done
