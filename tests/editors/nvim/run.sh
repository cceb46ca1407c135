#!/usr/bin/env bash
# The Neovim test: headless Neovim with editors/nvim drives `pyfaq serve` on sample projects.
# Usage: tests/editors/nvim/run.sh PYFAQ_BINARY   (Neovim from tests/editors/nvim/setup.sh;
# PYFAQ_NVIM=/path/to/nvim tests another build, e.g. the 0.10 that setup-current.sh prints)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:?usage: run.sh PYFAQ_BINARY}")
nvim=${PYFAQ_NVIM:-nvim}
command -v "$nvim" >/dev/null || { echo "FAIL: $nvim not found (run tests/editors/nvim/setup.sh)"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Nothing from the user's set-up: home and XDG folders inside the temp folder.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data \
  XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_DIRS=$tmp/config XDG_DATA_DIRS=/usr/share
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"

# Two projects: one marked by pyproject.toml (two files), one by setup.py.
mkdir -p "$tmp/proj/pkg" "$tmp/second/lib"
printf '[project]\nname = "sample"\n' >"$tmp/proj/pyproject.toml"
cp "$here/sample.py" "$tmp/proj/pkg/sample.py"
printf 'import os\n' >"$tmp/proj/pkg/other.py"
printf 'import signal\n\n\ndef on_hangup():\n    pass\n\n\nsignal.signal(signal.SIGHUP, on_hangup)\n' >"$tmp/proj/pkg/closed.py"
printf 'from setuptools import setup\n\nsetup(name="second")\n' >"$tmp/second/setup.py"
printf 'def check(x):\n    return x is 1\n' >"$tmp/second/lib/mod.py"

"$nvim" --version | head -1
start=$(date +%s)
status=0
# The harness quits Neovim itself; the timeout only guards against a hang.
PYFAQ_BINARY=$binary PYFAQ_TEST_TMP=$tmp timeout --kill-after=10 600 "$nvim" --headless -i NONE -n -u "$here/init.lua" \
  -c "lua require('harness').main('pyfaq_test')" \
  </dev/null || status=$?

# Every server must have exited with Neovim: look for processes whose environment names this
# run's folder (only Neovim and its children were given it).
leftovers=$(grep -lszxF "PYFAQ_TEST_TMP=$tmp" /proc/[0-9]*/environ | cut -d/ -f3 | tr "\n" " " || true)
if [[ -n $leftovers ]]; then
  echo "FAIL processes left behind: $leftovers"
  kill $leftovers 2>/dev/null || true
  status=1
fi
echo "nvim test: exit $status in $(( $(date +%s) - start ))s"
exit $status
