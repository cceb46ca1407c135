#!/usr/bin/env bash
# Installs Debian's Neovim for the real-editor test (run as root); does nothing when present.
set -euo pipefail

if dpkg-query -W -f='${Status}' neovim 2>/dev/null | grep -q "install ok installed"; then
  exit 0
fi
echo "nvim setup: installing neovim"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (another set-up script) instead of failing on its lock.
apt_opts=(-qq -o DPkg::Lock::Timeout=600)
apt-get "${apt_opts[@]}" update
apt-get "${apt_opts[@]}" install -y --no-install-recommends neovim >/dev/null
