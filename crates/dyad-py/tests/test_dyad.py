"""The Python package against the command line, and its behaviour on bad input."""
import gzip
import json

import pyarrow as pa
import pytest

import dyad
from support import ARTICLES, article_day, cli_records

PAGES = sorted(ARTICLES.iterdir())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_analyze_gives_the_cli_record(page):
    (want,) = cli_records(page)
    got = dyad.analyze(page.read_bytes(), path=str(page))
    assert got == want
    # Key order too: the dict reads like the CLI's JSON.
    assert json.dumps(got) == json.dumps(want)


def test_str_and_bytes_give_the_same_record():
    page = PAGES[0]
    assert dyad.analyze(page.read_text(encoding="utf-8")) == dyad.analyze(page.read_bytes())


def test_url_and_date_reach_the_record():
    text = "Israel recognised Azerbaijan in 1991. Relations between the two grew after that."
    rec = dyad.analyze(text, url="https://example.org/a", date="2020-05-06")
    assert rec["schema"] == dyad.SCHEMA
    assert rec["source"]["url"] == "https://example.org/a"
    assert rec["meta"]["published"] == "2020-05-06"
    assert rec["source"]["path"] is None


def test_batch_of_warc_items_matches_the_cli(shards):
    folder, counts = shards
    want = cli_records(folder)
    items = [it for f in sorted(folder.iterdir()) for it in dyad.read_items(f)]
    assert len(items) == counts["page_records"]
    batch = dyad.analyze_batch(items)
    got = [json.loads(r) for r in batch.articles.column("record").to_pylist()]
    assert got == want
    assert batch.articles.num_rows + len(batch.errors) == counts["page_records"]
    assert [e["kind"] for e in batch.errors] == ["empty"] * counts["empty_pages"]
    assert batch.events.num_rows == sum(len(r["events"]) for r in want)


def test_batch_columns_agree_with_the_records(shards):
    folder, _ = shards
    items = [it for f in sorted(folder.iterdir()) for it in dyad.read_items(f)]
    batch = dyad.analyze_batch(items, threads=2)
    arts, evs = batch.articles, batch.events
    arts.validate(full=True)
    evs.validate(full=True)
    assert arts.schema.field("themes").type == pa.list_(pa.string())
    assert evs.schema.field("goldstein").type == pa.float64()
    assert evs.schema.field("negated").type == pa.bool_()
    records = [json.loads(r) for r in arts.column("record").to_pylist()]
    rows = arts.to_pylist()
    for row, rec in zip(rows, records):
        assert row["id"] == rec["id"]
        assert row["url"] == rec["source"]["url"]
        assert row["fetched"] == rec["source"]["fetched"]
        assert row["title"] == rec["meta"]["title"]
        assert row["byline"] == rec["meta"]["byline"]
        assert row["text"] == rec["text"]
        assert row["n_events"] == len(rec["events"])
        assert row["n_entities"] == len(rec["entities"])
        assert row["themes"] == rec["themes"]
        assert row["date"] == article_day(rec)
    events = [(rec["id"], v, rec["text"]) for rec in records for v in rec["events"]]
    assert len(events) == evs.num_rows > 0
    for row, (article_id, v, text) in zip(evs.to_pylist(), events):
        assert row["article_id"] == article_id
        assert (row["id"], row["cameo"], row["quad"]) == (v["id"], v["cameo"], v["quad"])
        assert (row["source"], row["target"], row["event_date"]) == (v["source"], v["target"], v["date"])
        assert row["goldstein"] == v["goldstein"] and row["negated"] == v["negated"]
        start, end = v["evidence"]["start"], v["evidence"]["end"]
        assert (row["evidence_start"], row["evidence_end"]) == (start, end)
        assert row["evidence"] == text[start:end] != ""


def test_threads_do_not_change_the_batch(shards):
    folder, _ = shards
    items = [it for f in sorted(folder.iterdir()) for it in dyad.read_items(f)]
    one = dyad.analyze_batch(items, threads=1)
    many = dyad.analyze_batch(items, threads=0)
    assert one.articles.equals(many.articles) and one.events.equals(many.events)
    assert one.errors == many.errors


def test_empty_batch_has_the_full_schema():
    batch = dyad.analyze_batch([])
    assert batch.articles.num_rows == batch.events.num_rows == 0
    full = dyad.analyze_batch([PAGES[0].read_bytes()])
    assert batch.articles.schema == full.articles.schema
    assert batch.events.schema == full.events.schema
    assert "record" not in dyad.analyze_batch([], record_json=False).articles.schema.names


def test_items_from_bytes_match_items_from_the_file(shards):
    folder, _ = shards
    for f in sorted(folder.iterdir()):
        from_path = list(dyad.read_items(f))
        from_bytes = list(dyad.read_items(f.read_bytes(), name=str(f)))
        assert from_path == from_bytes
        assert all(it["url"].startswith("http://news.example.org/") for it in from_path)
        assert all(it["fetched"].startswith("2024-03-0") for it in from_path)


def test_a_single_page_and_a_jsonl_file_are_items(tmp_path):
    page = PAGES[0].read_bytes()
    (item,) = dyad.read_items(gzip.compress(page), name="a.txt.gz")
    assert item["bytes"] == page and item["path"] == "a.txt.gz"
    lines = tmp_path / "items.jsonl"
    lines.write_text(
        json.dumps({"url": "u1", "text": "Israel recognised Azerbaijan in 1991.", "date": "2021-01-01"})
        + "\n"
    )
    (item,) = dyad.read_items(lines)
    assert (item["url"], item["published"]) == ("u1", "2021-01-01")


def test_bad_pages_raise_analyze_error():
    with pytest.raises(dyad.AnalyzeError, match="empty"):
        dyad.analyze(b"")
    with pytest.raises(dyad.AnalyzeError, match="binary"):
        dyad.analyze(bytes(range(256)) * 8)
    assert issubclass(dyad.AnalyzeError, ValueError)


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError, match="str or bytes"):
        dyad.analyze(42)
    with pytest.raises(TypeError, match="input 1"):
        dyad.analyze_batch(["A page.", 3.5])
    with pytest.raises(TypeError, match="url"):
        dyad.analyze_batch([{"text": "A page.", "url": 7}])


def test_malformed_items_raise_value_error():
    with pytest.raises(ValueError, match="exactly one"):
        dyad.analyze_batch([{"url": "u"}])
    with pytest.raises(ValueError, match="exactly one"):
        dyad.analyze_batch([{"text": "a", "html": "<p>b</p>"}])
    with pytest.raises(ValueError, match='unknown key "URL"'):
        dyad.analyze_batch([{"text": "a", "URL": "u"}])


def test_failed_items_are_listed_not_raised():
    batch = dyad.analyze_batch(["Israel recognised Azerbaijan in 1991.", b"", {"bytes": b"\0" * 600, "path": "x.bin"}])
    assert batch.articles.num_rows == 1
    assert [(e["index"], e["kind"]) for e in batch.errors] == [(1, "empty"), (2, "binary")]
    assert batch.errors[1]["path"] == "x.bin" and "x.bin" in batch.errors[1]["error"]


def test_a_damaged_archive_yields_its_good_records_and_an_error(shards):
    folder, _ = shards
    plain = next(f for f in sorted(folder.iterdir()) if f.suffix == ".warc").read_bytes()
    # Cut the archive inside its last page's record.
    cut = plain[: plain.rindex(b"WARC/1.0", 0, plain.rindex(b"WARC-Type: response")) + 200]
    items = list(dyad.read_items(cut + b"\r\nWARC/1.0\r\nContent-Length: nine\r\n\r\n", name="cut.warc"))
    good = [it for it in items if "bytes" in it]
    bad = [it for it in items if "error" in it]
    assert good and bad
    assert all(it["path"].startswith("cut.warc") for it in bad)
    batch = dyad.analyze_batch(items)
    assert batch.articles.num_rows + len(batch.errors) == len(items)
    assert any(e["kind"] == bad[0]["kind"] for e in batch.errors)


def test_missing_file_is_an_error_item(tmp_path):
    (item,) = dyad.read_items(tmp_path / "missing.warc")
    assert item["kind"] == "unreadable" and "missing.warc" in item["error"]
