#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs each for a
# while, two at a time, then prints executions, speed and coverage per target. Fails when a
# target finds a crash, a leak, a hang or a failed check; the input is kept in
# build/fuzz-artifacts/ (replay: build/fuzz/tests/fuzz/pyfaq_fuzz_TARGET FILE).
#
#   bash scripts/fuzz.sh                     # every target, 60 s each (what CI runs)
#   bash scripts/fuzz.sh --seconds 600 server analysis
#
# Each target's corpus grows in build/fuzz-corpus/TARGET between runs, seeded from
# tests/fuzz/corpus/TARGET, the rule fixtures (analysis) and the installed FAQ sources (rst).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(framing server rst analysis positions)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target $(printf 'pyfaq_fuzz_%s ' "${targets[@]}") pyfaq

corpora=build/fuzz-corpus
artifacts=build/fuzz-artifacts
logs=build/fuzz-logs
mkdir -p "$artifacts" "$logs"

# Inputs larger than this slow a target down more than they teach it.
declare -A max_len=([framing]=4096 [server]=2048 [rst]=8192 [analysis]=2048 [positions]=1024)

seed() {
  local target=$1 corpus=$corpora/$1
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  case $target in
    analysis) cp -n tests/fixtures/rules/*.py "$corpus"/ ;;
    rst)
      # The FAQ as pyfaq finds it; the first byte of an rst input picks the FAQ document.
      local folder
      folder=$(build/fuzz/lsp/pyfaq faq info | sed -n 's/^source: .*(\(.*\))$/\1/p')
      if [[ -d $folder ]]; then
        for file in "$folder"/*.rst.txt; do
          { printf '\x03'; cat "$file"; } >"$corpus/faq-$(basename "$file" .rst.txt)"
        done
      fi
      ;;
  esac
}

run() {
  local target=$1
  seed "$target"
  # Leaks are checked at exit of each input's run; -timeout catches a hang in one input.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build/fuzz/tests/fuzz/pyfaq_fuzz_$target" "$corpora/$target" \
    -max_total_time="$seconds" -max_len="${max_len[$target]}" -len_control=0 \
    -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 -print_pcs=0 \
    -artifact_prefix="$artifacts/$target-" >"$logs/$target.log" 2>&1
}

summary() {
  local target=$1 status=$2 log=$logs/$1.log
  local runs speed pcs cov features corpus
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  pcs=$(sed -n 's/.*Loaded 1 PC tables (\([0-9]*\) PCs).*/\1/p' "$log" | head -1)
  read -r cov features corpus < <(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 |
    sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/\1 \2 \3/') || true
  printf '%-10s %10s %8s %17s %10s %8s  %s\n' "$target" "${runs:-?}" "${speed:-?}" \
    "${cov:-?}/${pcs:-?} ($(awk -v c="${cov:-0}" -v p="${pcs:-1}" 'BEGIN{printf "%.0f%%", 100*c/p}'))" \
    "${features:-?}" "${corpus:-?}" "$([[ $status == 0 ]] && echo ok || echo "FAILED: see $log")"
}

declare -A status
pending=("${targets[@]}")
while ((${#pending[@]})); do
  batch=("${pending[@]:0:2}")  # two cores: two targets at once
  pending=("${pending[@]:2}")
  declare -A pids=()
  for target in "${batch[@]}"; do
    run "$target" &
    pids[$target]=$!
  done
  for target in "${batch[@]}"; do
    if wait "${pids[$target]}"; then status[$target]=0; else status[$target]=1; fi
  done
  unset pids
done

echo
echo "fuzzing, ${seconds} s per target ($(date -u '+%Y-%m-%d %H:%M UTC'))"
printf '%-10s %10s %8s %17s %10s %8s  %s\n' target executions exec/s "edges covered" features corpus result
failed=0
for target in "${targets[@]}"; do
  summary "$target" "${status[$target]}"
  if [[ ${status[$target]} != 0 ]]; then
    failed=1
    grep -E 'check failed|ERROR: |SUMMARY: |Test unit written' "$logs/$target.log" | head -8 | sed 's/^/    /'
  fi
done
exit $failed
