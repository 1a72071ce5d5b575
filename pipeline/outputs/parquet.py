"""mentions.parquet, facts.parquet and documents.parquet: the CSV files' rows with real types (decimal128,
bool, date32, int64), written through pyarrow in row groups, so memory stays bounded."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.errors import MissingExtraError
from .db.folder_reader import typed_row

ROW_GROUP = 50_000

# Column kinds beyond text, by CSV column name.
_KINDS = {
    "start": "int",
    "end": "int",
    "sentence_start": "int",
    "sentence_end": "int",
    "source_start": "int",
    "source_end": "int",
    "chars": "int",
    "mentions": "int",
    "boilerplate_chars": "int",
    "value": "decimal",
    "value_high": "decimal",
    "each": "bool",
    "inferred": "bool",
    "date_start": "date",
    "date_end": "date",
    "doc_date": "date",
    "value_start": "int",
    "value_end": "int",
    "indicator_start": "int",
    "indicator_end": "int",
    "subject_start": "int",
    "subject_end": "int",
    "period_mention_start": "int",
    "period_mention_end": "int",
    "period_start": "date",
    "period_end": "date",
}


def write_parquet(csv_path: Path, parquet_path: Path) -> None:
    """The CSV file at `csv_path` (as the folder writer wrote it) as a typed Parquet file."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("--format parquet", "databases") from None
    with open(csv_path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        types = {"int": pa.int64(), "decimal": pa.decimal128(38, 10), "bool": pa.bool_(), "date": pa.date32(), "text": pa.string()}
        schema = pa.schema([(name, types[_KINDS.get(name, "text")]) for name in header])
        with pq.ParquetWriter(parquet_path, schema) as writer:
            for rows in _chunks(reader, header):
                columns = {name: [row[name] for row in rows] for name in header}
                writer.write_table(pa.table(columns, schema=schema))


def _chunks(reader: Iterator[list[str]], header: list[str]) -> Iterator[list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    for cells in reader:
        rows.append(typed_row(dict(zip(header, cells, strict=True))))
        if len(rows) >= ROW_GROUP:
            yield rows
            rows = []
    if rows:
        yield rows
