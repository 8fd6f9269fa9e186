#!/usr/bin/env bash
# The benchmark in one command: builds the server and the benchmark, starts the
# server (embedded PostgreSQL in a fresh data dir, or KIOSK_DB_URL), measures the
# pgbench baseline on the same database, and writes kiosk-bench/results.json
# and BENCHMARKS.md.
#
# usage: bench/run.sh [full|short] [extra options for vn.kiosk.bench.Bench]
#   full   (default) 10 M visits, 60 s fixed load, 1,000 SSE subscribers: ~25 min on 2 cores
#   short  100 k visits, seconds per phase: ~1 min; writes to kiosk-bench/target/ only
# Both also measure a busy gate: closed loops of 1, 4, 16 and 64 guards against the server and against one
# INSERT per request through the same HTTP stack (kiosk-bench InsertReference). For iterating on the write path,
# vn.kiosk.bench.ClosedLoopBench is that phase alone on a fresh server (kiosk-bench/README.md).
# environment: KIOSK_DB_URL (use that PostgreSQL; it must be empty of Kiosk data
#   or a throwaway), KIOSK_BENCH_SERVER_JVM (JVM options for the server process),
#   KIOSK_BENCH_BASELINE (path of pg-baseline.sh; default ../shared/bench/pg-baseline.sh, else its copy bench/pg-baseline.sh),
#   KIOSK_BENCH_SKIP_BUILD=1 (use the jars already built),
#   KIOSK_BENCH_ONLY=reads with --data-dir DIR (keep the generated history in DIR; later runs reuse it and run
#   only the stored daily figures and the read phases, writing results-reads-only.json: for iterating on read paths)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-full}
shift || true
command -v pgbench >/dev/null || { echo "bench: pgbench not found (apt-get install postgresql-client)" >&2; exit 2; }
if [[ "${KIOSK_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B package -DskipTests -pl kiosk-bench -am
fi
out=()
if [[ "$profile" != full ]]; then
  out=(--json kiosk-bench/target/bench-"$profile".json --markdown kiosk-bench/target/BENCHMARKS-"$profile".md)
fi
# Run from copies, so that a rebuild during a long run does not change the server under test.
run=kiosk-bench/target/run-$profile
mkdir -p "$run"
cp kiosk-server/target/kiosk-server.jar kiosk-bench/target/kiosk-bench.jar "$run"/
exec java -Xms512m -Xmx2g -cp "$run/kiosk-bench.jar:$run/kiosk-server.jar" \
  vn.kiosk.bench.Bench --profile "$profile" --server-jar "$run/kiosk-server.jar" "${out[@]}" "$@"
