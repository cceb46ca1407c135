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
# Their autoloads are loaded as package.el would activate them (eglot renders Markdown hovers
# with markdown-mode's gfm-view-mode when it is autoloaded).
load_path=()
for dir in /usr/share/emacs/site-lisp/elpa/*/; do
  load_path+=(-L "$dir")
  for autoloads in "$dir"*-autoloads.el; do load_path+=(-l "$autoloads"); done
done

export PYFAQ_BINARY=$binary PYFAQ_TEST_FILE=$work/project/sample.py
status=0
# The timeout only guards against a hang; the test's own waits are bounded too.
timeout --kill-after=10 600 emacs -Q --batch "${load_path[@]}" -L "$repo/editors/emacs" \
  -L "$here" -l pyfaq-test --eval '(pyfaq-test-main)' || status=$?

# The server must not outlive the editor: look for a process that inherited this run's
# environment (other runs' servers may share the binary).
for pid in $(pgrep -f "$binary" || true); do
  if { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "PYFAQ_TEST_FILE=$PYFAQ_TEST_FILE"; then
    echo "FAIL a pyfaq server (pid $pid) is still running after Emacs exited"
    status=1
  fi
done
exit "$status"
