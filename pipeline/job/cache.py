"""Per-document results kept between runs, for incremental reruns.

An entry is keyed by everything that decides a document's result: its bytes, the pipeline
version, the pattern files and the settings. Entries are written as soon as a document is
done (temporary file, then rename), so a run that is killed keeps what it finished and the
next run starts from there.

Entries live in a folder per fingerprint (.cache/<fingerprint>/). A run keeps every entry of
its own fingerprint, whether it used it or not: running on today's folder must not forget
yesterday's documents. Pruning removes only what can never be served again: the folders of
other fingerprints (another version, other settings or patterns) and temporary files of runs
that were killed. Memory stays the same for ten or a million documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"


class ResultCache:
    """Entries under out_dir/.cache. One object per process; the run's own (in the batch loop)
    calls `begin_run()` first and `prune()` last."""

    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.root = Path(out_dir) / CACHE_DIR
        self.directory = self.root / fingerprint[:32]
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.directory.mkdir(parents=True, exist_ok=True)
        self._running = False

    def begin_run(self) -> None:
        self._running = True

    def key(self, sha256: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}|{sha256}".encode()).hexdigest()

    def get(self, sha256: str) -> dict[str, Any] | None:
        """The entry for these bytes, or None. An entry whose checksum does not match what it holds (edited, truncated, written by
        something else) is not served: the document is analysed again."""
        path = self.directory / f"{self.key(sha256)}.json"
        if not self.enabled:
            return None
        try:
            with open(path, encoding="utf-8") as handle:
                stored = handle.read()
            body, _, trailer = stored.rpartition("\n")
            seal = json.loads(trailer)
            if not isinstance(seal, dict) or seal.get("fingerprint") != self.fingerprint or seal.get("checksum") != _checksum(self.fingerprint, body):
                return None
            entry = json.loads(body)
        except (OSError, ValueError):
            return None  # absent, half-written by a run that was killed, or not ours: analyse again
        return entry if isinstance(entry, dict) else None

    def put(self, sha256: str, entry: dict[str, Any], rows: Iterable[list[str]] = ()) -> None:
        """Keep `entry`, with `rows` streamed in as its "rows" list (a long document's mention
        rows are written one by one, never joined into one string), then a line that seals
        it: the fingerprint and a checksum of everything above it."""
        digest = hashlib.sha256(f"{self.fingerprint}|".encode())
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:

            def write(part: str) -> None:
                stream.write(part)
                digest.update(part.encode("utf-8", "surrogatepass"))

            write(json.dumps(entry, ensure_ascii=False, sort_keys=True)[:-1] + ', "rows": [')  # dumps: the C encoder
            for number, row in enumerate(rows):
                write(("," if number else "") + json.dumps(row, ensure_ascii=False))
            write("]}")
            stream.write("\n" + json.dumps({"fingerprint": self.fingerprint, "checksum": digest.hexdigest()}))
        os.replace(temporary, self.directory / f"{self.key(sha256)}.json")

    def prune(self) -> None:
        """Drop what can never be served again: other fingerprints' folders (and entries of the
        flat layout older versions wrote) and temporary files of runs that were killed."""
        if not self._running:
            raise RuntimeError("prune() without begin_run(): it belongs at the end of a run")
        with os.scandir(self.root) as listing:
            for entry in listing:
                if entry.path == str(self.directory):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                elif entry.name.endswith(".json") or entry.name.startswith(".tmp-"):
                    _unlink(entry.path)
        with os.scandir(self.directory) as listing:
            for entry in listing:
                if entry.name.startswith(".tmp-"):
                    _unlink(entry.path)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _checksum(fingerprint: str, body: str) -> str:
    return hashlib.sha256(f"{fingerprint}|{body}".encode("utf-8", "surrogatepass")).hexdigest()
