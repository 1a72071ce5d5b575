"""An output folder read back, typed, one document at a time: what `load` puts in a database.

mentions.csv holds each document's rows together, in documents.csv's order, so both files
are read side by side and nothing is held for more than one document.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from ...core.errors import OutputError
from ...core.fact import FACT_COLUMNS
from ...core.mention import CSV_COLUMNS as MENTION_CSV_COLUMNS
from ..cells import unguard_cell

_MENTION_INT = {"chars", "mentions", "boilerplate_chars", "start", "end", "sentence_start", "sentence_end", "source_start", "source_end"}  # identifiers
_FACT_INT = {"value_start", "value_end", "indicator_start", "indicator_end", "subject_start", "subject_end", "period_mention_start", "period_mention_end"}  # identifiers
_INT = frozenset(_MENTION_INT | _FACT_INT)
_DATE = frozenset({"doc_date", "date_start", "date_end", "period_start", "period_end"})  # identifiers
_DECIMAL = frozenset({"value", "value_high"})  # identifiers
_BOOL = frozenset({"each", "inferred"})  # identifiers


@dataclass
class FolderDocument:
    row: dict[str, Any]  # documents.csv, typed
    mentions: list[list[str]]  # mentions.csv's cells in its column order (MENTION_CSV_COLUMNS), guards undone
    text: str | None  # the analysed text, None where it cannot be found again
    mention_lines: list[str] = field(default_factory=list)  # the same rows as CSV text (for COPY ... CSV)
    facts: list[list[Any]] = field(default_factory=list)  # facts.csv's rows, typed, in its column order


@dataclass(frozen=True)
class FolderRun:
    out_dir: Path
    run_id: str  # sha256 of manifest.json
    manifest: dict[str, Any]
    manifest_text: str

    @property
    def fingerprint(self) -> str:
        return str(self.manifest.get("fingerprint", ""))

    @property
    def version(self) -> str:
        pipeline = self.manifest.get("pipeline") or {}
        return str(pipeline.get("version", "")) if isinstance(pipeline, dict) else ""


def open_run(out_dir: Path) -> FolderRun:
    path = Path(out_dir) / "manifest.json"
    try:
        data = path.read_bytes()
        manifest = json.loads(data)
    except FileNotFoundError:
        raise OutputError(f"{out_dir} holds no finished run (no manifest.json); run press-extract extract first") from None
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot read {path}: {exc}") from None
    if not isinstance(manifest, dict):
        raise OutputError(f"{path} is not a run's manifest")
    return FolderRun(Path(out_dir), hashlib.sha256(data).hexdigest(), manifest, data.decode("utf-8"))


def read_documents(run: FolderRun) -> Iterator[FolderDocument]:
    """documents.csv, mentions.csv and facts.csv side by side (a folder written before facts
    existed has no facts.csv: its documents have no facts)."""
    out_dir = run.out_dir
    try:
        with open(out_dir / "documents.csv", encoding="utf-8", newline="") as docs, open(out_dir / "mentions.csv", encoding="utf-8", newline="") as ments, _facts_file(out_dir) as facts_file:
            fact_rows = _fact_rows(out_dir, facts_file)
            pending_fact = next(fact_rows, None)
            mention_rows = _records(ments)
            header, _ = next(mention_rows, ([], ""))
            if tuple(header) != MENTION_CSV_COLUMNS:
                raise OutputError(f"{out_dir / 'mentions.csv'} does not have this version's columns; run extract again")
            pending = next(mention_rows, None)
            for raw in csv.DictReader(docs):
                row = typed_row(raw)
                mentions, lines = [], []
                while pending is not None and pending[0][0] == row["doc_id"]:
                    mentions.append(pending[0])
                    lines.append(pending[1])
                    pending = next(mention_rows, None)
                facts = []
                while pending_fact is not None and pending_fact[0] == row["doc_id"]:
                    facts.append(pending_fact)
                    pending_fact = next(fact_rows, None)
                yield FolderDocument(row, mentions, _text(out_dir, row), lines, facts)
            if pending_fact is not None:
                raise OutputError(f"{out_dir / 'facts.csv'} has rows for {pending_fact[0]!r} out of documents.csv's order; run extract again")
            if pending is not None:
                raise OutputError(f"{out_dir / 'mentions.csv'} has rows for {pending[0][0]!r} out of documents.csv's order; run extract again")
    except FileNotFoundError as exc:
        raise OutputError(f"{out_dir} is missing {Path(exc.filename or '').name}; run press-extract extract again") from None


def _facts_file(out_dir: Path) -> IO[str]:
    try:
        return open(out_dir / "facts.csv", encoding="utf-8", newline="")
    except FileNotFoundError:
        return io.StringIO("")


def _fact_rows(out_dir: Path, handle: IO[str]) -> Iterator[list[Any]]:
    reader = csv.reader(handle)
    header = next(reader, None)
    if header is None:
        return
    if tuple(header) != FACT_COLUMNS:
        raise OutputError(f"{out_dir / 'facts.csv'} does not have this version's columns; run extract again")
    for cells in reader:
        typed = typed_row(dict(zip(header, cells, strict=True)))
        yield [typed[name] for name in FACT_COLUMNS]


def _records(handle: IO[str]) -> Iterator[tuple[list[str], str]]:
    """Each CSV record's cells with its own text, guards undone in both. csv.reader pulls one
    physical line at a time, so the lines it took since the last record are that record."""
    taken: list[str] = []

    def lines() -> Iterator[str]:
        for line in handle:
            taken.append(line)
            yield line

    for cells in csv.reader(lines()):
        text = "".join(taken)
        taken.clear()
        if "\x00'" in "\x00" + "\x00".join(cells):  # a guarded cell (rare): undo it, write the record again
            cells = [unguard_cell(c) if c[:1] == "'" else c for c in cells]
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow(cells)
            text = buffer.getvalue()
        yield cells, text


def typed_row(raw: dict[str, str]) -> dict[str, Any]:
    """A CSV row of the folder writer, typed: ints, dates, Decimals, booleans; the cells' guards undone."""
    typed: dict[str, Any] = {}
    for name, cell in raw.items():
        cell = unguard_cell(cell or "")
        value: Any = cell
        if name in _INT:
            value = int(cell) if cell else None
        elif name in _DATE:
            value = date.fromisoformat(cell) if cell else None
        elif name in _DECIMAL:
            try:
                value = Decimal(cell) if cell else None
            except InvalidOperation:
                raise OutputError(f"not a number in mentions.csv: {cell!r}") from None
        elif name in _BOOL:
            value = {"true": True, "false": False}.get(cell)
        typed[name] = value
    return typed


def _text(out_dir: Path, row: dict[str, Any]) -> str | None:
    """The analysed text: texts/<...> when the run wrote one, else the input file itself if
    it is still there with the same bytes."""
    if row.get("status") != "ok":
        return None
    if row.get("text_path"):
        try:
            return (out_dir / str(row["text_path"])).read_text(encoding="utf-8")
        except OSError:
            return None
    try:
        data = Path(row["path"]).read_bytes()
    except (OSError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != row.get("sha256"):
        return None  # changed since the run
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
