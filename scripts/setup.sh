#!/usr/bin/env bash
# Installs everything pyfaq needs on a fresh Debian 12 machine (run as root); fast when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build git ca-certificates nodejs npm
  nlohmann-json3-dev libasio-dev libcli11-dev libtomlplusplus-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-doc
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# The machine image may ship node/npm outside dpkg; only ask apt for them when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for pkg in "${missing[@]}"; do [[ $pkg == nodejs || $pkg == npm ]] || kept+=("$pkg"); done
  missing=("${kept[@]+"${kept[@]}"}")
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages pinned by lockfiles, installed without running any install script: the
# tree-sitter core and Python grammar (grammar/), and the vscode-jsonrpc test client (tests/client/).
for folder in grammar tests/client; do
  stamp=$folder/node_modules/.pyfaq-lock
  if ! cmp -s "$folder/package-lock.json" "$stamp" 2>/dev/null; then
    echo "setup: npm ci in $folder/"
    (cd "$folder" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp "$folder/package-lock.json" "$stamp"
  fi
done
