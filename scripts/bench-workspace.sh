#!/usr/bin/env bash
# The workspace scan as an editor sees it: `pyfaq serve` checking every Python file of a folder
# (default: the standard library) with diagnostics.scope = workspace, files/s, and the latency
# of hovers on an open document while the scan runs against the same hovers without one.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-$(ls -d /usr/lib/python3.[0-9]* | sort -t. -k2 -n | tail -1)}
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq pyfaq_bench_workspace >/dev/null
./build/release/tests/pyfaq_bench_workspace --runs "${RUNS:-3}" ./build/release/lsp/pyfaq "$folder"
