#!/usr/bin/env bash
# Samples where one corpus operation spends its CPU time, with Linux perf (Debian: apt-get install linux-perf).
# Usage: bench/tools/perf-profile.sh parse|check|checker|inc|record|mount|first-call|mount-large [SECONDS] [OUT_DIR]
# Writes OUT_DIR/perf-OPERATION.data and OUT_DIR/perf-OPERATION.txt (self time per method).
# JIT-compiled code gets names through the runtime's perf map; ReadyToRun is off so that library code is
# JIT-compiled (and named) too, and W^X is off because perf cannot read the double-mapped code otherwise.
set -euo pipefail
operation=${1:-check}
seconds=${2:-10}
out=${3:-BenchmarkDotNet.Artifacts/perf}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
dotnet build -c Release "$root/bench/Nexus.Benchmarks" > /dev/null
exe="$root/bench/Nexus.Benchmarks/bin/Release/net10.0/Nexus.Benchmarks"
log=$(mktemp)
DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0 \
  "$exe" --profile-loop "$operation" $((seconds + 2)) > "$log" &
pid=$!
until grep -q 'profile loop: warm' "$log"; do
  kill -0 "$pid" 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
perf record -F 499 -g -e cpu-clock -p "$pid" -o "$out/perf-$operation.data" -- sleep "$seconds"
wait "$pid"
perf report -i "$out/perf-$operation.data" --no-children --sort symbol --stdio -g none 2> /dev/null \
  | grep -v '^#' | grep '%' | head -60 > "$out/perf-$operation.txt"
rm -f "$log" "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
echo "wrote $out/perf-$operation.txt"
