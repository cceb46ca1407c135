#!/usr/bin/env bash
# Installs the Emacs the test drives (Debian 12, as root): emacs-nox 28 with Debian's eglot and
# markdown-mode packages. Does nothing when they are already installed.
set -euo pipefail
source "$(dirname "$0")/../../../scripts/lib/install.sh"
ensure_apt_packages emacs-nox elpa-eglot elpa-markdown-mode
