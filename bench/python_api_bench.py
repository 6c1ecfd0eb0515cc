#!/usr/bin/env python3
"""The Python package's throughput against the CLI's, on the same pages, per CPU-second.

Usage: python_api_bench.py DYAD_BINARY --python PY [--pages N]

PY is a Python with the `dyad` package installed (for speed, a release build:
`pip install ./crates/dyad-py[arrow]`). The pages are the extraction benchmark's HTML
(../shared/data/extraction/aeb-dev) repeated to N, as in python_stack_bench.py. Three runs,
one thread each: `dyad analyze` on the folder; `dyad.analyze()` page by page, into dicts;
`dyad.analyze_batch()` in batches of 256, into Arrow record batches. The Python runs count
the whole process (interpreter, imports, reading files) and, separately, the analysis loop.
Rates count every page given (as python_stack_bench.py does). Last lines: "cli: …",
"analyze: …", "analyze_batch: …" with articles per CPU-second.
"""
import argparse
import json
import resource
import subprocess
import sys
import tempfile

from python_stack_bench import run_dyad, write_pages

API = r'''
import json, resource, sys, time
t0 = resource.getrusage(resource.RUSAGE_SELF)
from pathlib import Path
import dyad
mode, folder = sys.argv[1], Path(sys.argv[2])
pages = [f.read_bytes() for f in sorted(folder.iterdir())]

def cpu(r):
    return r.ru_utime + r.ru_stime

t1 = resource.getrusage(resource.RUSAGE_SELF)
articles = events = 0
if mode == "analyze":
    for page in pages:
        rec = dyad.analyze(page)
        articles += 1
        events += len(rec["events"])
else:
    import pyarrow
    for i in range(0, len(pages), 256):
        b = dyad.analyze_batch(pages[i:i + 256])
        articles += b.articles.num_rows
        events += b.events.num_rows
t2 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"articles": articles, "events": events, "loop_cpu": cpu(t2) - cpu(t1),
                  "peak_rss_mb": t2.ru_maxrss / 1024}))
'''


def run_api(python, mode, folder):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([python, "-c", API, mode, folder], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(proc.stderr[-3000:])
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["cpu"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--python", required=True)
    ap.add_argument("--pages", type=int, default=980)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_pages(tmp, args.pages)
        d = run_dyad(args.dyad, tmp, args.pages)
        print(f"cli: pages={args.pages} articles_per_cpu_s={args.pages / d['cpu']:.1f} "
              f"peak_rss_mb={d['peak_rss_mb']:.0f}")
        for mode in ("analyze", "analyze_batch"):
            r = run_api(args.python, mode, tmp)
            print(f"{mode}: pages={args.pages} articles={r['articles']} events={r['events']} "
                  f"articles_per_cpu_s={args.pages / r['cpu']:.1f} "
                  f"(analysis loop alone {args.pages / r['loop_cpu']:.1f}) "
                  f"peak_rss_mb={r['peak_rss_mb']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
