"""Fixtures of the package's tests: WARC shards written by the Spark example's generator."""
import pytest

from support import ARTICLES, make_warc


@pytest.fixture(scope="session")
def shards(tmp_path_factory):
    """Three WARC shards of the example pages, with the counts the generator reports."""
    out = tmp_path_factory.mktemp("shards")
    counts = make_warc.write_shards(out, ARTICLES, shards=3, copies=2)
    return out, counts
