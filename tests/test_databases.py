"""Loading output folders into SQLite, DuckDB and a real PostgreSQL server (started by the
tests): exact values, idempotent reloads, replaced and pruned documents, killed and
concurrent loads, credentials kept out of messages, awkward doc_ids."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.core.settings import Settings
from pipeline.job.analyse import JobOptions
from pipeline.job.run import run_batch
from pipeline.outputs.db import load, load_folder
from pipeline.outputs.db.target import parse_target, redact

from .postgres_server import postgres_server

SEEDS = Path(__file__).parents[1] / "seeds"
RULES = JobOptions(Settings(use_model=False))
TABLES = ("documents", "mentions", "facts", "texts", "runs")  # identifiers


def extract(inputs: list[Path], out: Path) -> Path:
    run_batch(inputs, out, RULES)
    return out


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds") / "in"
    shutil.copytree(SEEDS, folder)
    return extract([folder], tmp_path_factory.mktemp("seeds-out"))


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(postgres: str) -> Iterator[str]:
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as connection:
        for table in (*TABLES, "schema_info"):
            connection.execute(f"DROP TABLE IF EXISTS {table}".encode())
    yield postgres


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    target = parse_target(url)
    if target.engine == "sqlite":
        with sqlite3.connect(target.location) as connection:
            return connection.execute(sql).fetchall()
    if target.engine == "duckdb":
        import duckdb

        with duckdb.connect(target.location) as connection:
            return connection.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(target.location) as connection:
        return connection.execute(sql.encode()).fetchall()


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in key order, with values compared as numbers."""
    keys = {"documents": "doc_id", "mentions": "doc_id, mention_id", "facts": "doc_id, fact_id", "texts": "doc_id", "runs": "run_id"}
    return {table: [tuple(_plain(v) for v in row) for row in query(url, f"SELECT * FROM {table} ORDER BY {keys[table]}")] for table in TABLES}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, float):
        return Decimal(repr(value)).normalize()
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value).normalize()
    return str(value) if value is not None and not isinstance(value, (bool, str)) else value


def mention_rows(url: str) -> list[tuple[Any, ...]]:
    sql = "SELECT doc_id, mention_id, label, text, char_start, char_end, value, value_high, unit, qualifier, each, inferred, date_start, date_end, canonical, rule FROM mentions ORDER BY doc_id, mention_id"
    return [tuple(_plain(v) for v in row) for row in query(url, sql)]


# -- SQLite, the default ---------------------------------------------------------------------------
def test_sqlite_holds_exact_typed_values(seeds_run: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'press.db'}"
    summary = load_folder(seeds_run, url)
    assert (summary.loaded, summary.unchanged, summary.mentions) == (5, 0, 167)
    assert query(url, "SELECT max(value), typeof(max(value)) FROM mentions WHERE label = 'MONEY'") == [(2000000000000, "integer")]
    assert query(url, "SELECT count(*) FROM mentions WHERE each") == [(9,)] and query(url, "SELECT count(*) FROM mentions WHERE NOT each") == [(21,)]
    assert query(url, "SELECT value_text FROM mentions WHERE label = 'PERCENT' AND value_text LIKE '%.%' LIMIT 1")[0][0].count(".") == 1
    # every mention's offsets slice its text out of the analysed text
    wrong = query(url, "SELECT m.mention_id FROM mentions m JOIN texts t USING (doc_id) WHERE substr(t.text, m.char_start + 1, m.char_end - m.char_start) != m.text")
    assert wrong == [] and query(url, "SELECT count(*) FROM texts") == [(5,)]


def test_a_second_load_changes_nothing(seeds_run: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'press.db'}"
    load_folder(seeds_run, url)
    before = dump(url)
    again = load_folder(seeds_run, url)
    assert (again.loaded, again.unchanged) == (0, 5)
    assert dump(url) == before


def test_a_changed_document_replaces_its_rows_and_others_stay(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    out = extract([folder], tmp_path / "out")
    url = f"sqlite:///{tmp_path / 'press.db'}"
    load_folder(out, url)
    first_seen = dict(query(url, "SELECT doc_id, first_seen FROM documents"))
    changed = min(folder.glob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("2024", "2025", 1) + "\nExports rose 9.9 percent to 3.3 billion yuan.\n", encoding="utf-8")
    summary = load_folder(extract([folder], out), url)
    assert (summary.loaded, summary.unchanged) == (1, 4)
    assert query(url, f"SELECT count(*) FROM mentions WHERE doc_id = '{changed.name}' AND text = '3.3 billion yuan'") == [(1,)]
    assert dict(query(url, "SELECT doc_id, first_seen FROM documents")) == first_seen  # first seen stays
    assert query(url, "SELECT count(*) FROM runs") == [(2,)]


def test_documents_missing_from_a_run_stay_unless_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    url = f"sqlite:///{tmp_path / 'press.db'}"
    load_folder(extract([folder], tmp_path / "out"), url)
    today = tmp_path / "today"
    today.mkdir()
    shutil.copy(min(folder.glob("*.txt")), today)
    out = extract([today], tmp_path / "out-today")
    assert load_folder(out, url).unchanged == 1
    assert query(url, "SELECT count(*) FROM documents") == [(5,)]
    assert load_folder(out, url, prune=True).pruned == 4
    assert query(url, "SELECT count(*) FROM documents") == [(1,)]
    assert query(url, "SELECT count(DISTINCT doc_id) FROM mentions") == [(1,)] and query(url, "SELECT count(*) FROM texts") == [(1,)]


def test_a_killed_load_leaves_whole_documents_and_the_next_load_completes(seeds_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'press.db'}"
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    load_folder(seeds_run, clean)
    monkeypatch.setattr(load, "BATCH_DOCUMENTS", 2)
    from pipeline.outputs.db.engines import SQLiteDatabase

    real = SQLiteDatabase.insert_mentions
    calls = []

    def stopped_inside_the_second_batch(self: SQLiteDatabase, rows: list[list[str]], lines: Any = ()) -> None:
        calls.append(1)
        if len(calls) == 2:  # the second batch's documents rows are written, its mentions half-way
            real(self, rows[: len(rows) // 2])
            raise KeyboardInterrupt
        real(self, rows)

    monkeypatch.setattr(SQLiteDatabase, "insert_mentions", stopped_inside_the_second_batch)
    with pytest.raises(KeyboardInterrupt):
        load_folder(seeds_run, url)
    assert query(url, "SELECT count(*) FROM documents") == [(2,)] and query(url, "SELECT count(*) FROM runs") == [(0,)]
    incomplete = query(url, "SELECT d.doc_id FROM documents d LEFT JOIN mentions m USING (doc_id) GROUP BY d.doc_id, d.mentions HAVING count(m.mention_id) != d.mentions")
    assert incomplete == []  # every document in the database is whole
    monkeypatch.setattr(SQLiteDatabase, "insert_mentions", real)
    assert load_folder(seeds_run, url).loaded == 3
    done, expected = dump(url), dump(clean)
    assert mention_rows(url) == mention_rows(clean)
    assert [r[:18] for r in done["documents"]] == [r[:18] for r in expected["documents"]]


def test_doc_ids_with_quotes_commas_and_newlines(tmp_path: Path, pg_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SEEDS / min(p.name for p in SEEDS.glob("*.txt"))).read_text(encoding="utf-8")
    for name in ('it\'s, "odd".txt', "line\nbreak.txt", "'; DROP TABLE mentions; --.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    out = extract([folder], tmp_path / "out")
    names = sorted(['it\'s, "odd".txt', "line\nbreak.txt", "'; DROP TABLE mentions; --.txt"])
    for url in (f"sqlite:///{tmp_path / 'press.db'}", f"duckdb:///{tmp_path / 'press.duckdb'}", pg_url):
        load_folder(out, url)
        assert sorted(r[0] for r in query(url, "SELECT doc_id FROM documents")) == names
        assert query(url, "SELECT count(DISTINCT doc_id), count(*) FROM mentions") == [(3, 45)]


def test_bad_urls_are_refused_and_passwords_never_shown() -> None:
    from pipeline.core.errors import OutputError

    for url in ("mysql://u:p@h/db", "sqlite://relative.db", "press.db"):
        with pytest.raises(OutputError):
            parse_target(url)
    assert redact("postgresql://me:s3cret@db.example.org:5432/press") == "postgresql://me:***@db.example.org:5432/press"
    assert "s3cret" not in parse_target("postgresql://me@h/press?password=s3cret").shown


# -- the same run in every engine ------------------------------------------------------------------
def test_duckdb_and_postgresql_hold_the_same_rows_and_exact_values(seeds_run: Path, tmp_path: Path, pg_url: str) -> None:
    urls = [f"sqlite:///{tmp_path / 'press.db'}", f"duckdb:///{tmp_path / 'press.duckdb'}", pg_url]
    for url in urls:
        load_folder(seeds_run, url)
    rows = [mention_rows(url) for url in urls]
    assert rows[0] == rows[1] == rows[2] and len(rows[0]) == 167
    assert query(urls[1], "SELECT sum(value) FROM mentions WHERE label = 'PERCENT'") == query(pg_url, "SELECT sum(value) FROM mentions WHERE label = 'PERCENT'")
    assert isinstance(query(pg_url, "SELECT max(value) FROM mentions")[0][0], Decimal)
    for url in urls[1:]:
        before = dump(url)
        assert load_folder(seeds_run, url).loaded == 0
        assert dump(url) == before


def test_facts_are_joined_to_their_mentions_in_every_engine(seeds_run: Path, tmp_path: Path, pg_url: str) -> None:
    """ "GDP targets by region and year" is one query: facts joined to mentions by mention_id."""
    sql = (
        "SELECT f.subject, m.value, f.period_start FROM facts f JOIN mentions m ON m.doc_id = f.doc_id AND m.mention_id = f.mention_id "
        "WHERE f.kind = 'target' AND f.indicator = 'GDP' ORDER BY f.subject, m.value"
    )
    answers = []
    for url in (f"sqlite:///{tmp_path / 'press.db'}", f"duckdb:///{tmp_path / 'press.duckdb'}", pg_url):
        load_folder(seeds_run, url)
        answers.append([(subject, int(value), str(period)) for subject, value, period in query(url, sql)])
        facts, joined = query(url, "SELECT count(*), count(m.mention_id) FROM facts f LEFT JOIN mentions m ON m.doc_id = f.doc_id AND m.mention_id = f.mention_id")[0]
        assert facts == joined > 0  # every fact hangs on a mention of the same run
    assert answers[0] == answers[1] == answers[2]
    assert ("Chongqing", 500000000000, "2025-01-01") in answers[0]


def test_a_version_1_database_gets_the_facts_table_and_its_documents_reloaded(seeds_run: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'press.db'}"
    load_folder(seeds_run, url)
    with sqlite3.connect(tmp_path / "press.db") as connection:  # as version 1 left it: no facts table
        connection.execute("DROP TABLE facts")
        connection.execute("UPDATE schema_info SET version = 1")
    summary = load_folder(seeds_run, url)
    assert (summary.loaded, summary.unchanged) == (5, 0)  # documents without facts are loaded again
    assert query(url, "SELECT version FROM schema_info") == [(2,)]
    assert query(url, "SELECT count(*) FROM facts")[0][0] == len((seeds_run / "facts.csv").read_text(encoding="utf-8").splitlines()) - 1


def test_postgresql_prune_and_replace(tmp_path: Path, pg_url: str) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    load_folder(extract([folder], tmp_path / "out"), pg_url)
    (sorted(folder.glob("*.txt"))[1]).unlink()
    summary = load_folder(extract([folder], tmp_path / "out"), pg_url, prune=True)
    assert (summary.unchanged, summary.pruned) == (4, 1)
    assert query(pg_url, "SELECT count(*) FROM documents") == [(4,)]


def test_two_postgresql_loads_at_once_lose_and_duplicate_nothing(tmp_path: Path, pg_url: str) -> None:
    folders = []
    for part in range(2):
        folder = tmp_path / f"in{part}"
        folder.mkdir()
        for copy in range(6):  # shared names, different bytes: both loads write every document
            for seed in SEEDS.glob("*.txt"):
                (folder / f"{copy}-{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\nCopy {copy} of part {part}.\n", encoding="utf-8")
        folders.append(extract([folder], tmp_path / f"out{part}"))
    command = [sys.executable, "-m", "pipeline", "load"]
    loads = [subprocess.Popen([*command, str(out), "--db", pg_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for out in folders]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in loads]
    assert [r[2] for r in results] == [0, 0], results
    assert query(pg_url, "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(30, 30)]
    assert query(pg_url, "SELECT count(*) FROM runs") == [(2,)]
    lost = query(pg_url, "SELECT d.doc_id FROM documents d LEFT JOIN mentions m USING (doc_id) GROUP BY d.doc_id, d.mentions HAVING count(m.mention_id) != d.mentions")
    assert lost == []


def test_postgresql_errors_never_show_the_password(tmp_path: Path, seeds_run: Path, pg_url: str) -> None:
    port = int(pg_url.rsplit(":", 1)[1].split("/")[0])
    wrong = f"postgresql://postgres:s3cretpw@127.0.0.1:{port + 1 if port < 65535 else port - 1}/press"
    result = subprocess.run([sys.executable, "-m", "pipeline", "load", str(seeds_run), "--db", wrong], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "s3cretpw" not in result.stderr + result.stdout and "***" in result.stderr and "Traceback" not in result.stderr


# -- the command line ------------------------------------------------------------------------------
def test_extract_with_db_loads_the_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'out' / 'press.db'}"
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SEEDS), "-o", str(tmp_path / "out"), "--no-model", "--db", url], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "loaded into" in result.stdout
    assert query(url, "SELECT max(value) FROM mentions WHERE label = 'MONEY'") == [(2000000000000,)]
    assert not list((tmp_path / "out").glob("texts/*press.db*"))
    result = subprocess.run([sys.executable, "-m", "pipeline", "load", str(tmp_path / "nowhere"), "--db", url], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_cache_keeps_documents_a_run_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    today = tmp_path / "in" / "today"
    out = tmp_path / "out"
    run_batch([folder], out, RULES)
    today.mkdir()
    run_batch([min(folder.glob("*.txt"))], out, RULES)  # only today's file
    again = run_batch([folder], out, RULES)
    assert (again.analysed, again.reused) == (0, 5)


# -- Parquet ---------------------------------------------------------------------------------------
def test_parquet_files_hold_decimals_bools_and_dates(tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SEEDS), "-o", str(out), "--no-model", "-q", "--format", "csv,parquet"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    mentions, documents = pd.read_parquet(out / "mentions.parquet"), pd.read_parquet(out / "documents.parquet")
    assert len(mentions) == 167 and len(documents) == 5
    money = mentions[mentions["label"] == "MONEY"]
    assert max(money["value"]) == Decimal(2000000000000) and all(isinstance(v, Decimal) for v in money["value"])
    assert {type(v) for v in mentions["each"].dropna()} == {bool}
    assert {type(v).__name__ for v in mentions["date_start"].dropna()} == {"date"} and str(mentions["start"].dtype) == "int64"
    assert {type(v).__name__ for v in documents["doc_date"].dropna()} == {"date"}
    csv_rows = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    assert list(csv_rows["mention_id"]) == list(mentions["mention_id"])
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SEEDS), "-o", str(out), "--format", "csv,xlsx"], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "the formats are csv and parquet" in result.stderr


def test_a_postgresql_load_killed_by_sigkill_recovers(tmp_path: Path, pg_url: str) -> None:
    """A real kill (SIGKILL) in the middle of a load: what is in the database is whole
    documents only, and the next load completes it to the same rows as a clean load."""
    import os
    import signal
    import time

    from pipeline.bench.loads import build_folder

    folder = build_folder(3000, tmp_path / "big")
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "load", str(folder), "--db", pg_url, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        tables = query(pg_url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'documents'")[0][0]
        if tables and query(pg_url, "SELECT count(*) FROM documents")[0][0] >= 500:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the load ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    loaded = query(pg_url, "SELECT count(*) FROM documents")[0][0]
    assert 0 < loaded < 3000 and query(pg_url, "SELECT count(*) FROM runs") == [(0,)]
    broken = query(pg_url, "SELECT d.doc_id FROM documents d LEFT JOIN mentions m USING (doc_id) GROUP BY d.doc_id, d.mentions HAVING count(m.mention_id) != d.mentions")
    assert broken == []
    summary = load_folder(folder, pg_url)
    assert summary.unchanged == loaded and summary.loaded == 3000 - loaded
    assert query(pg_url, "SELECT count(*), sum(mentions) FROM documents") == [(3000, query(pg_url, "SELECT count(*) FROM mentions")[0][0])]
    assert query(pg_url, "SELECT count(*) FROM texts") == [(3000,)]


def test_a_newer_schema_is_refused_and_an_older_one_migrated(seeds_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.core.errors import OutputError
    from pipeline.outputs.db import schema

    url = f"sqlite:///{tmp_path / 'press.db'}"
    load_folder(seeds_run, url)
    with sqlite3.connect(tmp_path / "press.db") as connection:
        connection.execute("UPDATE schema_info SET version = 99")
    with pytest.raises(OutputError, match="schema version 99, newer"):
        load_folder(seeds_run, url)
    with sqlite3.connect(tmp_path / "press.db") as connection:
        connection.execute("UPDATE schema_info SET version = 1")
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(load, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, ["ALTER TABLE documents ADD COLUMN region TEXT"])
    load_folder(seeds_run, url)
    assert query(url, "SELECT version FROM schema_info") == [(2,)]
    assert "region" in [row[1] for row in query(url, "PRAGMA table_info(documents)")]
