#!/usr/bin/env python3
"""Converts the VADER sentiment lexicon into dyad's tone lexicon.

Usage: python3 tools/convert_vader.py VADER_LEXICON_TXT [OUT_TSV]
  VADER_LEXICON_TXT is vaderSentiment/vader_lexicon.txt from the vaderSentiment package
  (PyPI, MIT licence): `pip download --no-deps vaderSentiment==3.3.2`, unzip the wheel.
  OUT_TSV defaults to data/tone/lexicon.tsv.

Keeps single lower-case words (letters, inner apostrophes or hyphens) whose mean human rating
is at least 0.5 away from neutral; emoticons and slang abbreviations are dropped. Each line of
the output is `word <TAB> mean rating` (rating from -4 to +4, as VADER's raters scored it).
"""
import re
import sys

WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
THRESHOLD = 0.5


def main():
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "data/tone/lexicon.tsv"
    kept = {}
    with open(src, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            word, mean = parts[0].strip().lower(), float(parts[1])
            if not WORD.match(word) or abs(mean) < THRESHOLD:
                continue
            kept[word] = mean
    with open(out, "w", encoding="utf-8") as f:
        f.write("# word\tmean rating (-4..+4); converted from the VADER lexicon, see PROVENANCE.md\n")
        for word in sorted(kept):
            f.write(f"{word}\t{kept[word]:.1f}\n")


if __name__ == "__main__":
    main()
