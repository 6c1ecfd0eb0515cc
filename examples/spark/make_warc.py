#!/usr/bin/env python3
"""Writes small WARC shards from a folder of pages, for trying the Spark job and testing it.

Usage: make_warc.py OUT_DIR [--pages FOLDER] [--shards N] [--copies K]

Each page of FOLDER (default: examples/articles) becomes a `response` record with HTTP
headers (HTML or plain text by its extension), `--copies` times under different URLs, spread
over N shards (`shard-00000.warc.gz`, … gzipped record by record as Common Crawl does, and
every third shard left plain). Fetch dates spread over three days. Each shard also holds
what a real crawl has around its pages, which the reader must pass over or report: a
`warcinfo` record, `request` records, an image, a redirect, and one empty HTML page (which
yields an error, not an article). Prints one JSON line: shards, page records, and page
records that are empty.
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DAYS = ["2024-03-01", "2024-03-02", "2024-03-03"]


def record(kind: str, uri: str | None, date: str, payload: bytes, content_type: str) -> bytes:
    """One WARC/1.0 record."""
    head = ["WARC/1.0", f"WARC-Type: {kind}"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"WARC-Date: {date}", f"Content-Type: {content_type}", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def response(uri: str, date: str, status: str, content_type: str, body: bytes) -> bytes:
    """A `response` record holding an HTTP response."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    return record("response", uri, date, http, "application/http; msgtype=response")


def request(uri: str, date: str) -> bytes:
    http = f"GET {uri} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
    return record("request", uri, date, http, "application/http; msgtype=request")


def shard_records(pages: list[tuple[str, bytes, str]], shard: int) -> tuple[list[bytes], int]:
    """The records of one shard and how many of them are page responses."""
    info = b"software: make_warc.py\r\nformat: WARC File Format 1.0\r\n"
    date = f"{DAYS[shard % len(DAYS)]}T06:00:00Z"
    out = [record("warcinfo", None, date, info, "application/warc-fields")]
    for i, (uri, body, content_type) in enumerate(pages):
        date = f"{DAYS[(shard + i) % len(DAYS)]}T{8 + i % 10:02d}:00:00Z"
        out.append(request(uri, date))
        out.append(response(uri, date, "200 OK", content_type, body))
    base = f"http://news.example.org/shard-{shard}"
    out.append(response(f"{base}/logo.png", date, "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0"))
    out.append(response(f"{base}/old", date, "301 Moved Permanently", "text/html", b""))
    out.append(response(f"{base}/empty", date, "200 OK", "text/html; charset=utf-8", b""))
    return out, len(pages) + 1


def write_shards(out_dir: Path, folder: Path, shards: int = 3, copies: int = 1) -> dict:
    """Writes the shards; returns counts of shards, page records and empty pages."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    pages = []
    for copy in range(copies):
        for f in files:
            kind = "text/html; charset=utf-8" if f.suffix in (".html", ".htm") else "text/plain; charset=utf-8"
            pages.append((f"http://news.example.org/{copy}/{f.stem}", f.read_bytes(), kind))
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for s in range(shards):
        mine = pages[s::shards]
        records, n = shard_records(mine, s)
        total += n
        if s % 3 == 2:
            (out_dir / f"shard-{s:05d}.warc").write_bytes(b"".join(records))
        else:
            # One gzip member per record, as crawlers write them.
            blob = b"".join(gzip.compress(r, mtime=0) for r in records)
            (out_dir / f"shard-{s:05d}.warc.gz").write_bytes(blob)
    return {"shards": shards, "page_records": total, "empty_pages": shards}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--pages", type=Path, default=ROOT / "examples" / "articles")
    ap.add_argument("--shards", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    print(json.dumps(write_shards(args.out_dir, args.pages, args.shards, args.copies)))


if __name__ == "__main__":
    main()
