#!/usr/bin/env bash
# Installs Debian's Neovim (0.7.2 on Debian 12) for the real-editor test; run as root.
set -euo pipefail
source "$(dirname "$0")/../../../scripts/lib/install.sh"
ensure_apt_packages neovim
