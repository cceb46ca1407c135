#!/usr/bin/env bash
# Builds the VS Code extension with a pyfaq binary inside:
#   scripts/package-vscode.sh [TARGET] [BINARY]  →  build/vsix/pyfaq-TARGET.vsix
# TARGET is a VS Code platform (default linux-x64); BINARY the pyfaq built for it
# (default build/release/lsp/pyfaq). Needs node and npm (scripts/setup.sh installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-linux-x64}
# A given BINARY is relative to where the script was called from; the default, to the repo.
binary=${2:-$root/build/release/lsp/pyfaq}
binary=$(realpath -e "$binary") || { echo "package-vscode: no binary at ${2:-$root/build/release/lsp/pyfaq}" >&2; exit 1; }
[[ -f $binary && -x $binary ]] || { echo "package-vscode: $binary is not an executable file" >&2; exit 1; }

extension=$root/editors/vscode
out=$root/build/vsix
vsix=$out/pyfaq-$target.vsix
cd "$extension"

# Pinned by package-lock.json; no install scripts needed (esbuild finds its binary package).
source "$root/scripts/lib/install.sh"
ensure_npm_packages "$extension" --ignore-scripts

npm run --silent typecheck
tests=$(npm test --silent 2>&1) || { echo "$tests"; echo "package-vscode: FAIL: unit tests" >&2; exit 1; }
echo "package-vscode: unit tests: $(grep -E '^# (pass|fail)' <<<"$tests" | tr '\n' ' ')"
rm -rf dist
npm run --silent build

rm -rf bin
mkdir bin
cp "$binary" bin/pyfaq
chmod 755 bin/pyfaq

mkdir -p "$out"
rm -f "$vsix"
# The project has no public repository yet; vsce asks about that interactively, so the
# flag is passed only while package.json has no "repository". stdin is closed so any other
# question fails the build instead of hanging it.
flags=()
node -e 'process.exit(require("./package.json").repository ? 0 : 1)' || flags+=(--allow-missing-repository)
npx --no-install vsce package --target "$target" --no-dependencies "${flags[@]}" --out "$vsix" </dev/null

# What goes in must be exactly these files: the bundle needs no node_modules.
expected=$'LICENSE\nREADME.md\nbin/pyfaq\ndist/extension.js\npackage.json'
listed=$(npx --no-install vsce ls --no-dependencies </dev/null | sort)
echo "package-vscode: vsce ls:"
printf '  %s\n' $listed
if [[ $listed != "$expected" ]]; then
  echo "package-vscode: FAIL: expected exactly:" >&2
  printf '  %s\n' $expected >&2
  exit 1
fi

# And the archive itself: the binary is there and still executable.
python3 - "$vsix" <<'PY'
import stat, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    entries = {info.filename: info for info in archive.infolist()}
    server = entries.get("extension/bin/pyfaq")
    if server is None:
        sys.exit("package-vscode: FAIL: extension/bin/pyfaq is not in the vsix")
    if not (server.external_attr >> 16) & stat.S_IXUSR:
        sys.exit("package-vscode: FAIL: extension/bin/pyfaq is not executable in the vsix")
    files = sorted(name for name in entries if name.startswith("extension/"))
    print("package-vscode: vsix holds " + ", ".join(name[len("extension/"):] for name in files))
PY
echo "package-vscode: $vsix ($(du -h "$vsix" | cut -f1))"
