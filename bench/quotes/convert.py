#!/usr/bin/env python3
"""Builds the quotation gold set (bench/quotes/gold.jsonl) from two sources.

GUM news (CoNLL-U, ../shared/data/ner/gum-news-train/conllu):
  - direct quotations are the `<quote>` elements of the XML column (TEI markup); contiguous
    elements separated only by spaces are merged (GUM closes a `<quote>` at each sentence end);
    `<quote>` elements with no quotation mark at their edges are block quotations set off by
    layout and are left out (plain text does not show them);
  - GUM does not mark every quotation with `<quote>`: text between paired double marks whose
    tokens lie (at least half) in the content EDU of an attribution relation is a direct
    quotation too, with that attribution's speaker; other text between marks that is neither
    `<quote>` nor `<q>` is kept as `unannotated` (the scorer neither rewards nor penalises
    predictions there);
  - `<q>` elements are quoted words that are not quotations (titles, scare quotes, mentions);
    they are kept as `not_quotes`;
  - speakers come from the eRST discourse relations `attribution-positive/negative:S->T`: the
    relation's `sem-atsrc` signal lists the speaker's tokens (document-wide token numbers,
    counted from 1); a quotation takes the attribution whose target EDU lies in it or is an
    ancestor of one of its EDUs inside another quotation (it continues that quotation);
    a speaker whose entity has no proper-noun mention keeps its own words as the name;
  - the speaker's acceptable names are the Wikipedia identity of its coreference entity and
    every mention of that entity that contains a proper noun (so "he" is gold-resolved to
    "Najib Razak");
  - attributions whose content EDU is outside every quotation are reported speech (`indirect`),
    the content being the target EDU.
textacy's direct-quotation tests (../shared/data/quotes/textacy-tests): content and speaker as
given; a pronoun speaker is resolved to the first capitalised word before the first quotation
(when there is none, the pronoun itself is the gold speaker).

Offsets in the output are code points into `text`.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GUM = SHARED / "data/ner/gum-news-train/conllu"
TEXTACY = SHARED / "data/quotes/textacy-tests/direct_quotations.jsonl"
MARKS = set('"“”‘’\'«»')
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their"}


def misc_fields(misc):
    out = {}
    if misc == "_":
        return out
    for part in misc.split("|"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def parse_doc(path):
    """Tokens with character offsets, paragraphs, EDUs, relations, entities, XML elements."""
    text_parts, toks = [], []
    pos = 0
    para_started = False
    first_sentence = True
    sent_text = None
    sent_cursor = 0
    sent_base = 0
    open_xml = {"quote": [], "q": []}
    spans = {"quote": [], "q": []}
    ent_open = {}
    mentions = []  # (entity_id, first_tok, last_tok)
    ent_info = {}
    edus = []  # (edu_id, first_tok)
    rels = []  # (rel, src, tgt, signals)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            if line.startswith("# newpar_block"):
                continue
            para_started = True
            continue
        if line.startswith("# text = "):
            sent_text = line[len("# text = "):]
            sep = "" if first_sentence else ("\n\n" if para_started else " ")
            text_parts.append(sep)
            pos += len(sep)
            sent_base = pos
            text_parts.append(sent_text)
            pos += len(sent_text)
            sent_cursor = 0
            para_started = False
            first_sentence = False
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        found = sent_text.find(form, sent_cursor)
        if found < 0:
            found = sent_cursor
        start = sent_base + found
        end = start + len(form)
        sent_cursor = found + len(form)
        i = len(toks) + 1  # document token number, from 1
        toks.append({"form": form, "upos": cols[3], "start": start, "end": end})
        misc = misc_fields(cols[9])
        disc = misc.get("Discourse")
        if disc:
            for rel in disc.split(";"):
                m = re.match(r"([^:]+):(\d+)(?:->(\d+))?(?::\d+)?(?::(.*))?", rel)
                if m:
                    edus.append((int(m.group(2)), i)) if not any(e[0] == int(m.group(2)) for e in edus[-1:]) else None
                    if m.group(3):
                        rels.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4) or ""))
        ent = misc.get("Entity")
        if ent:
            for m in re.finditer(r"\(([^()]+)(\)?)|(\d+)\)", ent):
                if m.group(1):
                    fields = m.group(1).split("-", 7)
                    eid = fields[0]
                    ent_info.setdefault(eid, {"type": fields[1] if len(fields) > 1 else "",
                                               "identity": fields[7] if len(fields) > 7 else ""})
                    if len(fields) > 7 and fields[7]:
                        ent_info[eid]["identity"] = fields[7]
                    if m.group(2):
                        mentions.append((eid, i, i))
                    else:
                        ent_open.setdefault(eid, []).append(i)
                else:
                    eid = m.group(3)
                    if ent_open.get(eid):
                        mentions.append((eid, ent_open[eid].pop(), i))
        xml = misc.get("XML")
        if xml:
            for tag in re.findall(r"</?[a-z]+", xml):
                name = tag.lstrip("</")
                if name not in open_xml:
                    continue
                if tag.startswith("</"):
                    if open_xml[name]:
                        spans[name].append((open_xml[name].pop(), i))
                else:
                    open_xml[name].append(i)
    return "".join(text_parts), toks, edus, rels, mentions, ent_info, spans


def tok_range(signal, key):
    m = re.search(key + r"-([\d,\-]+)", signal)
    if not m:
        return []
    out = []
    for part in m.group(1).split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            if a.isdigit() and b.isdigit():
                out.extend(range(int(a), int(b) + 1))
        elif part.isdigit():
            out.append(int(part))
    return out


def gum_doc(path):
    text, toks, edus, rels, mentions, ent_info, spans = parse_doc(path)
    n = len(toks)
    edus.sort(key=lambda e: e[1])
    edu_tok = {}  # edu -> (first tok, last tok)
    for k, (eid, first) in enumerate(edus):
        last = edus[k + 1][1] - 1 if k + 1 < len(edus) else n
        edu_tok[eid] = (first, last)
    parent = {}
    for rel, s, t, _ in rels:
        parent.setdefault(s, t)

    def edus_in(a, b):
        return [e for e, (f, l) in edu_tok.items() if f <= b and l >= a]

    def is_mark(i):
        return 1 <= i <= n and toks[i - 1]["form"] in MARKS

    # Merge contiguous <quote> elements.
    qs = sorted(spans["quote"])
    merged = []
    for a, b in qs:
        if merged and a == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    ent_mentions = {}
    for eid, a, b in mentions:
        ent_mentions.setdefault(eid, []).append((a, b))

    def speaker_of(tok_ids):
        if not tok_ids:
            return None
        lo, hi = min(tok_ids), max(tok_ids)
        best = None
        for eid, a, b in mentions:
            if a <= lo and hi <= b or (lo <= a and b <= hi):
                size = b - a
                if best is None or abs(size - (hi - lo)) < abs(best[1] - (hi - lo)):
                    best = (eid, size)
        surface = text[toks[lo - 1]["start"]:toks[hi - 1]["end"]]
        names = []
        kind = ""
        if best:
            eid = best[0]
            info = ent_info.get(eid, {})
            kind = info.get("type", "")
            if info.get("identity"):
                names.append(info["identity"].replace("_", " "))
            for a, b in ent_mentions.get(eid, []):
                if any(toks[i - 1]["upos"] == "PROPN" for i in range(a, b + 1)):
                    names.append(text[toks[a - 1]["start"]:toks[b - 1]["end"]])
            if not names:
                for a, b in ent_mentions.get(eid, []):
                    m = text[toks[a - 1]["start"]:toks[b - 1]["end"]]
                    if m.lower() not in PRONOUNS:
                        names.append(m)
        if not names:
            names.append(surface)
        seen = []
        for x in names:
            if x not in seen:
                seen.append(x)
        return {"text": surface, "names": seen, "kind": kind}

    attributions = []  # (target edu, speaker)
    for rel, s, t, sig in rels:
        if rel.startswith("attribution"):
            attributions.append((t, s, speaker_of(tok_range(sig, "sem-atsrc"))))

    def ancestors(e):
        out = []
        for _ in range(8):
            if e in parent:
                e = parent[e]
                out.append(e)
            else:
                break
        return out

    def in_quote(e):
        f, l = edu_tok.get(e, (0, -1))
        return any(a <= f and l <= b for a, b in merged)

    # Spans between paired double quotation marks, per paragraph (GUM keeps marks as tokens).
    paired = []
    para_of = [0] * (n + 2)
    para = 0
    for i in range(1, n + 1):
        if i > 1 and "\n\n" in text[toks[i - 2]["end"]:toks[i - 1]["start"]]:
            para += 1
        para_of[i] = para
    opened = None
    for i in range(1, n + 1):
        if opened and para_of[i] != para_of[opened]:
            opened = None
        if toks[i - 1]["form"] in ('"', "“", "”"):
            if opened is None:
                opened = i
            else:
                paired.append((opened, i))
                opened = None
    target_toks = set()
    target_speaker = {}
    for t, s, sp in attributions:
        if t in edu_tok:
            f, l = edu_tok[t]
            for i in range(f, l + 1):
                target_toks.add(i)
                target_speaker.setdefault(i, sp)
    covered = merged + sorted(spans["q"])
    extra, dont_care = [], []
    for a, b in paired:
        if b - a < 2 or any(x <= b and y >= a for x, y in covered):
            continue
        inner = range(a + 1, b)
        attributed = [i for i in inner if i in target_toks]
        if len(attributed) * 2 >= len(inner):
            extra.append((a, b, target_speaker.get(attributed[0])))
        else:
            dont_care.append((a, b))

    quotes, quoted_edus, left_out = [], set(), 0
    for a, b, sp in extra:
        start, end = toks[a]["start"], toks[b - 2]["end"]
        quoted_edus.update(edus_in(a, b))
        quotes.append({"kind": "direct", "start": start, "end": end, "text": text[start:end],
                       "speaker": sp, "from": "attributed marks"})
    for a, b in merged:
        if not (is_mark(a) or is_mark(a - 1) or is_mark(b) or is_mark(b + 1)):
            left_out += 1
            continue
        inner_a = a + 1 if is_mark(a) else a
        inner_b = b - 1 if is_mark(b) else b
        if inner_b < inner_a:
            continue
        q_edus = edus_in(a, b)
        quoted_edus.update(e for e in q_edus)
        speaker = None
        for t, s, sp in attributions:
            if s not in q_edus and t in q_edus:
                speaker = sp
                break
        if speaker is None:
            # A quotation whose EDUs hang from an attributed EDU of another quotation
            # continues that quotation's speaker.
            for t, s, sp in attributions:
                if s not in q_edus and in_quote(t) and any(t in ancestors(e) for e in q_edus):
                    speaker = sp
                    break
        start, end = toks[inner_a - 1]["start"], toks[inner_b - 1]["end"]
        quotes.append({"kind": "direct", "start": start, "end": end, "text": text[start:end], "speaker": speaker})
    quoted_toks = [(x["start"], x["end"]) for x in quotes]
    for t, s, sp in attributions:
        if t in quoted_edus or t not in edu_tok:
            continue
        f, l = edu_tok[t]
        ts, te = toks[f - 1]["start"], toks[l - 1]["end"]
        if any(qs < te and ts < qe for qs, qe in quoted_toks):
            continue
        start, end = toks[f - 1]["start"], toks[l - 1]["end"]
        quotes.append({"kind": "indirect", "start": start, "end": end, "text": text[start:end], "speaker": sp})
    not_quotes = []
    for a, b in sorted(spans["q"]):
        start, end = toks[a - 1]["start"], toks[b - 1]["end"]
        not_quotes.append({"start": start, "end": end, "text": text[start:end]})
    unannotated = []
    for a, b in dont_care:
        start, end = toks[a]["start"], toks[b - 2]["end"]
        unannotated.append({"start": start, "end": end, "text": text[start:end]})
    quotes.sort(key=lambda q: q["start"])
    return {"id": path.stem, "source": "gum", "text": text, "quotes": quotes,
            "not_quotes": not_quotes, "unannotated": unannotated}, left_out


def textacy_docs():
    for k, line in enumerate(TEXTACY.read_text(encoding="utf-8").splitlines()):
        case = json.loads(line)
        text = case["text"]
        quotes = []
        for e in case["expected"]:
            content = e["content"]
            start = text.find(content)
            inner = content.strip('"“”')
            start = text.find(inner, max(start, 0))
            spk = " ".join(e["speaker_tokens"])
            names = [t for t in e["speaker_tokens"] if t.lower() not in PRONOUNS]
            if not names:
                m = re.match(r"[^\"“]*?\b([A-Z][a-z]+)\b", text)
                names = [m.group(1)] if m else [spk]
            quotes.append({"kind": "direct", "start": start, "end": start + len(inner), "text": inner,
                           "speaker": {"text": spk, "names": names, "kind": "person"}})
        yield {"id": f"textacy-{k + 1}", "source": "textacy", "text": text, "quotes": quotes, "not_quotes": []}


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("gold.jsonl")
    docs, left = [], 0
    for path in sorted(GUM.glob("*.conllu")):
        d, lo = gum_doc(path)
        left += lo
        docs.append(d)
    docs.extend(textacy_docs())
    with out.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    direct = sum(1 for d in docs for q in d["quotes"] if q["kind"] == "direct")
    spk = sum(1 for d in docs for q in d["quotes"] if q["kind"] == "direct" and q["speaker"])
    ind = sum(1 for d in docs for q in d["quotes"] if q["kind"] == "indirect")
    nq = sum(len(d["not_quotes"]) for d in docs)
    print(f"{len(docs)} docs: {direct} direct ({spk} with speaker), {ind} indirect, {nq} not-quotes; "
          f"{left} block quotations without marks left out", file=sys.stderr)


if __name__ == "__main__":
    main()
