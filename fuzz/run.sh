#!/usr/bin/env bash
# Long libFuzzer runs of every target at once, at the lowest CPU priority.
# Usage: fuzz/run.sh SECONDS [EXTRA_SEED_DIR...]   (from the repository root)
# Builds the targets (stable toolchain with RUSTC_BOOTSTRAP=1, no sanitizer: the code under
# test is safe Rust, so coverage and debug assertions are what count), writes the seed corpus
# from the repository's fixtures (plus any extra page folders), and runs each target for
# SECONDS; logs in fuzz/logs/, findings in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?seconds per target}
shift
extra=()
for d in "$@"; do extra+=(--seeds "$d"); done
cargo run --quiet -p dyad-fuzz -- --write-corpus fuzz/corpus "${extra[@]}"
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz build -s none --debug-assertions
mkdir -p logs
targets=(html text warc feed jsonl analyze)
for t in "${targets[@]}"; do
  mkdir -p "artifacts/$t"
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run -s none --debug-assertions "$t" -- \
    -max_total_time="$secs" -max_len=16384 -timeout=60 -report_slow_units=5 -rss_limit_mb=2048 \
    -dict=dyad.dict -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
    > "logs/$t.log" 2>&1 &
done
wait
for t in "${targets[@]}"; do
  echo "$t: $(grep -E '^Done|stat::number_of_executed_units' "logs/$t.log" | tr '\n' ' ')" \
    "corpus $(find "corpus/$t" -type f | wc -l) files," \
    "findings $(find "artifacts/$t" -type f | wc -l)"
done
