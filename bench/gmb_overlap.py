#!/usr/bin/env python3
"""Overlap F1 of dyad's entity mentions on the held-out part of the GMB silver set.

Usage: bench/gmb_overlap.py DYAD_BINARY [--shared DIR] [--sentences N] [--list fp|fn|both]
The last 20% of the sentences of DIR/data/ner/gmb-dev/ner_dataset.csv.gz (the part that
tools/train_name_lexicon.py does not count) are grouped 25 to a document, written as plain text
files (one sentence per paragraph) and analysed with `dyad analyze`. A predicted mention is
correct when it overlaps a gold name of a compatible type; a gold name is found when some
compatible prediction overlaps it. Gold types: per, org, geo, gpe (tim, art, eve, nat ignored).
Compatible: person-per; organization/group-org; country-gpe/geo/org; place-geo/gpe.
--list prints the spurious predictions (fp: kind, text and context, with the gold type the span
overlaps when it has the wrong type) and the missed gold names (fn), sorted by text.
Last line: 'gmb: F1=… P=… R=… sentences=N'
"""
import argparse
import csv
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

COMPAT = {"person": {"per"}, "organization": {"org"}, "group": {"org"},
          "country": {"gpe", "geo", "org"}, "place": {"geo", "gpe"}}
PER_DOC = 25


def sentences(path):
    sent = []
    with gzip.open(path, "rt", encoding="latin-1") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if len(row) < 4:
                continue
            if row[0].startswith("Sentence") and sent:
                yield sent
                sent = []
            sent.append((row[1], row[3]))
    if sent:
        yield sent


def to_doc(sents):
    """Text (one sentence per paragraph) and gold spans (start, end, type) in characters."""
    text, gold = [], []
    pos = 0
    for sent in sents:
        cur = None
        for w, tag in sent:
            if text and not text[-1].endswith("\n\n") and pos > 0:
                text.append(" ")
                pos += 1
            s = pos
            text.append(w)
            pos += len(w)
            t = tag.split("-", 1)[-1]
            if tag.startswith("B-") and t in ("per", "org", "geo", "gpe"):
                cur = [s, pos, t]
                gold.append(cur)
            elif tag.startswith("I-") and cur is not None and cur[2] == t:
                cur[1] = pos
            else:
                cur = None
        text.append("\n\n")
        pos += 2
    return "".join(text), [tuple(g) for g in gold]


def context(text, s, e, width=40):
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"{left}[{text[s:e]}]{right}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    ap.add_argument("--sentences", type=int, default=4000)
    ap.add_argument("--list", choices=["fp", "fn", "both"])
    args = ap.parse_args()
    sents = list(sentences(args.shared / "data" / "ner" / "gmb-dev" / "ner_dataset.csv.gz"))
    held = sents[int(len(sents) * 0.8):][: args.sentences]
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(0, len(held), PER_DOC):
            name = f"gmb{n:06d}"
            text, gold = to_doc(held[n:n + PER_DOC])
            docs[name] = (text, gold)
            Path(tmp, name + ".txt").write_text(text, encoding="utf-8")
        proc = subprocess.run([args.dyad, "analyze", tmp], capture_output=True, text=True)
    tp_p = n_p = tp_g = n_g = 0
    listed = []
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        name = Path((rec.get("source") or {}).get("path") or "").name.removesuffix(".txt")
        if name not in docs:
            continue
        text, gold = docs[name]
        if rec.get("text") != text.strip():
            offset = text.find(rec.get("text", "")[:50])
        else:
            offset = 0
        preds = [(m["start"] + offset, m["end"] + offset, e["kind"])
                 for e in rec.get("entities") or [] for m in e.get("mentions") or []]
        for s, e, k in preds:
            n_p += 1
            ok = any(s < ge and gs < e and gt in COMPAT.get(k, ()) for gs, ge, gt in gold)
            tp_p += ok
            if not ok and args.list in ("fp", "both"):
                over = ",".join(gt for gs, ge, gt in gold if s < ge and gs < e) or "-"
                listed.append(("FP", k, over, context(text, s, e)))
        for gs, ge, gt in gold:
            n_g += 1
            ok = any(s < ge and gs < e and gt in COMPAT.get(k, ()) for s, e, k in preds)
            tp_g += ok
            if not ok and args.list in ("fn", "both"):
                over = ",".join(k for s, e, k in preds if s < ge and gs < e) or "-"
                listed.append(("FN", gt, over, context(text, gs, ge)))
    for row in sorted(listed, key=lambda r: (r[0], r[3].split("[", 1)[1])):
        print("  ".join(row))
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gmb: F1={f:.3f} P={p:.3f} R={r:.3f} sentences={len(held)}")
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
