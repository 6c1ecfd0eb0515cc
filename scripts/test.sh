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

echo "== Python package"
bash scripts/python_tests.sh
