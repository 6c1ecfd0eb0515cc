#!/usr/bin/env python3
"""Full-pipeline throughput: text in, record out.

Usage: pipeline_bench.py DYAD_BINARY [--articles N] [--words W] [--threads T]

Builds N plain-text articles of about W words each from the bundled example articles
(examples/articles, paragraphs shuffled deterministically so articles differ), runs one
`dyad analyze --threads T` over the folder and reports articles per CPU-second (user + system
time of the dyad process), wall time and peak resident memory.
Last line: 'pipeline: articles=N words=W threads=T articles_per_cpu_s=… wall_s=… peak_rss_mb=…'
"""
import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs():
    out = []
    for f in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8")):
            if len(p.split()) >= 25:
                out.append(" ".join(p.split()))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    paras = paragraphs()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.articles):
            body, n = [], 0
            while n < args.words:
                p = rng.choice(paras)
                body.append(p)
                n += len(p.split())
            Path(tmp, f"{i:06d}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        proc = subprocess.run([args.dyad, "analyze", "--threads", str(args.threads), tmp],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.time() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if proc.returncode:
        sys.stderr.write(proc.stderr[-2000:])
    print(f"pipeline: articles={args.articles} words={args.words} threads={args.threads} "
          f"articles_per_cpu_s={args.articles / cpu:.0f} wall_s={wall:.2f} "
          f"peak_rss_mb={after.ru_maxrss / 1024:.0f}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
