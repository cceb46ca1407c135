#!/usr/bin/env bash
# FAQ start-up (locate, read, parse, render and index the eight documents) and search time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq_bench_faq >/dev/null
./build/release/tests/pyfaq_bench_faq
