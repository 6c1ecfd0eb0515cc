#!/usr/bin/env python3
"""Print the sentence boundaries dyad gets wrong on the GUM news bench.

Usage: sentence_misses.py DYAD_BINARY [--data DIR] [--bench DIR]
Reuses the text rebuilding and alignment of sentences_bench.py (from --bench, default
../shared/bench beside the repository) and prints, per document, each false boundary (FP)
and each missed gold boundary (FN) with 50 characters of context around it ('|' marks it).
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench"))
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    sys.path.insert(0, str(args.bench))
    import sentences_bench as sb  # noqa: E402

    data = args.data or args.bench.parent / "data" / "ner" / "gum-news-train" / "conllu"
    docs = {f.stem: sb.rebuild(f.read_text(encoding="utf-8")) for f in sorted(data.glob("*.conllu"))}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, _) in docs.items():
            Path(tmp, name + ".txt").write_text(text, encoding="utf-8")
        proc = subprocess.run([args.dyad, "analyze", tmp], capture_output=True, text=True)
    fp = fn = 0
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        name = Path((rec.get("source") or {}).get("path") or "").stem
        if name not in docs:
            continue
        text, gold = docs[name]
        amap = sb.align(text, rec.get("text") or "")
        pred = set()
        for s in (rec.get("sentences") or [])[:-1]:
            e = s.get("end")
            if e is not None and e < len(amap) and amap[e] is not None:
                pred.add(sb.snap(text, amap[e]))
        gold = {sb.snap(text, g) for g in gold}

        def show(kind, i):
            ctx = (text[max(0, i - 50):i] + "|" + text[i:i + 50]).replace("\n", "⏎")
            print(f"{kind} {name}: {ctx}")

        for i in sorted(pred - gold):
            show("FP", i)
            fp += 1
        for i in sorted(gold - pred):
            show("FN", i)
            fn += 1
    print(f"false={fp} missed={fn}")


if __name__ == "__main__":
    main()
