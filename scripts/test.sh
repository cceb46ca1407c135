#!/usr/bin/env bash
# Every test: set up, build with AddressSanitizer and UBSan, and run the whole ctest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
ctest --preset asan --parallel "$(nproc)"
