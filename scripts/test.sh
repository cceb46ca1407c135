#!/usr/bin/env bash
# Every test: set up, build with AddressSanitizer and UBSan and run the whole ctest suite, then
# the editor tests in the real editors (scripts/test-editors.sh, on a release build). Both
# stages run; the script fails if either did.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
status=0
ctest --preset asan --parallel "$(nproc)" || status=$?
unset ASAN_OPTIONS
bash scripts/test-editors.sh || status=1
exit $status
