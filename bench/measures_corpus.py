#!/usr/bin/env python3
"""Writes a large plain text for the measures benchmark: the gold article bodies of the
extraction benchmark (98 news articles), paragraphs separated by blank lines, repeated.

Usage: python3 bench/measures_corpus.py OUT.txt [REPEAT] [GROUND_TRUTH_JSON]
"""
import json
import sys

out = sys.argv[1]
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 10
gt = sys.argv[3] if len(sys.argv) > 3 else "../shared/data/extraction/aeb-dev/ground-truth.json"
with open(gt, encoding="utf-8") as f:
    bodies = [v.get("articleBody") or "" for _, v in sorted(json.load(f).items())]
paras = []
for b in bodies:
    paras.extend(p.strip() for p in b.split("\n") if p.strip())
with open(out, "w", encoding="utf-8") as f:
    for _ in range(repeat):
        f.write("\n\n".join(paras))
        f.write("\n\n")
