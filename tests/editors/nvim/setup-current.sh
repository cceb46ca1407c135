#!/usr/bin/env bash
# Fetches Debian 13's Neovim (0.10) with the libraries it needs, from Debian's own archive, into
# a private folder, and prints a wrapper to pass as PYFAQ_NVIM. Nothing is installed: apt's
# lists, cache and state for trixie stay inside the folder, and /etc/apt is not touched.
# Usage: tests/editors/nvim/setup-current.sh [FOLDER]   (default: build/nvim-current)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
dir=$(realpath -m "${1:-$repo/build/nvim-current}")
suite=trixie
wrapper=$dir/nvim
stamp=$dir/.installed

if [[ -x $wrapper && $(cat "$stamp" 2>/dev/null) == "$suite "* ]]; then
  echo "$wrapper"
  exit 0
fi
say() { echo "setup-current: $*" >&2; }
# The wrapper quotes the folder with '...' and [[...]].
[[ $dir != *[\'\]]* ]] || { say "no ' or ] in the folder's path, please: $dir"; exit 1; }

rm -rf "$dir/root" "$dir/apt" "$dir/debs" "$stamp"
mkdir -p "$dir/apt/empty" "$dir/apt/state/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs"
printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
  "$suite" >"$dir/apt/sources.list"
# Only the system's apt.conf (a proxy, say) still applies; dpkg's status is empty, so apt sees
# no installed package and lists every dependency.
apt=(-qq -o Dir::Etc::sourcelist="$dir/apt/sources.list" -o Dir::Etc::sourceparts="$dir/apt/empty"
  -o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts="$dir/apt/empty"
  -o Dir::State="$dir/apt/state" -o Dir::State::status=/dev/null -o Dir::Cache="$dir/apt/cache")
# apt's _apt user may not be allowed into the folder.
[[ $(id -u) == 0 ]] && apt+=(-o APT::Sandbox::User=root)

say "reading Debian $suite's package lists"
apt-get "${apt[@]}" update
# neovim and everything it depends on, down to libc6 (virtual packages, in <>, left out).
mapfile -t packages < <(apt-cache "${apt[@]}" depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances neovim | grep -v '^[ <]' | sort -u)
say "downloading ${packages[*]}"
(cd "$dir/debs" && apt-get "${apt[@]}" download "${packages[@]}")
for deb in "$dir"/debs/*.deb; do
  dpkg-deb -x "$deb" "$dir/root"
done

# trixie's C library is newer than bookworm's: Neovim runs through trixie's dynamic loader.
loader=$(find "$dir/root/usr/lib" -maxdepth 2 -name 'ld-linux*.so.*' | head -1)
[[ -n $loader ]] || { say "no dynamic loader in $suite's libc6"; exit 1; }
libs=$(dirname "$loader")
if "$loader" --library-path "$libs" --list "$dir/root/usr/bin/nvim" | grep 'not found' >&2; then
  say "libraries missing"
  exit 1
fi

# The library path is given to the loader, not exported, so the servers Neovim starts use the
# system's C library. usr/lib/nvim holds the Tree-sitter parsers (hover uses markdown); Neovim
# would look for it next to the loader.
cat >"$wrapper" <<EOF
#!/bin/sh
# Debian $suite's Neovim from $dir/root (made by tests/editors/nvim/setup-current.sh).
export VIMRUNTIME='$dir/root/usr/share/nvim/runtime'
exec '$loader' --library-path '$libs' --argv0 nvim '$dir/root/usr/bin/nvim' \\
  --cmd 'lua vim.opt.runtimepath:append([[$dir/root/usr/lib/nvim]])' "\$@"
EOF
chmod +x "$wrapper"

version=$("$wrapper" --headless -u NONE -i NONE +'lua io.stdout:write(tostring(vim.version()))' +qall)
[[ $version == 0.1[0-9].* ]] || { say "the wrapper does not run Neovim 0.10+: '$version'"; exit 1; }
# The parsers the runtime starts on its own (hover's markdown) must load.
"$wrapper" --headless -u NONE -i NONE \
  +'lua if not pcall(vim.treesitter.get_string_parser, "# x", "markdown") then vim.cmd.cquit() end' +qall ||
  { say "the markdown parser does not load"; exit 1; }
rm -rf "$dir/apt" "$dir/debs"
echo "$suite $version" >"$stamp"
say "Neovim $version"
echo "$wrapper"
