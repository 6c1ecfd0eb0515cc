"""Helpers the Python tests share (the package's and the Spark job's): where the repository
and its example pages are, the WARC generator, and the CLI's records to compare with."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "examples" / "articles"
sys.path.insert(0, str(ROOT / "examples" / "spark"))

import make_warc  # noqa: E402,F401  (re-exported for the tests)


def dyad_bin() -> str:
    """The `dyad` binary: DYAD_BIN, else the debug build."""
    path = os.environ.get("DYAD_BIN", str(ROOT / "target" / "debug" / "dyad"))
    if not Path(path).exists():
        raise RuntimeError(f"no dyad binary at {path}: run `cargo build -p dyad` or set DYAD_BIN")
    return path


def cli_records(*paths) -> list:
    """The records `dyad analyze` prints for the given paths, on one thread."""
    out = subprocess.run(
        [dyad_bin(), "analyze", "--quiet", "--threads", "1", *map(str, paths)],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.splitlines()]


def article_day(rec: dict):
    """The day an article is filed under: publication date, else fetch date."""
    for date in (rec["meta"]["published"], rec["source"].get("fetched")):
        if date and len(date) >= 10 and date[4] == "-" and date[7] == "-":
            return date[:10]
    return None
