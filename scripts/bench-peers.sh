#!/usr/bin/env bash
# pyfaq next to other Python language servers, all measured in this one run: pyright (npm,
# pinned in tests/bench/peers/) and pylsp (Debian) through the same LSP driver on three stdlib
# files, and `pyfaq check` on both cores next to ruff's wasm build on one core and the raw
# tree-sitter parse. Prints the whole table (Markdown) with ratios (peer / pyfaq).
# Usage: scripts/bench-peers.sh [--hovers N] [--edits N]    (defaults: 200 hovers, 50 edits)
# Run as root (installs peers on first use); writes only in a temp dir, leaves no process.
set -euo pipefail
cd "$(dirname "$0")/.."
hovers=200 edits=50
while (($#)); do
  case $1 in
    --hovers) hovers=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    *) echo "usage: $0 [--hovers N] [--edits N]" >&2; exit 2 ;;
  esac
done

source scripts/lib/install.sh
bash scripts/setup.sh
# pylsp with the linters its default configuration runs (pyflakes, pycodestyle, mccabe):
# Debian's python3-pylsp only suggests them, and without them it gives no tips.
ensure_apt_packages python3-pylsp python3-pyflakes python3-pycodestyle python3-mccabe
ensure_npm_packages tests/bench/peers --ignore-scripts
cmake --preset release >/dev/null
nice -n 10 cmake --build --preset release --target pyfaq pyfaq_bench_lsp pyfaq_bench_check \
  pyfaq_bench_document >/dev/null

work=$(mktemp -d /tmp/pyfaq-bench-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Peers may write caches (jedi, npm): keep them in the temp dir.
export HOME=$work/home XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export XDG_DATA_HOME=$work/data TMPDIR=$work
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

root=/usr/lib/python3.11
pyfaq=$PWD/build/release/lsp/pyfaq
peers=$PWD/tests/bench/peers
results=$work/results.jsonl
log=$work/stderr.log

meta() { printf '{"meta":"%s","value":%s}\n' "$1" "$2" >>"$results"; }
json_string() { node -e 'console.log(JSON.stringify(process.argv[1]))' "$1"; }
meta date "$(json_string "$(date -u '+%Y-%m-%d %H:%M UTC')")"
meta nproc "$(nproc)"
meta cpu "$(json_string "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')")"
meta memory "$(json_string "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')")"
meta load_start "$(json_string "$(cut -d' ' -f1-3 /proc/loadavg)")"
meta commit "$(json_string "$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes)")"
meta node "$(json_string "$(node --version)")"
meta pyright "$(json_string "$(node -p 'require(process.argv[1]).version' "$peers/node_modules/pyright/package.json")")"
meta pylsp "$(json_string "$(dpkg-query -W -f='${Version}' python3-pylsp)")"

echo "== language servers (hovers $hovers, edits $edits per file) =="
for file in getopt.py argparse.py _pydecimal.py; do
  for server in pyfaq pyright pylsp; do
    case $server in
      pyfaq) command=("$pyfaq" serve) ;;
      pyright) command=(node "$peers/node_modules/pyright/langserver.index.js" --stdio) ;;
      pylsp) command=(pylsp) ;;
    esac
    ./build/release/tests/pyfaq_bench_lsp --name "$server" --file "$root/$file" \
      --hovers "$hovers" --edits "$edits" -- "${command[@]}" 2>>"$log" |
      tee -a "$work/lsp.out" | grep -v '^{' || true
  done
done
grep '^{' "$work/lsp.out" >>"$results"

# Median of three runs of a command's wall time, in ms; its last stdout kept in $work/last.out.
median_ms() {
  local times=() status
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    status=0
    "$@" >"$work/last.out" 2>>"$log" || status=$?
    end=$(date +%s%N)
    # pyfaq check exits 1 when it finds tips; 2 and up is a failure.
    ((status <= 1)) || { echo "failed ($status): $*" >&2; tail -n 20 "$log" >&2; exit 1; }
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

echo "== whole stdlib =="
files=$(find "$root" \( -name '.*' -o -name __pycache__ -o -name node_modules \) -prune -o \
  -type f \( -name '*.py' -o -name '*.pyi' \) -print | wc -l)
bytes=$(find "$root" \( -name '.*' -o -name __pycache__ -o -name node_modules \) -prune -o \
  -type f \( -name '*.py' -o -name '*.pyi' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}')
ms=$(median_ms "$pyfaq" check -j 2 --isolated "$root")
summary=$(tail -n 1 "$work/last.out")
echo "pyfaq check -j 2 --isolated $root: median $ms ms; $summary"
printf '{"tool":"pyfaq-check","jobs":2,"files":%d,"bytes":%d,"ms":%d,"summary":%s}\n' \
  "$files" "$bytes" "$ms" "$(json_string "$summary")" >>"$results"

# ruff-wasm: five passes over the tree in one process (read + check every file); the first is
# cold (V8 compiles the wasm as it runs), the median of the other four is the warm figure.
node "$peers/ruff_stdlib.mjs" "$root" --passes 5 2>>"$log" | tee "$work/ruff.out" | grep -v '^{'
grep '^{' "$work/ruff.out" >>"$results"

# Raw tree-sitter parse (one and two threads) and per-file analysis on one core.
./build/release/tests/pyfaq_bench_check "$root" \
  --benchmark_filter='BM_TreeSitterParse/|BM_TreeSitterParseJobs|BM_Analyze' \
  --benchmark_format=json 2>>"$log" >"$work/check.json"
# One open file: a keystroke (re-parse, re-analysis, analysis from scratch), a hover, positions.
./build/release/tests/pyfaq_bench_document "$root/_pydecimal.py" \
  --benchmark_format=json 2>>"$log" >"$work/document.json"
for report in "$work/check.json" "$work/document.json"; do
  node -e '
    const out = require("fs").readFileSync(process.argv[1], "utf8");
    const report = JSON.parse(out.slice(out.indexOf("{")));
    const scale = {ns: 1e-6, us: 1e-3, ms: 1, s: 1e3};
    for (const b of report.benchmarks)
      console.log(JSON.stringify({bench: b.name, ms: b.real_time * scale[b.time_unit],
                                  cpu_ms: b.cpu_time * scale[b.time_unit], files: b.files,
                                  bytes_per_second: b.bytes_per_second,
                                  incremental: b.incremental, answered: b.answered}));' \
    "$report" | tee -a "$results" >/dev/null
done

meta load_end "$(json_string "$(cut -d' ' -f1-3 /proc/loadavg)")"
# Kept, so that the report can be made again: node tests/bench/peers/report.mjs FILE
mkdir -p build/bench
cp "$results" build/bench/peers-results.jsonl
echo
node "$peers/report.mjs" "$results"
