#!/usr/bin/env bash
# Installs everything pyfaq needs on a fresh Debian 12 machine (run as root); fast when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build git ca-certificates nodejs npm
  nlohmann-json3-dev libasio-dev libcli11-dev libtomlplusplus-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-doc
  clang-14 libclang-rt-14-dev valgrind strace
)

source scripts/lib/install.sh

# The machine image may ship node/npm outside dpkg; only ask apt for them when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for pkg in "${APT_PACKAGES[@]}"; do [[ $pkg == nodejs || $pkg == npm ]] || kept+=("$pkg"); done
  APT_PACKAGES=("${kept[@]}")
fi
ensure_apt_packages "${APT_PACKAGES[@]}"

# npm packages pinned by lockfiles, installed without running any install script: the
# tree-sitter core and Python grammar (grammar/), and the vscode-jsonrpc test client (tests/client/).
for folder in grammar tests/client; do
  ensure_npm_packages "$PWD/$folder" --ignore-scripts
done
