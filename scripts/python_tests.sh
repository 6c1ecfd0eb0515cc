#!/usr/bin/env bash
# Builds the Python package into a virtualenv under target/ and runs its tests and the Spark
# job's test. The virtualenv is kept between runs and rebuilt only when the pinned
# requirements change. Needs python3 (3.9 or newer) and, for the Spark test, Java 17.
# Usage: scripts/python_tests.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/python-venv
reqs=crates/dyad-py/requirements-test.txt
if ! cmp -s "$reqs" "$venv/requirements-test.txt" 2>/dev/null; then
    echo "== python venv ($venv)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$reqs"
    cp "$reqs" "$venv/requirements-test.txt"
fi
export VIRTUAL_ENV="$PWD/$venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

echo "== build the dyad package (maturin develop) and the CLI it is compared with"
maturin develop --quiet --manifest-path crates/dyad-py/Cargo.toml
cargo build --quiet --locked -p dyad
# The binary cargo just built: in CARGO_TARGET_DIR when that is set, made absolute.
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
export DYAD_BIN="$target_dir/debug/dyad"

echo "== pytest"
python -m pytest -q -p no:cacheprovider crates/dyad-py/tests examples/spark/tests "$@"
