#!/usr/bin/env python3
"""Error analysis of dyad's events on the PLOVER gold sentences (one human-coded event each).

Usage: events_errors.py DYAD_BINARY [--data FILE.json] [--list KIND] [--type T]

Scores the set as `../shared/bench/events_bench.py` does, for the whole set and for its even
and odd halves (by position in the file), then shows where the errors are:
  - per gold PLOVER type: sentences, type found, type+actors found, and the types predicted
    instead when the gold type was missed;
  - extra events: predicted types the gold sentence lacks, counted by type, with the verb
    that triggered them (the evidence span's text);
  - actor errors among sentences whose type was found: wrong or missing source, wrong or
    missing target.
--list misses|extra|actors prints the sentences of one kind (with --type to keep one gold type).
"""
import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "events" / "plover-gsr-dev" / "plover_gsr.json"
SAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def canon(t):
    t = (t or "").upper()
    return SAME.get(t, t)


def codes(actors):
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return set()
    return {str(a.get("code") or "")[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")}


def run(dyad, gold):
    """Analyse each gold sentence as its own text file; return {id: (text, events)}."""
    with tempfile.TemporaryDirectory() as tmp:
        for g in gold:
            Path(tmp, g["id"] + ".txt").write_text(g["text"], encoding="utf-8")
        proc = subprocess.run([dyad, "analyze", tmp], capture_output=True, text=True)
    if proc.returncode:
        sys.stderr.write(proc.stderr[-2000:])
    out = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            rec = json.loads(line)
            out[Path((rec.get("source") or {}).get("path") or "").stem] = (rec.get("text") or "", rec.get("events") or [])
    return out


def judge(g, evs):
    """What happened to one gold sentence: type found, actors right, and the actor errors."""
    gt = canon(g["event"])
    same = [e for e in evs if canon(e.get("plover")) == gt and not e.get("negated")]
    src, tgt = codes(g.get("source")), codes(g.get("target"))

    def src_ok(e):
        return not src or str(e.get("source") or "")[:3] in src

    def tgt_ok(e):
        return not tgt or str(e.get("target") or "")[:3] in tgt

    full = any(src_ok(e) and tgt_ok(e) for e in same)
    errors = []
    if same and not full:
        if not any(src_ok(e) for e in same):
            errors.append("source missing" if all(not e.get("source") for e in same) else "source wrong")
        if not any(tgt_ok(e) for e in same):
            errors.append("target missing" if all(not e.get("target") for e in same) else "target wrong")
        if not errors:
            errors.append("source and target right on different events")
    return gt, bool(same), full, errors


def score(gold, pred):
    n = len(gold)
    type_hit = full_hit = n_pred = pred_ok = 0
    for g in gold:
        evs = pred.get(g["id"], ("", []))[1]
        gt, found, full, _ = judge(g, evs)
        type_hit += found
        full_hit += full
        n_pred += len(evs)
        pred_ok += sum(canon(e.get("plover")) == gt for e in evs)
    return (type_hit / n if n else 0, pred_ok / n_pred if n_pred else 0, full_hit / n if n else 0, n, n_pred)


def evidence(text, e):
    ev = e.get("evidence") or {}
    s, t = ev.get("start"), ev.get("end")
    if isinstance(s, int) and isinstance(t, int):
        return text[s:t]
    return ""


def trigger(span):
    """The first lower-case word of an evidence span that is not a determiner: most often the
    verb or noun that carries the event."""
    for w in span.replace(",", " ").split():
        if w[:1].islower() and w not in ("the", "a", "an", "of", "and", "has", "have", "had", "on"):
            return w
    return span.split(" ")[0] if span else ""


def show(e, text):
    neg = " (negated)" if e.get("negated") else ""
    return f"{e.get('plover')}:{e.get('cameo')} {e.get('source')}->{e.get('target')}{neg} «{evidence(text, e)}»"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--list", choices=["misses", "extra", "actors"])
    ap.add_argument("--type", help="keep one gold PLOVER type in --list")
    args = ap.parse_args()
    gold = json.loads(args.data.read_text(encoding="utf-8"))
    pred = run(args.dyad, gold)

    for name, part in (("all", gold), ("even", gold[0::2]), ("odd", gold[1::2])):
        r, p, f, n, n_pred = score(part, pred)
        print(f"{name:5} type_recall={r:.3f} type_precision={p:.3f} full_recall={f:.3f} n={n} predicted={n_pred}")

    per_type = collections.defaultdict(lambda: [0, 0, 0, collections.Counter()])
    extra = collections.Counter()
    extra_words = collections.defaultdict(collections.Counter)
    actor_errors = collections.Counter()
    listed = []
    for g in gold:
        text, evs = pred.get(g["id"], (g["text"], []))
        gt, found, full, errors = judge(g, evs)
        row = per_type[gt]
        row[0] += 1
        row[1] += found
        row[2] += full
        if not found:
            row[3].update(canon(e.get("plover")) for e in evs) if evs else row[3].update(["(none)"])
        wrong = [e for e in evs if canon(e.get("plover")) != gt]
        for e in wrong:
            extra[canon(e.get("plover"))] += 1
            extra_words[canon(e.get("plover"))][trigger(evidence(text, e))] += 1
        actor_errors.update(errors)
        kind = {"misses": not found, "extra": bool(wrong), "actors": bool(errors)}
        if args.list and kind[args.list] and (not args.type or canon(args.type) == gt):
            listed.append((g, text, evs, errors))

    print("\nby gold type: sentences, type found, type+actors found; predicted instead when missed")
    for t in sorted(per_type, key=lambda t: -per_type[t][0]):
        n, found, full, instead = per_type[t]
        inst = ", ".join(f"{k} {v}" for k, v in instead.most_common(5))
        print(f"  {t:11} {n:3} {found:3} {full:3}   {inst}")
    print(f"\nextra events (type not in the sentence's gold): {sum(extra.values())}; by the word that likely carries them")
    for t, c in extra.most_common():
        words = ", ".join(f"{w} {k}" for w, k in extra_words[t].most_common(6))
        print(f"  {t:11} {c:3}   {words}")
    print("\nactor errors where the type was found:")
    for k, c in actor_errors.most_common():
        print(f"  {k:45} {c:3}")

    for g, text, evs, errors in listed:
        src = sorted(codes(g.get("source")))
        tgt = sorted(codes(g.get("target")))
        print(f"\n{g['id']}: want {canon(g['event'])} {src}->{tgt} {' / '.join(errors)}")
        print(f"  {g['text']}")
        print(f"  gold: {g.get('textInfo', {}).get('markup', '')}")
        for e in evs:
            print(f"  got {show(e, text)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
