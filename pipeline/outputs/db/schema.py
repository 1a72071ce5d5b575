"""The database schema, version SCHEMA_VERSION, for SQLite, DuckDB and PostgreSQL alike.

Tables (README "Databases" explains every column and code):
- documents: one row per document ever loaded, with its sha256, status, metadata, the
  pipeline that analysed it and when it was first and last seen;
- mentions: one row per mention, typed, keyed by (doc_id, mention_id);
- facts: one row per fact (FACTS.md), keyed by (doc_id, fact_id), joined to mentions by
  (doc_id, mention_id): what each amount or percentage measures, for whom and when;
- texts: the analysed text of each document, so substr(text, char_start + 1, char_end -
  char_start) is a mention's text;
- runs: each run loaded (its manifest: versions, settings, counts, inputs);
- schema_info: the schema version, for migrations.

Values are exact: NUMERIC in PostgreSQL, DECIMAL(38, 10) in DuckDB. SQLite has no decimal
type: `value` there has NUMERIC affinity, so whole amounts (every MONEY value in practice)
are 64-bit integers, exact and summable, and fractions are 8-byte floats, shown exactly up to
15 significant digits; `value_text` and `value_high_text` always hold the exact decimal.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, int, bool, date, decimal, timestamp
    primary: bool = False


# The mention columns; `char_start`/`char_end` are mentions.csv's start/end ("end" is a reserved word in SQL).
MENTION_COLUMNS = (
    Column("doc_id", "text", primary=True),
    Column("mention_id", "text", primary=True),
    Column("label", "text"),
    Column("text", "text"),
    Column("char_start", "int"),
    Column("char_end", "int"),
    Column("sentence_start", "int"),
    Column("sentence_end", "int"),
    Column("value", "decimal"),
    Column("value_high", "decimal"),
    Column("unit", "text"),
    Column("qualifier", "text"),
    Column("each", "bool"),
    Column("inferred", "bool"),
    Column("date_start", "date"),
    Column("date_end", "date"),
    Column("granularity", "text"),
    Column("canonical", "text"),
    Column("rule", "text"),
    Column("source_start", "int"),
    Column("source_end", "int"),
)
SQLITE_EXACT = (Column("value_text", "text"), Column("value_high_text", "text"))

DOCUMENT_COLUMNS = (
    Column("doc_id", "text", primary=True),
    Column("path", "text"),
    Column("sha256", "text"),
    Column("chars", "int"),
    Column("doc_date", "date"),
    Column("doc_date_source", "text"),
    Column("status", "text"),
    Column("reason", "text"),
    Column("mentions", "int"),
    Column("format", "text"),
    Column("encoding", "text"),
    Column("title", "text"),
    Column("publisher", "text"),
    Column("dateline_place", "text"),
    Column("byline", "text"),
    Column("language", "text"),
    Column("boilerplate_chars", "int"),
    Column("warnings", "text"),
    Column("pipeline_version", "text"),
    Column("pipeline_fingerprint", "text"),
    Column("run_id", "text"),  # the run whose results the rows are
    Column("first_seen", "timestamp"),
    Column("last_seen", "timestamp"),
    Column("last_seen_run", "text"),
)

# facts.csv's columns, in its order (core/fact.py).
FACT_COLUMNS = (
    Column("doc_id", "text", primary=True),
    Column("fact_id", "text", primary=True),
    Column("value_start", "int"),
    Column("value_end", "int"),
    Column("value_label", "text"),
    Column("kind", "text"),
    Column("measure", "text"),
    Column("indicator_start", "int"),
    Column("indicator_end", "int"),
    Column("indicator", "text"),
    Column("subject", "text"),
    Column("period_start", "date"),
    Column("period_end", "date"),
    Column("rule", "text"),
    Column("mention_id", "text"),
    Column("value_text", "text"),
    Column("subject_start", "int"),
    Column("subject_end", "int"),
    Column("period_mention_start", "int"),
    Column("period_mention_end", "int"),
)

TEXT_COLUMNS = (Column("doc_id", "text", primary=True), Column("sha256", "text"), Column("text", "text"))

RUN_COLUMNS = (
    Column("run_id", "text", primary=True),  # sha256 of the run's manifest.json
    Column("pipeline_version", "text"),
    Column("pipeline_fingerprint", "text"),
    Column("documents", "int"),
    Column("mentions", "int"),
    Column("manifest", "text"),  # manifest.json as written: versions, settings, pattern hashes, counts, inputs
    Column("first_loaded", "timestamp"),
)

TABLES = {"documents": DOCUMENT_COLUMNS, "mentions": MENTION_COLUMNS, "facts": FACT_COLUMNS, "texts": TEXT_COLUMNS, "runs": RUN_COLUMNS}  # identifiers

INDEXES = (
    ("mentions_label_value", "mentions", ("label", "value")),
    ("mentions_label_date", "mentions", ("label", "date_start")),
    ("mentions_canonical", "mentions", ("label", "canonical")),
    ("facts_indicator", "facts", ("kind", "measure", "indicator")),  # identifiers
    ("facts_subject", "facts", ("subject", "period_start")),
    ("facts_mention", "facts", ("doc_id", "mention_id")),
    ("documents_doc_date", "documents", ("doc_date",)),
    ("documents_sha256", "documents", ("sha256",)),
)

_TYPES = {
    "sqlite": {"text": "TEXT", "int": "INTEGER", "bool": "BOOLEAN", "date": "TEXT", "decimal": "NUMERIC", "timestamp": "TEXT"},
    "duckdb": {"text": "VARCHAR", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE", "decimal": "DECIMAL(38, 10)", "timestamp": "TIMESTAMP"},
    "postgresql": {"text": "TEXT", "int": "INTEGER", "bool": "BOOLEAN", "date": "DATE", "decimal": "NUMERIC", "timestamp": "TIMESTAMP"},
}


def columns(table: str, engine: str) -> tuple[Column, ...]:
    found = TABLES[table]
    return found + SQLITE_EXACT if table == "mentions" and engine == "sqlite" else found


def quote(name: str) -> str:
    return f'"{name}"'


def create_statements(engine: str) -> list[str]:
    """CREATE TABLE / INDEX statements of the schema, each safe to run again."""
    types = _TYPES[engine]
    statements = ["CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)"]
    for table in TABLES:
        cols = columns(table, engine)
        body = ", ".join(f"{quote(c.name)} {types[c.kind]}{' NOT NULL' if c.primary else ''}" for c in cols)
        key = ", ".join(quote(c.name) for c in cols if c.primary)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({key}))")
    for name, table, cols_ in INDEXES:
        statements.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(quote(c) for c in cols_)})")
    return statements


# Migrations: MIGRATIONS[n] takes a schema from version n to n + 1, after create_statements()
# has made any table or index that is missing.
MIGRATIONS: dict[int, list[str]] = {
    # 1 -> 2: the facts table (created above). Documents loaded before it have no facts: their
    # fingerprint is cleared, so the next load of a run that holds them replaces their rows.
    1: ["UPDATE documents SET pipeline_fingerprint = ''"],
}
