"""mentions.csv, documents.csv and manifest.json, written so a reader never sees half a run.

Rows stream to files in a staging folder inside the output folder; only a finished run
moves them over the previous outputs (os.replace, atomic per file, manifest last).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from types import TracebackType
from typing import Any, Iterable

from .mention import CSV_COLUMNS, Mention, to_row


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc_id: str
    path: str
    sha256: str
    chars: int | None
    doc_date: str
    doc_date_source: str
    status: str  # ok, skipped, failed
    reason: str
    mentions: int


DOCUMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(DocumentRow))
OUTPUT_FILES = ("mentions.csv", "documents.csv", "manifest.json")


class OutputWriter:
    """Use as a context manager; `commit()` publishes, leaving the block without it discards."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        self._mentions_file = open(self.staging / "mentions.csv", "w", encoding="utf-8", newline="")
        self._documents_file = open(self.staging / "documents.csv", "w", encoding="utf-8", newline="")
        self._mentions = csv.writer(self._mentions_file, lineterminator="\n")
        self._documents = csv.writer(self._documents_file, lineterminator="\n")
        self._mentions.writerow(CSV_COLUMNS)
        self._documents.writerow(DOCUMENT_COLUMNS)
        self.committed = False

    def write_document(self, row: DocumentRow, mentions: Iterable[Mention]) -> None:
        for mention in mentions:
            self._mentions.writerow(to_row(mention))
        self._documents.writerow(["" if v is None else v for v in (getattr(row, name) for name in DOCUMENT_COLUMNS)])

    def commit(self, manifest: dict[str, Any]) -> None:
        self._close()
        with open(self.staging / "manifest.json", "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, indent=2, sort_keys=True, ensure_ascii=False)
            handle.write("\n")
        for name in OUTPUT_FILES:
            os.replace(self.staging / name, self.out_dir / name)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.committed = True

    def _close(self) -> None:
        for handle in (self._mentions_file, self._documents_file):
            if not handle.closed:
                handle.close()

    def __enter__(self) -> "OutputWriter":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._close()
        if not self.committed:
            shutil.rmtree(self.staging, ignore_errors=True)
