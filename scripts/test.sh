#!/usr/bin/env bash
# Every test: set up, build with AddressSanitizer and UBSan and run the whole ctest suite; the
# editor tests in the real editors (scripts/test-editors.sh, on a release build); a valgrind
# memcheck of whole LSP sessions; a short soak (20 s of load; the full minute is
# `bash scripts/soak.sh`); and each fuzzer for 60 s (clang, ASan + UBSan). Every stage runs; the
# script fails if any did.
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
bash scripts/memcheck.sh || status=1
bash scripts/soak.sh --seconds 20 || status=1
bash scripts/fuzz.sh --seconds 60 || status=1
exit $status
