#!/usr/bin/env bash
# valgrind memcheck of whole LSP sessions: the vscode-jsonrpc client test (open -> tips -> hover
# -> code action -> fix -> tips -> shutdown, over stdio, a socket and a pipe) drives a release
# `pyfaq` running under valgrind. Fails on any invalid read or write, use of uninitialised
# memory, or definite or indirect leak; prints valgrind's summary of each session.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release -DPYFAQ_BUILD_TESTS=ON >/dev/null
cmake --build --preset release --target pyfaq

out=$PWD/build/memcheck
rm -rf "$out"
mkdir -p "$out"
cat >"$out/pyfaq" <<WRAPPER
#!/bin/sh
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \\
  --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --track-origins=yes \\
  --log-file="$out/session-%p.log" "$PWD/build/release/lsp/pyfaq" "\$@"
WRAPPER
chmod +x "$out/pyfaq"

status=0
PYFAQ_CLIENT_TIMEOUT_MS=180000 node tests/client/lsp_client_test.mjs "$out/pyfaq" || status=1

sessions=0
for log in "$out"/session-*.log; do
  [[ -e $log ]] || continue
  sessions=$((sessions + 1))
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d ,)
  lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
  indirect=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
  possibly=$(sed -n 's/.*possibly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
  echo "memcheck $(basename "$log"): ${errors:-?} errors; definitely lost ${lost:-0} B," \
    "indirectly lost ${indirect:-0} B, possibly lost ${possibly:-0} B"
  if [[ ${errors:-1} != 0 ]]; then
    status=1
    sed -n '/^==[0-9]*== [A-Z].*\(Invalid\|uninitialised\|lost in\)/,/^==[0-9]*== $/p' "$log" | head -40
  fi
done
if ((sessions == 0)); then
  echo "memcheck: no valgrind session ran"
  status=1
fi
exit $status
