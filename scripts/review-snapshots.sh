#!/usr/bin/env bash
# Rewrites the rule snapshots and CLI golden files from the current build, then shows what
# changed: review the diff, then commit it (or fix the code and run this again).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-debug}
cmake --build --preset "$preset"
PYFAQ_UPDATE_SNAPSHOTS=1 "./build/$preset/tests/pyfaq_unit_tests" --gtest_filter='*Snapshot*' >/dev/null
PYFAQ_UPDATE_SNAPSHOTS=1 bash tests/cli/golden_test.sh "$PWD/build/$preset/lsp/pyfaq" >/dev/null
git --no-pager diff --stat -- tests/fixtures tests/cli/expected
git --no-pager diff -- tests/fixtures tests/cli/expected
