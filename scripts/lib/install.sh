# Shared by the set-up scripts: install Debian packages and pinned npm folders, skipping what
# is already there. Source it; run as root.

# ensure_apt_packages PKG...: apt-get installs the packages dpkg does not list as installed.
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Waits for another apt run instead of failing on its lock.
  local options=(-qq -o DPkg::Lock::Timeout=600)
  apt-get "${options[@]}" update
  apt-get "${options[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_npm_packages FOLDER [NPM-CI-FLAGS...]: npm ci in FOLDER unless node_modules already
# matches its package-lock.json (a copy of the lock is kept as a stamp).
ensure_npm_packages() {
  local folder=$1
  shift
  local stamp=$folder/node_modules/.pyfaq-lock
  cmp -s "$folder/package-lock.json" "$stamp" 2>/dev/null && return 0
  echo "setup: npm ci in ${folder#"$PWD/"}/"
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error "$@")
  cp "$folder/package-lock.json" "$stamp"
}
