#!/usr/bin/env bash
# Store benchmarks: ingest rate of already-analysed records, `dyad relation` latency on a store
# of 1,000,000 synthetic events, and the field count of the GDELT export.
# Usage: bash bench/store.sh [WORKDIR]   (needs `cargo build --release -p dyad` first)
set -euo pipefail
DYAD=${DYAD:-target/release/dyad}
WORK=${1:-$(mktemp -d)}
mkdir -p "$WORK"
echo "work folder: $WORK"

echo "== ingest of analysed records (20,000 articles, 10 events each)"
"$DYAD" synth --jsonl "$WORK/records.jsonl" --articles 20000 --events 10 --seed 7
rm -f "$WORK/ingest.db"*
/usr/bin/time -f "%e s wall, %M KiB max RSS" "$DYAD" ingest --db "$WORK/ingest.db" --records "$WORK/records.jsonl"
echo "-- again (idempotent: nothing added)"
"$DYAD" ingest --db "$WORK/ingest.db" --records "$WORK/records.jsonl"

echo "== store of 1,000,000 events (100,000 articles x 10 events)"
if [ ! -f "$WORK/big.db" ]; then
  "$DYAD" synth --db "$WORK/big.db" --articles 100000 --events 10 --seed 1
fi
"$DYAD" stats --db "$WORK/big.db"
ls -l "$WORK/big.db"
echo "-- dyad relation latency (whole process, 5 runs each)"
for pair in "ISR AZE" "Armenia Azerbaijan" "USA CHN"; do
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "$pair: %e s" "$DYAD" relation --db "$WORK/big.db" --json $pair > /dev/null
  done
done
echo "-- graph"
/usr/bin/time -f "graph: %e s" "$DYAD" graph --db "$WORK/big.db" > "$WORK/graph.json"

echo "== GDELT export of the 1,000,000 events"
/usr/bin/time -f "export: %e s" "$DYAD" export --db "$WORK/big.db" --format gdelt-events --header --out "$WORK/events.tsv"
echo "rows (with header): $(wc -l < "$WORK/events.tsv")"
echo "fields per row (count: fields):"
awk -F'\t' '{print NF}' "$WORK/events.tsv" | sort | uniq -c
