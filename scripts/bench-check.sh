#!/usr/bin/env bash
# Throughput of `pyfaq check` on a real tree (default: the standard library), end to end on all
# cores, then per stage on one core next to the raw tree-sitter parse of the same files.
# Usage: scripts/bench-check.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-/usr/lib/python3.11}
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq pyfaq_bench_check >/dev/null
pyfaq=./build/release/lsp/pyfaq

files=$(find "$root" \( -name '.*' -o -name __pycache__ -o -name node_modules \) -prune -o \
  -type f \( -name '*.py' -o -name '*.pyi' \) -print | wc -l)
bytes=$(find "$root" \( -name '.*' -o -name __pycache__ -o -name node_modules \) -prune -o \
  -type f \( -name '*.py' -o -name '*.pyi' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}')

best=""
for run in 1 2 3; do
  start=$(date +%s.%N)
  status=0
  "$pyfaq" check "$root" >/tmp/pyfaq-bench.out 2>/tmp/pyfaq-bench.err || status=$?
  end=$(date +%s.%N)
  if ((status > 1)); then echo "pyfaq check failed ($status)"; cat /tmp/pyfaq-bench.err; exit 1; fi
  seconds=$(echo "$end - $start" | bc -l)
  if [[ -z $best ]] || (($(echo "$seconds < $best" | bc -l))); then best=$seconds; fi
done
printf 'pyfaq check %s (%d cores): %d files, %.1f MB in %.3f s (best of 3): %.0f files/s, %.1f MB/s\n' \
  "$root" "$(nproc)" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$best" \
  "$(echo "$files / $best" | bc -l)" "$(echo "$bytes / 1000000 / $best" | bc -l)"
echo "summary line: $(tail -n 1 /tmp/pyfaq-bench.out); skipped: $(grep -c skipped /tmp/pyfaq-bench.err || true)"
echo
./build/release/tests/pyfaq_bench_check "$root" --benchmark_counters_tabular=true
