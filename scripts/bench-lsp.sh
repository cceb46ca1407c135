#!/usr/bin/env bash
# Latency of `pyfaq serve` as an editor sees it: hover and change -> tips over stdio on a large
# module (default: the standard library's _pydecimal.py, 6 425 lines), and the server's RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/usr/lib/python3.11/_pydecimal.py}
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq pyfaq_bench_lsp >/dev/null
./build/release/tests/pyfaq_bench_lsp ./build/release/lsp/pyfaq "$file"
