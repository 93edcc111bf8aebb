#!/usr/bin/env bash
# Runs the bench once per concurrency level, each against a fresh Release engine on a fresh SQLite
# file, and prints the engine's CPU seconds and thread count beside each report.
# usage: bench/Approval.Bench/run.sh [levels...]   (env: PORT=5000 CASES=2000 BENCH_ARGS="--baseline 5000")
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PORT:-5000}
cases=${CASES:-2000}
levels=("${@:-8 32 64}")
read -r -a levels <<<"${levels[*]}"
tick=$(getconf CLK_TCK)

dotnet build -c Release src/Engine -v q -nologo >/dev/null
dotnet build -c Release bench/Approval.Bench -v q -nologo >/dev/null

cpu() { awk -v t="$tick" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$1/status"; }

for c in "${levels[@]}"; do
  db=/tmp/bench-$$-$c.db
  log=/tmp/bench-$$-$c.log
  ConnectionStrings__Approval="Data Source=$db" setsid dotnet run -c Release --no-build --project src/Engine \
    --launch-profile http --urls "http://127.0.0.1:$port" >"$log" 2>&1 </dev/null &
  runner=$!
  trap 'kill -- -$runner 2>/dev/null || true' EXIT
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  engine=$(pgrep -P "$runner")
  before=$(cpu "$engine")
  status=0
  dotnet bench/Approval.Bench/bin/Release/net10.0/Approval.Bench.dll \
    --url "http://127.0.0.1:$port" --cases "$cases" --concurrency "$c" --engine-pid "$engine" ${BENCH_ARGS:-} || status=$?
  echo "engine CPU        $(awk -v a="$before" -v b="$(cpu "$engine")" 'BEGIN { printf "%.1f", b - a }') s (pid $engine, $(threads "$engine") threads at the end), bench exit $status"
  echo
  kill -- -"$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  trap - EXIT
  rm -f "$db" "$db-wal" "$db-shm" "$log"
done
