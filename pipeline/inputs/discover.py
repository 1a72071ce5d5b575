"""Input discovery and reading: which files a run has, their doc_ids, and their bytes.

- doc_ids are paths below the folder given; two different files with one doc_id are
  refused before any work, and the run's own outputs are never read back.
- Only regular files are read (stat, a size bound, a non-blocking open); anything else gets
  a row with its kind. Unsupported types are listed as skipped. Nothing is dropped silently.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.errors import DocumentError, InputError
from ..core.settings import DEFAULT_MAX_CHARS

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
BYTES_PER_CHAR = 4  # the most bytes one character takes in any encoding read here: the size check before reading


@dataclass(frozen=True, slots=True)
class Source:
    """A file to process: its doc_id and the folder it was found under (one string shared by
    every file of that folder, so that the list of a large crawl stays small). A `skip_reason`
    marks what will not be read: status skipped, or failed when `failed` is set."""

    doc_id: str
    folder: str  # the file is folder/doc_id (or folder/name)
    skip_reason: str = ""
    failed: bool = False
    walked: bool = False  # found by walking `folder`: a link in it must not lead out of it
    name: str = ""  # the path below `folder` when it differs from doc_id (a file name that is not UTF-8)

    @property
    def path(self) -> Path:
        return Path(self.folder, self.name or self.doc_id)

    @property
    def format(self) -> str:
        return TEXT_SUFFIXES.get(os.path.splitext(self.doc_id)[1].lower(), "")


def discover(inputs: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> list[Source]:
    """Files under the given paths, folders walked recursively, each group in sorted order.

    doc_id is the path relative to the input folder (POSIX separators), or the file name
    for a file given directly; a file name that is not valid UTF-8 shows its odd bytes as
    backslash escapes. Hidden files and folders (.git, .DS_Store) are not inputs; symbolic
    links to folders are not followed; a folder that cannot be listed gets a failed row of
    its own. `exclude` names files and folders that are never inputs (the run's own outputs).

    Raises InputError when a path does not exist or when two different files would get the
    same doc_id (nothing is merged or dropped). The same file given twice is listed once more
    as a skipped duplicate.
    """
    excluded = {os.path.realpath(path) for path in exclude}
    excluded_names = {os.path.basename(path) for path in excluded}
    sources: list[Source] = []
    seen: dict[str, Path] = {}  # doc_id -> the file that has it
    missing = [str(raw) for raw in inputs if not (os.path.exists(raw) or os.path.islink(raw))]
    if missing:
        raise InputError("no such file or folder: " + ", ".join(missing))
    collisions: list[str] = []
    for raw in inputs:
        for source in _walk(Path(raw), excluded, excluded_names):
            if source.doc_id in seen:
                first, real = os.path.realpath(seen[source.doc_id]), os.path.realpath(source.path)  # only for repeated ids
                if first != real:
                    collisions.append(f"{source.doc_id!r} ({display_name(first)} and {display_name(real)})")
                    continue
                source = replace(source, skip_reason=f"duplicate: the same file was given as an earlier input: {display_name(str(source.path))}", failed=False)
            else:
                seen[source.doc_id] = source.path
            sources.append(source)
    if collisions:
        raise InputError(
            "different files would get the same doc_id: "
            + "; ".join(collisions[:5])
            + (f" and {len(collisions) - 5} more" if len(collisions) > 5 else "")
            + ". A doc_id is the path below the folder given; give a common parent folder instead"
        )
    return sources


def _walk(root: Path, excluded: set[str], excluded_names: set[str]) -> Iterator[Source]:
    given = Source(display_name(root.name or str(root)), str(root.parent) if root.name else "", name=_raw_name(root.name))
    if os.path.realpath(root) in excluded:
        yield replace(given, skip_reason="an output of this run (in --out), not an input")
    elif root.is_dir():
        folder = str(root)
        try:
            found = _files_under(folder, excluded, excluded_names)
        except OSError as exc:
            yield replace(given, skip_reason=f"cannot list folder: {exc.strerror or exc}", failed=True)
            return
        found.sort()
        for relative, unlisted in found:
            if unlisted:
                yield Source(display_name(relative), folder, f"cannot list folder: {unlisted}", failed=True, name=_raw_name(relative))
            else:
                yield _source(relative, folder, walked=True)
    else:
        yield _source(root.name or str(root), given.folder, walked=False)


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (surrogate escapes) become '\\xNN'."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _raw_name(name: str) -> str:
    """The name to open, when its display form differs."""
    return name if display_name(name) != name else ""


def _files_under(folder: str, excluded: set[str], excluded_names: set[str]) -> list[tuple[str, str]]:
    """(relative path, "") for every entry under `folder` that is not a folder (files, links,
    pipes and devices: reading tells them apart), and (relative folder + "/", reason) for
    every subfolder that could not be listed. Raises OSError when `folder` cannot be."""
    found: list[tuple[str, str]] = []
    pending = [""]  # relative folders still to list, each ending in "/" (the root is "")
    while pending:
        prefix = pending.pop()
        try:
            with os.scandir(os.path.join(folder, prefix[:-1]) if prefix else folder) as listing:
                entries = [(entry.name, _is_folder(entry)) for entry in listing if not entry.name.startswith(".") and not (entry.name in excluded_names and os.path.realpath(entry.path) in excluded)]
        except OSError as exc:
            if not prefix:
                raise
            found.append((prefix, exc.strerror or str(exc)))
            continue
        for name, is_folder in entries:
            if is_folder:
                pending.append(f"{prefix}{name}/")
            else:
                found.append((prefix + name, ""))
    return found


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder to walk into (a link to a folder is not one: it is listed, and refused when read)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _source(relative: str, folder: str, walked: bool) -> Source:
    doc_id = display_name(relative)
    suffix = os.path.splitext(doc_id)[1]
    if suffix.lower() not in TEXT_SUFFIXES:
        return Source(doc_id, folder, f"unsupported file type {suffix or '(none)'!r}; expected .txt, .md, .html or .htm", walked=walked, name=_raw_name(relative))
    return Source(doc_id, folder, walked=walked, name=_raw_name(relative))


_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _kind_of(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def read_bytes(source: Source, max_chars: int = DEFAULT_MAX_CHARS) -> bytes:
    """A regular file's bytes, read only after `stat` says it is one and not too large, and
    opened without blocking (a file swapped for a pipe cannot hang the run). A link found in
    a folder must stay inside that folder. Raises DocumentError with the reason."""
    path = source.path
    doc_id = source.doc_id
    limit = max_chars * BYTES_PER_CHAR
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
        if link and source.walked:
            target = os.path.realpath(path)
            root = os.path.realpath(source.folder)
            if os.path.commonpath([root, target]) != root:
                raise DocumentError(doc_id, f"symbolic link to {display_name(target)}, outside the input folder; not followed")
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(doc_id, f"not a regular file ({_kind_of(info.st_mode)}); not read")
        if info.st_size > limit:
            raise DocumentError(doc_id, f"too large: {info.st_size:,} bytes (the limit is {max_chars:,} characters; see --max-chars)")
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                raise DocumentError(doc_id, "not a regular file (it changed while being opened); not read")
            pieces: list[bytes] = []
            size = 0
            while size <= limit:
                piece = os.read(handle, min(1 << 20, limit + 1 - size))
                if not piece:
                    break
                pieces.append(piece)
                size += len(piece)
        finally:
            os.close(handle)
    except FileNotFoundError:
        if os.path.islink(path):
            raise DocumentError(doc_id, f"broken symbolic link: its target {display_name(os.readlink(path))} does not exist") from None
        raise DocumentError(doc_id, "file vanished before it could be read") from None
    except OSError as exc:
        raise DocumentError(doc_id, f"cannot read file: {exc.strerror or exc}") from None
    if size > limit:
        raise DocumentError(doc_id, f"too large: more than {limit:,} bytes (the limit is {max_chars:,} characters; see --max-chars)")
    return b"".join(pieces)
