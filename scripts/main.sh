#!/usr/bin/env bash
# The main job: set up, build pyfaq in release mode, and check the shipped examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release -DPYFAQ_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target pyfaq
status=0
./build/release/lsp/pyfaq check examples/ || status=$?
# Exit code 1 means "tips found", which is what the examples are for.
if ((status > 1)); then exit "$status"; fi
echo "pyfaq: $(./build/release/lsp/pyfaq --version) is at build/release/lsp/pyfaq"
