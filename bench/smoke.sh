#!/usr/bin/env bash
# CI smoke of the load benchmark: a tiny municipality (300 persons), 4 connections, 2 s per page.
# Checks that generation, sign-in, every page under load and the raw-SQL baseline work; the
# figures of a smoke run mean nothing. The real run: bench/load/run.sh (see docs/performance.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export SCALE=${SCALE:-300} DURATION=${DURATION:-2} CONNECTIONS=${CONNECTIONS:-4} WARMUP=${WARMUP:-2} PORT=${PORT:-18480} DB_PORT=${DB_PORT:-18481}
export DATA=/tmp/samenkracht-smoke-$$ 
trap 'rm -rf "$DATA" "$DATA.generated"' EXIT
bench/load/run.sh
