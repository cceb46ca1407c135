#!/usr/bin/env bash
# Golden test of `pyfaq check`: stdout, stderr and exit code of each case against expected/.
# PYFAQ_UPDATE_SNAPSHOTS=1 rewrites the expected files instead of comparing.
set -u
pyfaq=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/project" "$work/project"
cp "$here/../../examples/signals.py" "$work/project/app/service.py"  # the shipped example
cp -r "$here/configured" "$work/configured"
mkdir -p "$work/configured/src" "$work/configured/legacy"  # git keeps no empty folders
cp "$here/../../examples/signals.py" "$work/configured/src/service.py"
cp "$here/../../examples/signals.py" "$work/configured/legacy/old_service.py"
cd "$work" || exit 2

# Folders the walk must skip, each holding a file that would give tips.
for folder in .hidden __pycache__ node_modules venv; do
  mkdir -p "project/$folder/sub"
  cp project/app/service.py "project/$folder/sub/"
done
echo "home = /usr/bin" > project/venv/pyvenv.cfg
ln -s ../app project/app/loop   # a link to a folder is not followed
printf 'x = "caf\xe9"\n' > project/app/latin1.py  # Latin-1: not UTF-8
printf 'import signal\0\n' > project/app/binary.py

passed=0 failed=0
check_case() {
  local name=$1; shift
  "$pyfaq" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
  echo $? >"$work/$name.code"
  local ok=1
  for part in stdout stderr code; do
    local expected="$here/expected/$name.$part"
    if [[ -n ${PYFAQ_UPDATE_SNAPSHOTS:-} ]]; then
      cp "$work/$name.$part" "$expected"
    elif ! diff -u "$expected" "$work/$name.$part"; then
      ok=0
    fi
  done
  if ((ok)); then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

check_case folder_concise check project
check_case folder_full check --format full project/app
check_case folder_json check --format json project
check_case clean_file check project/app/clean.py
check_case missing_path check project/app/clean.py project/no/such/path
check_case not_python check project/README.txt project/app/clean.py
check_case shebang_script check project/tool
check_case one_job check -j 1 project/app
check_case docs_version check --docs-version 3.13 project/app/stubs.pyi
check_case bad_format check --format xml project
check_case bad_docs_version check --docs-version '3.11/../../evil' project
check_case faq_info faq info
check_case faq_search faq search "delete file" -n 3
check_case faq_search_json faq search --json -n 2 gil
check_case faq_search_nothing faq search zzqqxx
check_case faq_show_unknown faq show library#no-such-question
check_case faq_explicit_docs_missing faq --docs /no/such/docs search -n 1 "signal handler"
check_case sarif check --format sarif project/app
check_case configured_project check --format json configured
check_case configured_isolated check --isolated configured/legacy
check_case docs_version_over_project check --docs-version 3.13 configured/src
mkdir -p versioned/pinned
cp "$here/../../examples/signals.py" versioned/pinned/service.py
cp "$here/../../examples/signals.py" versioned/loose.py
printf '3.10.4\n' > versioned/pinned/.python-version
check_case python_version_file check versioned
check_case mixed_versions_sarif check --format sarif versioned
check_case explicit_config check --config "$here/ignoring.toml" project/app
check_case missing_config check --config no/such/pyproject.toml project/app
check_case select_from_command_line check --select PFQ3 --ignore PFQ301 project/app
check_case unknown_selector check --select PFQ999 project/app
check_case rules rules
check_case explain explain signal-handler-arity
check_case explain_unknown explain PFQ999
check_case no_subcommand
check_case version --version

echo "$passed passed, $failed failed"
((failed == 0))
