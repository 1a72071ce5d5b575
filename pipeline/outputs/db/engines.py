"""One class per database engine: connecting, transactions, and each engine's bulk path
(SQLite executemany, DuckDB from an Arrow table, PostgreSQL COPY). Every statement is
parameterized; table and column names come from schema.py only."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...core.errors import MissingExtraError, OutputError
from .schema import MENTION_COLUMNS, Column, columns, quote
from .target import Target

Row = Sequence[Any]


class Database:
    """The operations a load needs; subclasses differ only in how they talk to the engine."""

    engine = ""
    placeholder = "?"

    def __init__(self, target: Target) -> None:
        self.target = target

    # -- what subclasses provide --------------------------------------------------------------
    def execute(self, sql: str, params: Row = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def insert_mentions(self, rows: list[list[str]], lines: Sequence[str] = ()) -> None:
        """Mention rows as mentions.csv's cells (its column order is the table's), and the same
        rows as CSV text when the caller has it: the bulk of a load, so each engine converts
        them its fastest way."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------------
    def columns(self, table: str) -> tuple[Column, ...]:
        return columns(table, self.engine)

    def sql(self, text: str) -> str:
        """`text` with '?' placeholders in this engine's style."""
        return text.replace("?", self.placeholder)

    def delete_documents(self, doc_ids: list[str]) -> None:
        for table in ("mentions", "facts", "texts", "documents"):  # identifiers
            for start in range(0, len(doc_ids), 500):
                chunk = doc_ids[start : start + 500]
                self.execute(self.sql(f"DELETE FROM {table} WHERE doc_id IN ({', '.join('?' * len(chunk))})"), chunk)

    def lock_for_load(self) -> None:
        """Serialize concurrent loads' batches (where the engine needs it)."""


class SQLiteDatabase(Database):
    engine = "sqlite"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        Path(target.location).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(target.location, isolation_level=None, timeout=60)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA foreign_keys=ON")

    def execute(self, sql: str, params: Row = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, [_sqlite_value(p) for p in params]).fetchall()

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        cols = self.columns(table)
        sql = f"INSERT INTO {table} ({', '.join(quote(c.name) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
        self.connection.executemany(sql, ([_sqlite_value(v) for v in row] for row in rows))

    def insert_mentions(self, rows: list[list[str]], lines: Sequence[str] = ()) -> None:
        # NUMERIC affinity stores '1015900000000' as an exact integer and '12.7' as a float;
        # value_text and value_high_text keep the exact text; booleans become 1/0, empty cells NULL.
        kinds = [c.kind for c in MENTION_COLUMNS]
        value, high = kinds.index("decimal"), kinds.index("decimal") + 1
        convert = [_SQLITE_CELL[k] for k in kinds]
        cols = self.columns("mentions")
        sql = f"INSERT INTO mentions ({', '.join(quote(c.name) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
        self.connection.executemany(sql, ([f(cell) for f, cell in zip(convert, row, strict=True)] + [row[value] or None, row[high] or None] for row in rows))

    def transaction(self) -> AbstractContextManager[None]:
        return _begun(self.connection, "BEGIN IMMEDIATE")  # the write lock now: a second loader waits

    def close(self) -> None:
        self.connection.close()


@contextmanager
def _begun(connection: Any, begin: str) -> Iterator[None]:
    """A transaction on a DB-API connection in autocommit mode: BEGIN, then COMMIT or ROLLBACK."""
    connection.execute(begin)
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _text_cell(cell: str) -> str:
    return cell


def _nullable(cell: str) -> str | None:
    return cell or None


def _int_cell(cell: str) -> int | None:
    return int(cell) if cell else None


_SQLITE_CELL: dict[str, Callable[[str], Any]] = {
    "text": _text_cell,
    "int": _int_cell,
    "decimal": _nullable,
    "date": _nullable,
    "timestamp": _nullable,
    "bool": {"true": 1, "false": 0}.get,
}


def _sqlite_value(value: Any) -> Any:
    """Decimals as integers when whole (exact), else as floats (`value_text` keeps them exact)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**63 else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


class DuckDBDatabase(Database):
    engine = "duckdb"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        try:
            import duckdb
        except ImportError:
            raise MissingExtraError("the DuckDB output (--db duckdb:///...)", "databases") from None
        Path(target.location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = duckdb.connect(target.location)
        except duckdb.Error as exc:
            raise OutputError(f"cannot open {target.shown}: {exc}") from None

    def execute(self, sql: str, params: Row = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, list(params)).fetchall()

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        import pyarrow as pa

        cols = self.columns(table)
        arrays = {c.name: pa.array([row[k] for row in rows], type=_arrow_type(c)) for k, c in enumerate(cols)}
        batch = pa.table(arrays)  # noqa: F841 - read by name in the statement below (DuckDB's replacement scan)
        self.connection.execute(f"INSERT INTO {table} ({', '.join(quote(c.name) for c in cols)}) SELECT * FROM batch")

    def insert_mentions(self, rows: list[list[str]], lines: Sequence[str] = ()) -> None:
        if not rows:
            return
        import pyarrow as pa
        import pyarrow.compute as pc

        arrays = {}
        for k, column in enumerate(MENTION_COLUMNS):
            cells = pa.array([row[k] for row in rows], type=pa.string())
            if column.kind != "text":
                cells = pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.string()), cells).cast(_arrow_type(column))  # empty cells are NULL
            arrays[column.name] = cells
        batch = pa.table(arrays)  # noqa: F841 - read by name in the statement below (DuckDB's replacement scan)
        self.connection.execute(f"INSERT INTO mentions ({', '.join(quote(c.name) for c in MENTION_COLUMNS)}) SELECT * FROM batch")

    def transaction(self) -> AbstractContextManager[None]:
        return _begun(self.connection, "BEGIN TRANSACTION")

    def close(self) -> None:
        self.connection.close()


def _arrow_type(column: Column) -> Any:
    import pyarrow as pa

    return {
        "text": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "decimal": pa.decimal128(38, 10),
        "timestamp": pa.timestamp("us"),
    }[column.kind]


class PostgreSQLDatabase(Database):
    engine = "postgresql"
    placeholder = "%s"
    LOCK_KEY = 0x70726573  # pg_advisory_xact_lock key of press-extract loads ("pres")

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        try:
            import psycopg
        except ImportError:
            raise MissingExtraError("the PostgreSQL output (--db postgresql://...)", "databases") from None
        try:
            self.connection = psycopg.connect(target.location, autocommit=True)
        except psycopg.Error as exc:
            raise OutputError(f"cannot connect to {target.shown}: {target.scrub(str(exc)).strip()}") from None

    def execute(self, sql: str, params: Row = ()) -> list[tuple[Any, ...]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql.encode(), list(params))  # SQL built from schema names only
            return cursor.fetchall() if cursor.description else []

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        cols = self.columns(table)
        with self.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(quote(c.name) for c in cols)}) FROM STDIN".encode()) as copy:
            for row in rows:
                copy.write_row(row)

    def insert_mentions(self, rows: list[list[str]], lines: Sequence[str] = ()) -> None:
        """COPY in CSV form, as mentions.csv has them: the server parses the numbers, dates and
        booleans; empty cells are NULL except in text columns, which keep ''."""
        if not rows:
            return
        names = ", ".join(quote(c.name) for c in MENTION_COLUMNS)
        texts = ", ".join(quote(c.name) for c in MENTION_COLUMNS if c.kind == "text")
        if len(lines) == len(rows):
            data = "".join(lines)
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(rows)
            data = buffer.getvalue()
        statement = f"COPY mentions ({names}) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL ({texts}))"
        with self.connection.cursor() as cursor, cursor.copy(statement.encode()) as copy:
            copy.write(data)

    def transaction(self) -> AbstractContextManager[Any]:
        return self.connection.transaction()

    def lock_for_load(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(%s)", [self.LOCK_KEY])

    def close(self) -> None:
        self.connection.close()


def open_database(target: Target) -> Database:
    kinds: dict[str, type[Database]] = {"sqlite": SQLiteDatabase, "duckdb": DuckDBDatabase, "postgresql": PostgreSQLDatabase}
    return kinds[target.engine](target)
