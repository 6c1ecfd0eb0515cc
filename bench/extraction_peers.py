#!/usr/bin/env python3
"""Runs trafilatura (Python, pip) and dyad on the same benchmark pages in one run and prints
F1 (the benchmark's own metric, ../shared/bench/score_aeb.py) and pages per CPU-second for both.

Usage: python3 bench/extraction_peers.py [DYAD_BINARY] [--data DIR] [--venv DIR]
  DYAD_BINARY  default target/release/dyad
  DIR          default ../shared/data/extraction/aeb-dev
  --venv       where trafilatura 2.3.1 is installed (created with pip when absent);
               default target/peers-venv

trafilatura runs with favor_precision=True in a child process timed by its own CPU clock
(parsing and extraction only); dyad runs as `dyad analyze FOLDER` (user+system CPU time of
the whole process, the same measure as extraction_bench.py).
"""
import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = ROOT.parent / "shared" / "bench"

PEER = r'''
import json, sys, time
from pathlib import Path
import trafilatura
folder = Path(sys.argv[1])
pages = sorted(folder.glob("*.html"))
texts = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in pages}
t0 = time.process_time()
out = {k: trafilatura.extract(v, favor_precision=True) or "" for k, v in texts.items()}
cpu = time.process_time() - t0
print(json.dumps({"cpu": cpu, "out": out}))
'''


def ensure_venv(venv: Path) -> Path:
    py = venv / "bin" / "python3"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    ok = subprocess.run([str(py), "-c", "import trafilatura, lxml_html_clean"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "trafilatura==2.3.1", "lxml_html_clean"], check=True)
    return py


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad", nargs="?", default=str(ROOT / "target" / "release" / "dyad"))
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "extraction" / "aeb-dev")
    ap.add_argument("--venv", type=Path, default=ROOT / "target" / "peers-venv")
    args = ap.parse_args()
    sys.path.insert(0, str(SHARED_BENCH))
    import score_aeb  # noqa: E402

    gt = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    manifest = [l.split("\t") for l in (args.data / "manifest.tsv").read_text().splitlines() if l.strip()]
    py = ensure_venv(args.venv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for row in manifest:
            (tmp / f"{row[0]}.html").write_bytes(gzip.decompress((args.data / row[1]).read_bytes()))
        peer = subprocess.run([str(py), "-c", PEER, str(tmp)], capture_output=True, text=True)
        if peer.returncode != 0:
            sys.stderr.write(peer.stderr[-2000:])
            return 1
        res = json.loads(peer.stdout)
        rows.append(("trafilatura 2.3.1", res["out"], res["cpu"]))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([args.dyad, "analyze", str(tmp)], capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        pred = {}
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                pred[Path(rec["source"]["path"]).stem] = rec.get("text") or ""
        rows.append(("dyad", pred, cpu))
    n = len(manifest)
    for name, pred, cpu in rows:
        m, _ = score_aeb.evaluate(gt, pred, 200, random.Random(0))
        print(f"{name:<20} F1={m['f1']:.3f} P={m['precision']:.3f} R={m['recall']:.3f} "
              f"pages={n} pages_per_cpu_s={n / cpu if cpu else float('nan'):.0f}")


if __name__ == "__main__":
    sys.exit(main())
