#!/usr/bin/env bash
# Installs the Emacs the test drives (Debian 12, as root): emacs-nox 28 with Debian's eglot and
# markdown-mode packages. Does nothing when they are already installed.
set -euo pipefail

PACKAGES=(emacs-nox elpa-eglot elpa-markdown-mode)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "emacs setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run (a parallel set-up) instead of failing on its lock.
  apt_opts=(-o DPkg::Lock::Timeout=600)
  apt-get "${apt_opts[@]}" update -qq
  apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
