#!/usr/bin/env python3
"""Converts the CAMEO codebook facts and the CAMEO->PLOVER table into dyad's data files.

Usage: python3 tools/convert_cameo.py SHARED_DATA_DIR [OUT_DIR]
  SHARED_DATA_DIR holds reference/cameo/CAMEO.eventcodes.txt, reference/cameo/CAMEO.goldsteinscale.txt
  and events/plover/CAMEO2PLOVER-2021.txt. OUT_DIR defaults to data/cameo.

Writes:
  eventcodes.tsv  code <TAB> goldstein <TAB> name      (one line per CAMEO event code)
  plover.tsv      code <TAB> plover type <TAB> mode <TAB> context

Where a row of the conversion table gives a type that the PLOVER reference's own definitions
(events/plover/plover_reference.html) place elsewhere, the reference wins: REFERENCE_TYPES lists
those codes with the definition that decides them.
"""
import os
import sys

# code -> (PLOVER type, the reference's wording that assigns the CAMEO act to that type)
REFERENCE_TYPES = {
    "0813": ("CONCEDE", "CONCEDE: easing of administrative or legal restrictions ..., remove curfews"),
    "0814": ("CONCEDE", "CONCEDE: easing of administrative or legal restrictions on persons and organizations"),
    "163": ("SANCTION", "SANCTION: stop or restrict commercial or other material exchange as a form of protest or punishment"),
    "1712": ("COERCE", "COERCE: modes ... confiscate property, destroy property"),
}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return {r[0].strip(): r[1].strip() for r in rows[1:] if len(r) >= 2 and r[0].strip()}


def main():
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "data/cameo"
    names = read_tsv(os.path.join(src, "reference/cameo/CAMEO.eventcodes.txt"))
    gold = read_tsv(os.path.join(src, "reference/cameo/CAMEO.goldsteinscale.txt"))
    codes = sorted(set(names) | set(gold))
    with open(os.path.join(out, "eventcodes.tsv"), "w", encoding="utf-8") as f:
        f.write("# code\tgoldstein\tname\n")
        for c in codes:
            if c not in names or c not in gold:
                sys.exit(f"code {c} lacks a name or a Goldstein value")
            f.write(f"{c}\t{float(gold[c]):.1f}\t{names[c]}\n")
    rows = []
    with open(os.path.join(src, "events/plover/CAMEO2PLOVER-2021.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line or not line[0].isdigit() or ":" not in line:
                continue
            code, rest = line.split(":", 1)
            parts = [p.strip() for p in rest.split(",")]
            while len(parts) < 3:
                parts.append("")
            ptype, mode, context = parts[0], parts[1], ",".join(parts[2:]).strip()
            context = "; ".join(p.strip() for p in context.split(";") if p.strip())
            code = code.strip()
            if code in REFERENCE_TYPES:
                ptype = REFERENCE_TYPES[code][0]
            rows.append((code, ptype, mode, context))
    seen = set()
    with open(os.path.join(out, "plover.tsv"), "w", encoding="utf-8") as f:
        f.write("# code\tplover\tmode\tcontext\n")
        for r in sorted(rows):
            if r[0] in seen:
                continue
            seen.add(r[0])
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
