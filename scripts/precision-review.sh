#!/usr/bin/env bash
# The precision review: `pyfaq check` over large code bases this project did not write (the
# standard library, Debian's dist-packages with Django and NumPy, and any extra paths given),
# with the count of tips per rule and every finding listed for reading by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [[ ! -d /usr/lib/python3/dist-packages/django || ! -d /usr/lib/python3/dist-packages/numpy ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-django python3-numpy >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release --target pyfaq >/dev/null
out=$(mktemp)
for corpus in /usr/lib/python3.11 /usr/lib/python3/dist-packages "$@"; do
  ./build/release/lsp/pyfaq check --isolated --preview --select ALL "$corpus" 2>/dev/null |
    grep -E '^/' >>"$out" || true
  echo "$corpus: $(grep -c "^$corpus" "$out" || true) findings"
done
echo "per rule:"
grep -oE ': PFQ[0-9]+' "$out" | sort | uniq -c
echo "findings to read: $out"
