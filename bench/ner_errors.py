#!/usr/bin/env python3
"""List dyad's entity-mention errors on GUM news, grouped by cause, and score even/odd halves.

Usage: bench/ner_errors.py DYAD_BINARY [--shared DIR] [--half even|odd] [--quiet]

Uses the scorer of DIR/bench/ner_bench.py (head match). A false positive is a predicted
mention that covers no compatible gold head; its cause is one of
  not-gold   it overlaps no gold mention at all (a common word, a product, a title, ...)
  wrong-type it covers a gold head of an incompatible type
  boundary   it overlaps a gold mention without covering its head
A false negative is a gold mention whose head no compatible prediction covers:
  missed     no prediction overlaps it
  wrong-type a prediction covers its head with an incompatible type
  boundary   a prediction overlaps it without covering the head
Each error line shows the kind, the text and a little context. The last lines give P, R and F1
for all documents and for the even- and odd-numbered ones (0-based, in file order).
"""
import argparse
import collections
import importlib.util
import json
import sys
from pathlib import Path


def load_bench(shared):
    spec = importlib.util.spec_from_file_location("ner_bench", shared / "bench" / "ner_bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def context(text, s, e, width=40):
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"{left}[{text[s:e]}]{right}"


def classify(doc, preds, compat):
    """(false positives, false negatives) as (cause, kind, start, end) tuples."""
    toks = doc["tokens"]
    gold = [(toks[g["tok_start"]]["start"], toks[g["tok_end"] - 1]["end"],
             toks[g["head"]]["start"], toks[g["head"]]["end"], g["type"]) for g in doc["entities"]]
    fps, fns = [], []
    for s, e, k in preds:
        if any(s <= hs and he <= e and gt in compat[k] for _, _, hs, he, gt in gold):
            continue
        if any(s <= hs and he <= e for _, _, hs, he, _ in gold):
            cause = "wrong-type"
        elif any(s < ge and gs < e for gs, ge, _, _, _ in gold):
            cause = "boundary"
        else:
            cause = "not-gold"
        fps.append((cause, k, s, e))
    for gs, ge, hs, he, gt in gold:
        if any(s <= hs and he <= e and gt in compat[k] for s, e, k in preds):
            continue
        if any(s <= hs and he <= e for s, e, _ in preds):
            cause = "wrong-type"
        elif any(s < ge and gs < e for s, e, _ in preds):
            cause = "boundary"
        else:
            cause = "missed"
        fns.append((cause, gt, gs, ge))
    return fps, fns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    ap.add_argument("--half", choices=["even", "odd"])
    ap.add_argument("--quiet", action="store_true", help="scores only")
    args = ap.parse_args()
    bench = load_bench(args.shared)
    data = args.shared / "data" / "ner" / "gum-news-train" / "gum_news_ner.jsonl"
    docs = [json.loads(l) for l in data.read_text(encoding="utf-8").splitlines() if l.strip()]
    preds, _, _ = bench.dyad_predictions(args.dyad, docs)
    halves = {"even": docs[0::2], "odd": docs[1::2]}
    shown = halves[args.half] if args.half else docs
    if not args.quiet:
        groups = collections.defaultdict(list)
        for d in shown:
            fps, fns = classify(d, preds.get(d["doc"], []), bench.COMPAT)
            for cause, kind, s, e in fps:
                groups[f"FP {cause}"].append((kind, d["doc"], context(d["text"], s, e)))
            for cause, kind, s, e in fns:
                groups[f"FN {cause}"].append((kind, d["doc"], context(d["text"], s, e)))
        for name in sorted(groups, key=lambda g: -len(groups[g])):
            rows = sorted(groups[name])
            print(f"== {name}: {len(rows)}")
            for kind, doc, ctx in rows:
                print(f"  {kind:6} {doc.removeprefix('GUM_news_'):12} {ctx}")
    for label, part in [("all", docs), ("even", halves["even"]), ("odd", halves["odd"])]:
        p, r, f = bench.score(part, preds)
        print(f"{label}: F1={f:.3f} P={p:.3f} R={r:.3f} docs={len(part)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
