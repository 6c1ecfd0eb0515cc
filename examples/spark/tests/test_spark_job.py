"""Runs the Spark job in local[2] mode on WARC shards it generates and checks the Parquet it
writes against the CLI's records for the same shards."""
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from support import ARTICLES, article_day, cli_records, make_warc

JOB = Path(__file__).resolve().parents[1] / "dyad_spark.py"


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    """Shards, the job's output folder, its printed counts, and the generator's counts."""
    tmp = tmp_path_factory.mktemp("spark")
    shards = tmp / "shards"
    # Four shards (three gzipped, one plain) of every example page, three copies each.
    counts = make_warc.write_shards(shards, ARTICLES, shards=4, copies=3)
    out = tmp / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    run = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", "--batch-items", "4", str(shards), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    printed = dict(kv.split("=") for kv in run.stdout.strip().splitlines()[-1].split())
    return shards, out, {k: int(v) for k, v in printed.items()}, counts


def test_articles_are_partitioned_by_day_and_none_is_lost(job):
    shards, out, printed, counts = job
    want = cli_records(shards)
    articles = pq.read_table(out / "articles").to_pylist()
    errors = pq.read_table(out / "errors").to_pylist()
    assert printed["shards"] == counts["shards"]
    # Every page record of every shard is an article or a reported error.
    assert len(articles) + len(errors) == counts["page_records"]
    assert printed["articles"] == len(articles) == len(want)
    assert Counter(a["id"] for a in articles) == Counter(r["id"] for r in want)
    partitions = {p.name for p in (out / "articles").iterdir() if p.name.startswith("date=")}
    assert partitions == {f"date={article_day(r)}" for r in want}
    assert len(partitions) > 1
    by_url = {r["source"]["url"]: r for r in want}
    for a in articles:
        rec = by_url[a["url"]]
        assert str(a["date"]) == article_day(rec)
        assert (a["id"], a["title"], a["n_events"]) == (rec["id"], rec["meta"]["title"], len(rec["events"]))


def test_events_are_rows_of_their_articles(job):
    shards, out, printed, _ = job
    want = cli_records(shards)
    events = pq.read_table(out / "events").to_pylist()
    assert printed["events"] == len(events) == sum(len(r["events"]) for r in want) > 0
    # The same page fetched on two days is two articles (same id) in two partitions.
    expected = Counter()
    for rec in want:
        expected[rec["id"], article_day(rec)] += len(rec["events"])
    got = Counter((e["article_id"], str(e["date"])) for e in events)
    assert got == +expected
    for e in events:
        assert e["cameo"] and e["evidence"] and e["evidence_end"] > e["evidence_start"]


def test_pages_without_articles_are_reported(job):
    _, out, printed, counts = job
    errors = pq.read_table(out / "errors").to_pylist()
    assert printed["errors"] == len(errors) == counts["empty_pages"]
    assert {e["error_kind"] for e in errors} == {"empty"}
    assert all(".warc" in e["path"] and "empty" in e["error"] for e in errors)
