"""Wraps the column buffers the engine lays out into ``pyarrow`` arrays, without copying
or touching each value."""
from __future__ import annotations

import pyarrow as pa

_TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
}


def _array(column: tuple) -> pa.Array:
    _name, kind, length, nulls, validity, buffers, child = column
    bufs = [None if validity is None else pa.py_buffer(validity)]
    bufs += [pa.py_buffer(b) for b in buffers]
    if kind == "list<string>":
        items = _array(child)
        return pa.Array.from_buffers(
            pa.list_(items.type), length, bufs, null_count=nulls, children=[items]
        )
    return pa.Array.from_buffers(_TYPES[kind], length, bufs, null_count=nulls)


def record_batch(columns: list) -> pa.RecordBatch:
    """A record batch from the engine's columns, in their order."""
    return pa.RecordBatch.from_arrays(
        [_array(c) for c in columns], names=[c[0] for c in columns]
    )
