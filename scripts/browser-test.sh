#!/usr/bin/env bash
# Runs the web UI's end-to-end test (tests/browser) in Debian's chromium against target/debug/dyad.
# With CI=true a missing node, npm or chromium is an error; elsewhere the test is skipped with a
# message saying what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_bin="${CHROMIUM_BIN:-/usr/bin/chromium}"
missing=()
command -v node >/dev/null 2>&1 || missing+=(node)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x "$chromium_bin" ] || missing+=("chromium ($chromium_bin)")
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${CI:-}" = true ]; then
    echo "browser test: missing ${missing[*]}" >&2
    exit 1
  fi
  echo "browser test SKIPPED: missing ${missing[*]} (apt-get install chromium nodejs npm)"
  exit 0
fi

if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi
cargo build --locked -p dyad
# The binary cargo just built: in CARGO_TARGET_DIR when that is set, made absolute.
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
export DYAD_BIN="$target_dir/debug/dyad" CHROMIUM_BIN="$chromium_bin"
cd tests/browser
node --test ui.test.mjs
