#!/usr/bin/env python3
"""Runs dyad over WARC shards with Apache Spark and writes Parquet partitioned by date.

Usage:
    spark-submit dyad_spark.py INPUT OUTPUT [--batch-items N] [--threads N]
    python dyad_spark.py --master local[2] INPUT OUTPUT      # without spark-submit

INPUT is a folder (or any path Spark reads: HDFS, S3, …) holding WARC shards (`*.warc`,
`*.warc.gz`), read recursively. Each shard is one Spark row read by Spark's binaryFile
source; `mapInArrow` hands the shards to the `dyad` Python package on the executors, which
reads their items and analyses them in batches of `--batch-items`, so memory per task is one
shard plus one batch. OUTPUT receives three Parquet datasets:

- `articles/`, one row per article (the columns of `dyad.analyze_batch`, with the whole
  record as JSON in `record`), partitioned by `date` (publication day, else fetch day);
- `events/`, one row per coded event with its `article_id`, partitioned by the article's
  `date`;
- `errors/`, one row per page record that gave no article (`path`, `kind`, `error`).

Every executor needs the `dyad` package (`pip install ./crates/dyad-py`) and pyarrow;
PySpark's `mapInArrow` also requires pandas to be installed.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
from typing import Iterator

import pyarrow as pa

import dyad

#: The shard rows the job reads (Spark's binaryFile source).
SHARD_COLUMNS = ["path", "content"]


def output_schema() -> pa.Schema:
    """What the analysis yields: the article columns, the article's events nested as a list,
    and the failure columns (set only on rows for records that gave no article)."""
    empty = dyad.analyze_batch([])
    events = pa.list_(pa.struct(list(empty.events.schema)))
    return (
        empty.articles.schema.append(pa.field("events", events))
        .append(pa.field("error_kind", pa.string()))
        .append(pa.field("error", pa.string()))
    )


def nest(batch: dyad.Batch, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """One analysed batch as rows of `schema`: articles with their events, then failures."""
    arts = batch.articles
    if arts.num_rows:
        counts = arts.column("n_events").to_pylist()
        offsets = pa.array([0, *itertools.accumulate(counts)], pa.int32())
        events = pa.StructArray.from_arrays(batch.events.columns, fields=list(batch.events.schema))
        nested = pa.ListArray.from_arrays(offsets, events)
        nothing = pa.nulls(arts.num_rows, pa.string())
        columns = [*arts.columns, nested, nothing, nothing]
        yield pa.RecordBatch.from_arrays(columns, schema=schema)
    if batch.errors:
        rows = [{"path": e["path"], "error_kind": e["kind"], "error": e["error"]} for e in batch.errors]
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def analyze_shards(
    shards: Iterator[pa.RecordBatch], batch_items: int, threads: int
) -> Iterator[pa.RecordBatch]:
    """The `mapInArrow` function: shard rows in, analysed rows out."""
    schema = output_schema()
    for shard_batch in shards:
        paths = shard_batch.column("path")
        contents = shard_batch.column("content")
        for i in range(shard_batch.num_rows):
            items = dyad.read_items(contents[i].as_py(), name=paths[i].as_py())
            while chunk := list(itertools.islice(items, batch_items)):
                yield from nest(dyad.analyze_batch(chunk, threads=threads), schema)


def run(spark, input_path: str, output: str, batch_items: int = 256, threads: int = 1) -> dict:
    """Analyses the shards under `input_path` and writes the three datasets under `output`.
    Returns the row counts written."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    shards = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.warc*")
        .load(input_path)
        .select(*SHARD_COLUMNS)
    )
    schema = from_arrow_schema(output_schema())
    rows = shards.mapInArrow(
        lambda it: analyze_shards(it, batch_items, threads), schema
    ).persist()
    ok = rows.where(F.col("error").isNull())
    articles = ok.drop("events", "error_kind", "error")
    articles.write.mode("overwrite").partitionBy("date").parquet(os.path.join(output, "articles"))
    events = ok.select("date", F.explode("events").alias("e")).select("date", "e.*")
    events.write.mode("overwrite").partitionBy("date").parquet(os.path.join(output, "events"))
    errors = rows.where(F.col("error").isNotNull()).select("path", "error_kind", "error")
    errors.write.mode("overwrite").parquet(os.path.join(output, "errors"))
    counts = {
        "shards": shards.count(),
        "articles": articles.count(),
        "events": events.count(),
        "errors": errors.count(),
    }
    rows.unpersist()
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="folder or path of WARC shards")
    ap.add_argument("output", help="folder for the Parquet datasets")
    ap.add_argument("--master", help="Spark master when run without spark-submit, e.g. local[2]")
    ap.add_argument("--batch-items", type=int, default=256, help="items analysed per Arrow batch")
    ap.add_argument("--threads", type=int, default=1, help="analysis threads per task (0: all cores)")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    # Executors run the same Python as the driver unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("dyad")
        # One shard per Arrow batch into mapInArrow: shards are large, items are many.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1")
        .config("spark.ui.showConsoleProgress", "false")
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        counts = run(spark, args.input, args.output, args.batch_items, args.threads)
    finally:
        spark.stop()
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
