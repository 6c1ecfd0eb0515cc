#!/usr/bin/env bash
# Runs every check the project keeps green: formatting, lints, and all tests.
# Usage: scripts/test.sh   (from anywhere inside the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked

# A short run of the smoke fuzzer on every target, two at a time (DYAD_FUZZ_SECONDS per
# target; 0 skips). Any panic or input over the time limit fails the run; the input is saved
# under target/fuzz-smoke/. Long coverage-guided runs: see docs/fuzzing.md.
echo "== smoke fuzzing (${DYAD_FUZZ_SECONDS:-60} s per target)"
cargo run --quiet --locked -p dyad-fuzz -- --seconds "${DYAD_FUZZ_SECONDS:-60}" --jobs 2 all

echo "== browser test (web UI in chromium)"
bash scripts/browser-test.sh

echo "== Python package and Spark job"
bash scripts/python_tests.sh
