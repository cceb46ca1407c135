#!/usr/bin/env bash
# The editor tests, in the real editors: VS Code (code-server in Chromium), Neovim (0.7.2 and
# current) and Emacs,
# each driving a release build of `pyfaq serve`. Runs all of them, then fails if any failed.
# Screenshots and logs go to build/editor-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/setup.sh

cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq
binary=$root/build/release/lsp/pyfaq
artifacts=$root/build/editor-artifacts
mkdir -p "$artifacts"

declare -A results
run() {
  local name=$1
  shift
  local started=$SECONDS
  echo "=== $name"
  if "$@" 2>&1 | tee "$artifacts/$name.log"; then
    results[$name]="passed in $((SECONDS - started)) s"
  else
    results[$name]="FAILED after $((SECONDS - started)) s (log: build/editor-artifacts/$name.log)"
  fi
}

run vscode-package bash scripts/package-vscode.sh linux-x64 "$binary"
run nvim bash -c 'bash tests/editors/nvim/setup.sh && bash tests/editors/nvim/run.sh "$1"' _ "$binary"
# Current Neovim: Debian 13's build, unpacked into build/nvim-current with its own C library.
run nvim-current bash -c 'nvim=$(bash tests/editors/nvim/setup-current.sh) &&
  PYFAQ_NVIM=$nvim bash tests/editors/nvim/run.sh "$1"' _ "$binary"
run emacs bash -c 'bash tests/editors/emacs/setup.sh && bash tests/editors/emacs/run.sh "$1"' _ "$binary"
if [[ ${results[vscode-package]} == passed* ]]; then
  run vscode bash -c 'bash tests/editors/vscode/setup.sh && bash tests/editors/vscode/run.sh "$1" "$2"' \
    _ build/vsix/pyfaq-linux-x64.vsix "$artifacts/vscode"
else
  results[vscode]="not run: no .vsix"
fi

echo "=== editor tests"
status=0
for name in vscode-package nvim nvim-current emacs vscode; do
  echo "$name: ${results[$name]}"
  [[ ${results[$name]} == passed* ]] || status=1
done
exit $status
