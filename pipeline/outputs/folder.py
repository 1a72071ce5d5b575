"""mentions.csv, facts.csv, documents.csv, manifest.json and texts/, written so a reader never sees half a run.

Rows stream to files in a staging folder inside the output folder; only a finished run
moves them over the previous outputs (os.replace, atomic per file, manifest last).
Analysed texts are written to texts/ under names that include a hash of their content, so
the files the previous documents.csv points to stay valid until the new one replaces it;
files no longer referenced are removed after the commit.

Nothing grows with the number of documents: the manifest's list of inputs is spooled to the
staging folder and streamed into manifest.json, and the texts a run wrote or reused are
told apart from stale ones by their modification time, not by a list in memory.
"""

from __future__ import annotations

import csv
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from ..core.errors import OutputError
from ..core.fact import FACT_COLUMNS, fact_to_row
from ..core.mention import CSV_COLUMNS, to_row
from ..core.results import DOCUMENT_COLUMNS, DocumentResult
from .cells import safe_cell

TEXTS_DIR = "texts"


OUTPUT_FILES = ("mentions.csv", "facts.csv", "documents.csv", "manifest.json")  # identifiers
PARQUET_FILES = ("mentions.parquet", "facts.parquet", "documents.parquet")  # identifiers
LOCK_FILE = ".lock"


def output_paths(out_dir: Path) -> list[Path]:
    """What a run writes in its output folder: never to be read back as input."""
    return [out_dir / name for name in (*OUTPUT_FILES, *PARQUET_FILES, TEXTS_DIR)]


def describe_os_error(exc: OSError, out_dir: Path) -> str:
    """An output error in a user's words: disk full and read-only named as such."""
    what = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    return f"cannot write outputs in {out_dir}: {what}; nothing was published, the previous outputs are as they were"


class OutputLock:
    """An exclusive lock on an output folder, held for a whole run: a second run into the
    same folder is refused at once instead of deleting the first one's staging folder."""

    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir) / LOCK_FILE
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the whole run: closing it releases the lock
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            raise OutputError(f"another press-extract run{f' (process {holder})' if holder else ''} is writing to {self.path.parent}; wait for it to finish or choose another --out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.truncate(0)
            self._handle.close()  # closing the file releases the lock
            self._handle = None


def text_name(doc_id: str, text: str) -> str:
    """texts/<doc_id>.<hash>.txt, with the doc_id's folders flattened."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id)
    return f"{TEXTS_DIR}/{safe}.{digest}.txt"


class OutputWriter:
    """The output folder's ResultWriter (outputs/base.py). Use as a context manager:
    `commit()` publishes, leaving the block without it discards (as `abort()` does)."""

    def __init__(self, out_dir: Path, formats: tuple[str, ...] = ("csv",)) -> None:
        """Call with the folder's OutputLock held: any staging folder found is then a killed run's.
        `formats`: "csv" always; with "parquet", mentions.parquet, facts.parquet and documents.parquet too."""
        self.out_dir = Path(out_dir)
        self.parquet = "parquet" in formats
        self.out_dir.mkdir(parents=True, exist_ok=True)
        (self.out_dir / TEXTS_DIR).mkdir(exist_ok=True)
        for stale in self.out_dir.glob(".staging-*"):  # left by a run that was killed
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        self._started_ns = self.staging.stat().st_mtime_ns  # texts older than this are not this run's
        self._handles: list[IO[str]] = []
        self.committed = False
        try:
            self._mentions_file = self._open("mentions.csv", newline="")
            self._documents_file = self._open("documents.csv", newline="")
            self._facts_file = self._open("facts.csv", newline="")
            self._facts = csv.writer(self._facts_file, lineterminator="\n")
            self._facts.writerow(FACT_COLUMNS)
            self._inputs_file = self._open("inputs.jsonl")
            self._mentions = csv.writer(self._mentions_file, lineterminator="\n")
            self._documents = csv.writer(self._documents_file, lineterminator="\n")
            self._mentions.writerow(CSV_COLUMNS)
            self._documents.writerow(DOCUMENT_COLUMNS)
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _open(self, name: str, newline: str | None = None) -> IO[str]:
        handle = open(self.staging / name, "w", encoding="utf-8", newline=newline)  # noqa: SIM115 - closed by commit() or abort()
        self._handles.append(handle)
        return handle

    def write_document(self, result: DocumentResult) -> None:
        row = result.row
        for mention in result.mentions:
            self._mentions.writerow([safe_cell(cell) for cell in to_row(mention)])
        for fact in result.facts:
            self._facts.writerow([safe_cell(cell) for cell in fact_to_row(fact)])
        self._documents.writerow([_document_cell(getattr(row, name)) for name in DOCUMENT_COLUMNS])
        if result.text is not None and row.text_path:
            self._write_text(row.text_path, result.text)
        # one item of the manifest's "inputs" list, in document order
        entry = {"doc_id": row.doc_id, "sha256": row.sha256, "status": row.status, "reused": result.reused}
        self._inputs_file.write(json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n")

    def _write_text(self, name: str, text: str) -> None:
        target = self.out_dir / name
        try:
            os.utime(target)  # same name, same content (the name holds its hash): mark it as this run's
            return
        except FileNotFoundError:
            pass
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish: `manifest` gets the recorded inputs as its "inputs" list."""
        self._close()
        with open(self.staging / "manifest.json", "w", encoding="utf-8") as handle, open(self.staging / "inputs.jsonl", encoding="utf-8") as inputs:
            write_json_with_list(handle, manifest, "inputs", (json.loads(line) for line in inputs))
        published = list(OUTPUT_FILES)
        if self.parquet:
            from .parquet import write_parquet

            for table in ("mentions", "facts", "documents"):  # identifiers
                write_parquet(self.staging / f"{table}.csv", self.staging / f"{table}.parquet")
                published.insert(0, f"{table}.parquet")
        for name in published:
            os.replace(self.staging / name, self.out_dir / name)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.committed = True
        with os.scandir(self.out_dir / TEXTS_DIR) as listing:
            for entry in listing:
                try:
                    if entry.stat().st_mtime_ns < self._started_ns:
                        os.unlink(entry.path)  # referenced by no documents.csv any more
                except FileNotFoundError:
                    pass

    def _close(self) -> None:
        for handle in self._handles:
            if not handle.closed:
                handle.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.abort()

    def abort(self) -> None:
        if self.committed:
            return
        for handle in self._handles:
            try:
                handle.close()
            except OSError:
                pass  # a full disk fails the last flush too; the staging folder goes anyway
        shutil.rmtree(self.staging, ignore_errors=True)


def _document_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_cell(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_json_with_list(handle: IO[str], document: dict[str, Any], key: str, items: Iterable[Any]) -> None:
    """What json.dump(document | {key: list(items)}, indent=2, sort_keys=True) writes, plus a
    final newline, with the items streamed one by one instead of held in a list."""
    head, tail = json.dumps(dict(document, **{key: []}), indent=2, sort_keys=True, ensure_ascii=False).split(f'\n  "{key}": []', 1)
    handle.write(f'{head}\n  "{key}": [')
    count = 0
    for item in items:
        text = json.dumps(item, indent=2, sort_keys=True, ensure_ascii=False).replace("\n", "\n    ")
        handle.write(("," if count else "") + "\n    " + text)
        count += 1
    handle.write("\n  ]" if count else "]")
    handle.write(tail + "\n")
