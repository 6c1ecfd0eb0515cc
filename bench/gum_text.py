#!/usr/bin/env python3
"""Write the GUM news texts (rebuilt as sentences_bench.py does) into one file, for the
throughput example: gum_text.py OUT [--bench DIR]."""
import argparse
import sys
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("out", type=Path)
ap.add_argument("--bench", type=Path, default=Path("/work/shared/bench"))
args = ap.parse_args()
sys.path.insert(0, str(args.bench))
import sentences_bench as sb  # noqa: E402

data = args.bench.parent / "data" / "ner" / "gum-news-train" / "conllu"
texts = [sb.rebuild(f.read_text(encoding="utf-8"))[0] for f in sorted(data.glob("*.conllu"))]
args.out.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
