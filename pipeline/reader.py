"""Input discovery and exact decoding.

A document's text is its file's bytes decoded as UTF-8 with no newline translation and a
leading byte-order mark removed (ANNOTATION.md, "Offsets"). Inputs are walked in sorted
order and every file is accounted for: read, or listed as skipped with a reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import DocumentError

TEXT_SUFFIXES = (".txt", ".md")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Source:
    """A file to process: its doc_id and where it is. `skip_reason` marks files we will not read."""

    doc_id: str
    path: Path
    skip_reason: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    path: Path
    sha256: str
    text: str


def discover(inputs: Iterable[str | Path]) -> list[Source]:
    """Files under the given paths, folders walked recursively, each group in sorted order.

    doc_id is the path relative to the input folder (POSIX separators), or the file name
    for a file given directly. A doc_id seen twice is kept once; the repeat is skipped.
    """
    sources: list[Source] = []
    seen: set[str] = set()
    for raw in inputs:
        root = Path(raw)
        for source in _walk(root):
            if source.doc_id in seen:
                source = Source(source.doc_id, source.path, f"duplicate doc_id (also given as an earlier input): {source.path}")
            seen.add(source.doc_id)
            sources.append(source)
    return sources


def _walk(root: Path) -> Iterator[Source]:
    if root.is_dir():
        files = sorted((p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
        for path in files:
            doc_id = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue  # hidden files and folders (.git, .DS_Store) are not inputs
            yield _source(doc_id, path)
    elif root.exists():
        yield _source(root.name, root)
    else:
        yield Source(root.name or str(root), root, f"no such file or folder: {root}")


def _source(doc_id: str, path: Path) -> Source:
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return Source(doc_id, path, f"unsupported file type {path.suffix or '(none)'!r}; expected .txt or .md")
    return Source(doc_id, path)


def read_document(source: Source) -> Document:
    """Read and decode one file exactly. Raises DocumentError with the reason."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise DocumentError(source.doc_id, f"cannot read file: {exc.strerror or exc}") from None
    return decode_document(source.doc_id, source.path, data)


def decode_document(doc_id: str, path: Path, data: bytes) -> Document:
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if b"\x00" in data:
        raise DocumentError(doc_id, "binary content (NUL bytes); not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(doc_id, f"not valid UTF-8 (byte {exc.start}: {exc.reason})") from None
    if not text.strip():
        raise DocumentError(doc_id, "empty document (no text)", status="skipped")
    return Document(doc_id=doc_id, path=path, sha256=digest, text=text)
