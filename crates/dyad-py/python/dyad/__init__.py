"""dyad: news in, the system of relations it describes out.

Pages (HTML or text) become ``dyad.article/1`` records: the clean article, its metadata,
sentences, entities, quotations, amounts, dates, and events coded in CAMEO and PLOVER.

- :func:`analyze` analyses one page and returns its record as a dict, exactly as the
  ``dyad analyze`` command prints it.
- :func:`analyze_batch` analyses many inputs (off the GIL, on several threads if asked) and
  returns Arrow record batches of articles and of events, plus the inputs that failed.
- :func:`read_items` streams the items of a container file or bytes: WARC archives, RSS/Atom
  feeds, JSON lines, or a single page; gzip is undone.
"""
from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple, Optional, Union

from . import _dyad
from ._dyad import DEFAULT_MAX_BYTES, SCHEMA, AnalyzeError

if TYPE_CHECKING:
    import pyarrow

__version__ = _dyad.__version__
__all__ = [
    "AnalyzeError",
    "Batch",
    "DEFAULT_MAX_BYTES",
    "SCHEMA",
    "analyze",
    "analyze_batch",
    "read_items",
]

Page = Union[str, bytes, bytearray]


def analyze(
    page: Page,
    url: Optional[str] = None,
    date: Optional[str] = None,
    path: Optional[str] = None,
) -> dict:
    """Analyses one page (HTML or plain text; ``bytes`` in any supported encoding).

    ``url`` is where the page came from, ``date`` its publication date (ISO 8601) when the
    page itself states none, ``path`` the name to record as ``source.path``.
    Raises :class:`AnalyzeError` (a ``ValueError``) for a page that is empty, binary or has
    no article text, and ``TypeError`` for a page that is neither ``str`` nor ``bytes``.
    """
    return json.loads(_dyad.analyze_json(page, url=url, date=date, path=path))


class Batch(NamedTuple):
    """What :func:`analyze_batch` returns."""

    #: One row per analysed article (see ``docs/python.md`` for the columns).
    articles: "pyarrow.RecordBatch"
    #: One row per event, with ``article_id`` pointing at its article.
    events: "pyarrow.RecordBatch"
    #: One dict per input that gave no record: ``index``, ``path``, ``kind``, ``error``.
    errors: list


def analyze_batch(
    inputs: Iterable[Union[Page, dict]],
    threads: int = 1,
    record_json: bool = True,
) -> Batch:
    """Analyses many inputs and returns their articles and events as Arrow record batches.

    Each input is a page (``str`` or ``bytes``) or an item dict: exactly one of ``bytes``,
    ``html`` or ``text``, and any of ``path``, ``url``, ``date`` (or ``published``),
    ``fetched`` and ``charset``; the dicts :func:`read_items` yields fit as they are.
    Articles keep input order. Inputs that cannot be analysed are listed in ``errors``
    rather than raised; inputs of the wrong type raise ``TypeError``/``ValueError`` naming
    their index. ``threads=0`` uses one thread per core. With ``record_json`` the articles
    carry each whole record as JSON in a ``record`` column.
    """
    from ._arrow import record_batch

    articles, events, errors = _dyad.analyze_columns(list(inputs), threads, record_json)
    return Batch(record_batch(articles), record_batch(events), errors)


def read_items(
    source: Union[str, "os.PathLike[str]", bytes, bytearray, memoryview],
    name: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[dict]:
    """Streams the items of a file (given by path) or of bytes held in memory.

    A WARC archive yields its HTML and text responses, a feed its entries, a JSONL file its
    lines, anything else one page; gzip is undone first. Each item is a dict with ``path``,
    ``url``, ``published``, ``fetched``, ``charset`` and ``bytes``; a record that cannot be
    read comes as a dict with ``path``, ``kind`` and ``error`` instead, so a damaged archive
    still yields its good records. ``name`` stands for the path of bytes in items and errors.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _dyad.ItemReader.from_bytes(bytes(source), name or "<bytes>", max_bytes)
    return _dyad.ItemReader.from_path(os.fspath(source), max_bytes)


