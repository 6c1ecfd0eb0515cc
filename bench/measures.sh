#!/bin/sh
# Throughput of amounts + dates + tone + themes on a large text (see docs/benchmarks/measures.md).
set -e
cd "$(dirname "$0")/.."
python3 bench/measures_corpus.py /tmp/dyad-measures-corpus.txt "${1:-10}" "${SHARED:-../shared}/data/extraction/aeb-dev/ground-truth.json"
cargo run --release -q -p dyad-code --example measures_bench -- /tmp/dyad-measures-corpus.txt 5
