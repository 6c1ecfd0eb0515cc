#!/usr/bin/env python3
"""Scores quotation extraction against bench/quotes/gold.jsonl.

    python3 bench/quotes/score.py DYAD_BINARY [--gold FILE] [--verbose]

Runs `DYAD_BINARY analyze` on every gold text and reports, for direct quotations:
  - recall: gold quotations overlapped by a predicted direct or partial quotation;
  - precision: predicted direct quotations that overlap a gold quotation (and, separately,
    direct + partial, where partials on GUM's `<q>` words count as wrong);
  - speaker accuracy: of the gold quotations with a speaker that were found, the share whose
    best-overlapping prediction names the right speaker: the head word (last word, e.g. the
    surname) of a gold name appears among the words of the prediction's speaker strings
    (linked entity name, `speaker_name`, `speaker_text`) or the prediction's head word appears
    in a gold name;
and the same figures for reported speech (`indirect`). Predictions that overlap no gold
quotation but lie in text between marks the gold leaves unannotated are neither right nor
wrong (counted apart). Offsets are code points.
"""
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_gold(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['’]s\b", "", s.lower())
    return re.findall(r"[a-z0-9]+", s)


def head(s):
    ws = fold(s)
    return ws[-1] if ws else None


def speaker_right(gold_speaker, strings):
    names = gold_speaker.get("names") or [gold_speaker.get("text", "")]
    pred_words = set()
    pred_heads = set()
    for s in strings:
        if s:
            pred_words.update(fold(s))
            h = head(s)
            if h:
                pred_heads.add(h)
    for n in names:
        h = head(n)
        if h and h in pred_words:
            return True
        if pred_heads & set(fold(n)) - {"the", "a", "of"}:
            return True
    return False


def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def pred_strings(q, entities):
    e = entities.get(q.get("speaker"))
    return [(e or {}).get("name"), q.get("speaker_name"), q.get("speaker_text")]


def score(gold_docs, predictions, verbose=False):
    """predictions: doc id -> {"quotes": [...], "entities": [...]}."""
    res = {}
    for kind, pred_kinds in (("direct", ("direct", "partial")), ("indirect", ("indirect",))):
        g_total = g_found = p_total = p_right = sp_total = sp_right = 0
        pp_total = pp_right = ignored = 0
        misses, wrong = [], []
        for d in gold_docs:
            pred = predictions.get(d["id"], {"quotes": [], "entities": []})
            ents = {e["id"]: e for e in pred.get("entities") or []}
            preds = [q for q in pred["quotes"] if q.get("kind") in pred_kinds]
            golds = [g for g in d["quotes"] if g["kind"] == kind]
            for g in golds:
                g_total += 1
                hits = [p for p in preds if overlap(p, g) > 0]
                if not hits:
                    misses.append((d["id"], g["text"][:70]))
                    continue
                g_found += 1
                if g.get("speaker"):
                    sp_total += 1
                    best = max(hits, key=lambda p: overlap(p, g))
                    if speaker_right(g["speaker"], pred_strings(best, ents)):
                        sp_right += 1
                    else:
                        wrong.append((d["id"], g["text"][:40], g["speaker"]["names"][:1], pred_strings(best, ents)[1:]))
            main_kind = pred_kinds[0]
            skip = d.get("unannotated", []) if kind == "direct" else []
            for p in preds:
                ok = any(overlap(p, g) > 0 for g in golds)
                if not ok and any(overlap(p, u) > 0 for u in skip):
                    ignored += 1
                    continue
                if p["kind"] == main_kind:
                    p_total += 1
                    p_right += ok
                pp_total += 1
                pp_right += ok
                if not ok and verbose:
                    print(f"  FP {kind} {d['id']}: {p['kind']} {p['text'][:70]!r}")
        r = g_found / g_total if g_total else 0.0
        p = p_right / p_total if p_total else 0.0
        res[kind] = {"gold": g_total, "found": g_found, "recall": r, "predicted": p_total, "precision": p,
                     "precision_with_partial": pp_right / pp_total if pp_total else 0.0,
                     "ignored": ignored, "speaker_total": sp_total, "speaker_right": sp_right,
                     "speaker_accuracy": sp_right / sp_total if sp_total else 0.0}
        if verbose:
            for m in misses:
                print(f"  MISS {kind} {m[0]}: {m[1]!r}")
            for w in wrong:
                print(f"  SPEAKER {kind} {w[0]}: {w[1]!r} gold {w[2]} got {w[3]}")
    return res


def report(name, res, words, seconds):
    for kind in ("direct", "indirect"):
        x = res[kind]
        print(f"{name} {kind:8s} recall {x['recall']:.3f} ({x['found']}/{x['gold']})  "
              f"precision {x['precision']:.3f} (of {x['predicted']}; with partials {x['precision_with_partial']:.3f})  "
              f"speaker {x['speaker_accuracy']:.3f} ({x['speaker_right']}/{x['speaker_total']})"
              + (f"  [{x['ignored']} in unannotated marks]" if x["ignored"] else ""))
    if seconds:
        print(f"{name} speed {words / seconds:,.0f} words/s ({words} words, {seconds:.2f} s)")


def run_dyad(binary, gold_docs):
    preds = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for k, d in enumerate(gold_docs):
            p = Path(tmp) / f"{k:04d}.txt"
            p.write_text(d["text"], encoding="utf-8")
            paths[str(p)] = d
        t0 = time.perf_counter()
        out = subprocess.run([binary, "analyze", tmp], capture_output=True, text=True, check=True).stdout
        seconds = time.perf_counter() - t0
    for line in out.splitlines():
        rec = json.loads(line)
        d = paths.get(rec.get("source", {}).get("path"))
        if d is None:
            continue
        if rec["text"] != d["text"]:
            print(f"warning: {d['id']}: dyad changed the text; quotes scored by text search", file=sys.stderr)
            for q in rec["quotes"]:
                at = d["text"].find(q["text"])
                q["start"], q["end"] = (at, at + len(q["text"])) if at >= 0 else (-1, -1)
        preds[d["id"]] = rec
    return preds, seconds


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    gold_path = HERE / "gold.jsonl"
    if "--gold" in sys.argv:
        gold_path = sys.argv[sys.argv.index("--gold") + 1]
        args = [a for a in args if a != gold_path]
    if not args:
        print(__doc__)
        sys.exit(2)
    gold = load_gold(gold_path)
    preds, seconds = run_dyad(args[0], gold)
    words = sum(len(d["text"].split()) for d in gold)
    res = score(gold, preds, verbose)
    report("dyad", res, words, seconds)


if __name__ == "__main__":
    main()
