#!/usr/bin/env bash
# Drives pyfaq through Emacs + eglot in batch mode: run.sh PYFAQ_BINARY
# Needs setup.sh first (emacs-nox, elpa-eglot, elpa-markdown-mode). Writes only in a temp dir.
set -euo pipefail

if (($# != 1)) || [[ ! -x $1 ]]; then
  echo "usage: $0 PYFAQ_BINARY" >&2
  exit 2
fi
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state TMPDIR=$work/tmp
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$TMPDIR" \
  "$work/project"
cp "$here/sample.py" "$work/project/sample.py"

# Debian's elpa-* packages, without their site-start (-Q): eglot, markdown-mode and the newer
# project, xref and seq eglot needs.
load_path=()
for dir in /usr/share/emacs/site-lisp/elpa/*/; do load_path+=(-L "$dir"); done

export PYFAQ_BINARY=$binary PYFAQ_TEST_FILE=$work/project/sample.py
status=0
# The timeout only guards against a hang; the test's own waits are bounded too.
timeout --kill-after=10 600 emacs -Q --batch "${load_path[@]}" -L "$repo/editors/emacs" \
  -L "$here" -l pyfaq-test --eval '(pyfaq-test-main)' || status=$?

# The server must not outlive the editor.
if pgrep -f -x "$binary serve" >/dev/null; then
  echo "FAIL a pyfaq server is still running after Emacs exited"
  status=1
fi
exit "$status"
