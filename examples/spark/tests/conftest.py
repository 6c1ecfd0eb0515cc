"""The Spark job's tests share the package tests' helpers (CLI records, WARC generator)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "crates" / "dyad-py" / "tests"))
