"""Shared fixtures: the repository's example pages, the CLI to compare with, and WARC shards
written by the Spark example's generator."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "examples" / "articles"
sys.path.insert(0, str(ROOT / "examples" / "spark"))

import make_warc  # noqa: E402


@pytest.fixture(scope="session")
def dyad_bin() -> str:
    """The `dyad` binary (DYAD_BIN, else the debug build)."""
    path = os.environ.get("DYAD_BIN", str(ROOT / "target" / "debug" / "dyad"))
    if not Path(path).exists():
        pytest.fail(f"no dyad binary at {path}: run `cargo build -p dyad` or set DYAD_BIN")
    return path


def cli_records(dyad_bin: str, *paths) -> list:
    """The records `dyad analyze` prints for the given paths, one thread."""
    out = subprocess.run(
        [dyad_bin, "analyze", "--quiet", "--threads", "1", *map(str, paths)],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(scope="session")
def shards(tmp_path_factory):
    """Three WARC shards of the example pages, with the counts the generator reports."""
    out = tmp_path_factory.mktemp("shards")
    counts = make_warc.write_shards(out, ARTICLES, shards=3, copies=2)
    return out, counts
