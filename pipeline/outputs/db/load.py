"""Loading a finished output folder into a database, idempotently.

- A database accumulates documents across runs. A document whose bytes and pipeline
  fingerprint are those already loaded is not touched (only `last_seen` moves on when a newer
  run saw it again). One that changed, or was analysed by another pipeline, has its rows
  replaced. Documents missing from the run stay unless `prune` is asked for.
- Documents are loaded in batches, each batch one transaction: a load killed halfway leaves
  every document whole or absent, and the next load finishes the work. The run's row is
  written last, so a run row means the whole run is in.
- Loading the same folder twice leaves the database exactly as after the first load.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...core.errors import OutputError
from .engines import Database, Row, open_database
from .folder_reader import FolderDocument, FolderRun, open_run, read_documents
from .schema import MIGRATIONS, SCHEMA_VERSION, create_statements
from .target import Target, parse_target

log = logging.getLogger(__name__)

BATCH_DOCUMENTS = 500  # documents per transaction


@dataclass
class LoadSummary:
    target: str  # the URL without credentials
    run_id: str
    loaded: int = 0  # documents inserted or replaced
    unchanged: int = 0
    pruned: int = 0
    mentions: int = 0  # mention rows written
    texts_missing: int = 0  # ok documents whose analysed text could not be found again


def load_folder(out_dir: Path, url: str, prune: bool = False) -> LoadSummary:
    """Load the run in `out_dir` (manifest.json, documents.csv, mentions.csv, texts/) into `url`."""
    target = parse_target(url)
    run = open_run(Path(out_dir))
    try:
        database = open_database(target)
    except OSError as exc:
        raise OutputError(f"cannot open {target.shown}: {exc}") from None
    try:
        return _load(database, target, run, prune)
    except OutputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a driver's error of any class: say where, never with credentials
        raise OutputError(f"loading into {target.shown} failed: {target.scrub(str(exc)).strip()}") from None
    finally:
        database.close()


def _load(database: Database, target: Target, run: FolderRun, prune: bool) -> LoadSummary:
    ensure_schema(database)
    summary = LoadSummary(target.shown, run.run_id)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    seen: set[str] = set()
    for batch in _read_ahead(run):
        seen.update(document.row["doc_id"] for document in batch)
        _load_batch(database, run, batch, now, summary)
    with database.transaction():
        database.lock_for_load()
        if prune:
            gone = [doc_id for (doc_id,) in database.execute("SELECT doc_id FROM documents") if doc_id not in seen]
            database.delete_documents(gone)
            summary.pruned = len(gone)
        if not database.execute(database.sql("SELECT 1 FROM runs WHERE run_id = ?"), [run.run_id]):
            counts = run.manifest.get("counts") or {}
            mentions = sum((counts.get("mentions") or {}).values()) if isinstance(counts, dict) else 0
            database.insert_rows("runs", [[run.run_id, run.version, run.fingerprint, len(seen), mentions, run.manifest_text, now]])
    log.info("%s: %d documents loaded, %d unchanged, %d pruned", target.shown, summary.loaded, summary.unchanged, summary.pruned)
    return summary


def _read_ahead(run: FolderRun) -> Iterator[list[FolderDocument]]:
    """Batches of documents, read by a second thread while the database writes the previous
    batch (the engines wait on the server or on disk without holding the GIL)."""
    batches: queue.Queue[list[FolderDocument] | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def read() -> None:
        try:
            batch: list[FolderDocument] = []
            for document in read_documents(run):
                batch.append(document)
                if len(batch) >= BATCH_DOCUMENTS:
                    _put(batch)
                    batch = []
            if batch:
                _put(batch)
            _put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the loading thread, which raises it
            _put(exc)

    def _put(item: list[FolderDocument] | BaseException | None) -> None:
        while not stop.is_set():
            try:
                batches.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    reader = threading.Thread(target=read, name="press-extract-load-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = batches.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join(timeout=5)


def ensure_schema(database: Database) -> None:
    """Create the schema, or migrate an older one; refuse a newer one."""
    with database.transaction():
        database.lock_for_load()
        for statement in create_statements(database.engine):
            database.execute(statement)
        found = database.execute("SELECT version FROM schema_info")
        if not found:
            database.execute(database.sql("INSERT INTO schema_info (version) VALUES (?)"), [SCHEMA_VERSION])
            return
        version = int(found[0][0])
        if version > SCHEMA_VERSION:
            raise OutputError(f"{database.target.shown} has schema version {version}, newer than this press-extract's {SCHEMA_VERSION}; upgrade press-extract")
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS[version]:
                database.execute(statement)
            version += 1
        database.execute(database.sql("UPDATE schema_info SET version = ?"), [version])


def _load_batch(database: Database, run: FolderRun, batch: list[FolderDocument], now: datetime, summary: LoadSummary) -> None:
    with database.transaction():
        database.lock_for_load()  # PostgreSQL: concurrent loads take turns per batch, so none sees stale state
        ids = [d.row["doc_id"] for d in batch]
        known = _known(database, ids)
        fresh: list[FolderDocument] = []
        touched: list[str] = []
        for document in batch:
            row = document.row
            before = known.get(row["doc_id"])
            if before is not None and (before[0], before[1], before[2]) == (row["sha256"], run.fingerprint, row["status"]) and before[3] == row["mentions"]:
                summary.unchanged += 1
                if before[4] != run.run_id:
                    touched.append(row["doc_id"])
                continue
            fresh.append(document)
        for doc_id in touched:
            database.execute(database.sql("UPDATE documents SET last_seen = ?, last_seen_run = ? WHERE doc_id = ?"), [now, run.run_id, doc_id])
        if not fresh:
            return
        first_seen = {doc_id: row[5] for doc_id, row in known.items()}
        database.delete_documents([d.row["doc_id"] for d in fresh if d.row["doc_id"] in known])  # new documents have nothing to delete
        database.insert_rows("documents", [_document_row(d, run, first_seen.get(d.row["doc_id"]) or now, now) for d in fresh])
        mention_rows = [cells for d in fresh for cells in d.mentions]
        database.insert_mentions(mention_rows, [line for d in fresh for line in d.mention_lines])
        database.insert_rows("facts", [cells for d in fresh for cells in d.facts])
        texts: list[Row] = [[d.row["doc_id"], d.row["sha256"], d.text] for d in fresh if d.text is not None]
        database.insert_rows("texts", texts)
        summary.loaded += len(fresh)
        summary.mentions += len(mention_rows)
        summary.texts_missing += sum(1 for d in fresh if d.text is None and d.row["status"] == "ok")


def _known(database: Database, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    known: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT doc_id, sha256, pipeline_fingerprint, status, mentions, last_seen_run, first_seen FROM documents WHERE doc_id IN ({', '.join('?' * len(chunk))})"
        for row in database.execute(database.sql(sql), chunk):
            known[row[0]] = tuple(row[1:])
    return known


def _document_row(document: FolderDocument, run: FolderRun, first_seen: Any, now: datetime) -> Row:
    values = dict(document.row, pipeline_version=run.version, pipeline_fingerprint=run.fingerprint, run_id=run.run_id, first_seen=first_seen, last_seen=now, last_seen_run=run.run_id)
    return [values.get(c.name) for c in _columns("documents")]


def _columns(table: str) -> Iterable[Any]:
    from .schema import TABLES

    return TABLES[table]
