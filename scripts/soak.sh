#!/usr/bin/env bash
# Load and soak over stdio: 1,000 documents (the standard library's files) open in one release
# `pyfaq serve`, 100 edits a second with a hover after every fifth, then latency percentiles and
# memory after warm-up and at the end. Fails on an error reply or log message, a server that
# dies, or memory growing past the bound it prints (10% of the warm figure + 16 MiB).
#
#   bash scripts/soak.sh                 # the full minute (after 10 s of warm-up)
#   bash scripts/soak.sh --seconds 20    # what CI runs
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release -DPYFAQ_BUILD_TESTS=ON >/dev/null
cmake --build --preset release --target pyfaq pyfaq_soak
# Debian 12's python3 (scripts/setup.sh installs it).
build/release/tests/pyfaq_soak "$@" build/release/lsp/pyfaq /usr/lib/python3.11
