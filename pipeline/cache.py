"""Per-document results kept between runs, for incremental reruns.

An entry is keyed by everything that decides a document's result: its bytes, the pipeline
version, the pattern files and the settings. Entries are written as soon as a document is
done (temporary file, then rename), so a run that is killed keeps what it finished and the
next run starts from there. Entries the last complete run did not use are removed.

What a run used is kept on disk, not in memory: every entry it reads or writes has its
modification time set during the run, and the run's start is marked by a file; pruning
removes what is older than the mark. Memory stays the same for ten or a million documents.
(A clock set back during a run can only cost a re-analysis on the next one.)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"


class ResultCache:
    """Entries under out_dir/.cache. One object per process; the run's own (in the batch loop)
    calls `begin_run()` first and `prune()` last."""

    MARK = ".run-started"

    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.directory = Path(out_dir) / CACHE_DIR
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.directory.mkdir(parents=True, exist_ok=True)
        self._started_ns: int | None = None

    def begin_run(self) -> None:
        mark = self.directory / self.MARK
        mark.touch()
        os.utime(mark)  # touch() leaves an existing file's time alone on some systems
        self._started_ns = mark.stat().st_mtime_ns

    def key(self, sha256: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}|{sha256}".encode()).hexdigest()

    def get(self, sha256: str) -> dict[str, Any] | None:
        """The entry for these bytes, or None; an entry looked up is kept by the next prune.
        An entry whose checksum does not match what it holds (edited, truncated, written by
        something else) is not served: the document is analysed again."""
        path = self.directory / f"{self.key(sha256)}.json"
        try:
            os.utime(path)
            if not self.enabled:
                return None
            with open(path, encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError):
            return None  # absent, or half-written by a run that was killed: analyse again
        if not isinstance(stored, dict) or stored.get("fingerprint") != self.fingerprint:
            return None
        entry = stored.get("entry")
        if not isinstance(entry, dict) or stored.get("checksum") != _checksum(self.fingerprint, entry):
            return None
        return entry

    def put(self, sha256: str, entry: dict[str, Any]) -> None:
        payload = {"fingerprint": self.fingerprint, "checksum": _checksum(self.fingerprint, entry), "entry": entry}
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(payload, ensure_ascii=False, sort_keys=True))  # dumps: the C encoder
        os.replace(temporary, self.directory / f"{self.key(sha256)}.json")

    def prune(self) -> None:
        """Drop entries this run did not use (removed or changed inputs, other settings) and
        temporary files of runs that were killed."""
        if self._started_ns is None:
            raise RuntimeError("prune() without begin_run(): every entry would look unused")
        with os.scandir(self.directory) as listing:
            for entry in listing:
                if entry.name == self.MARK:
                    continue
                try:
                    stale = entry.name.startswith(".tmp-") or entry.stat().st_mtime_ns < self._started_ns
                    if stale:
                        os.unlink(entry.path)
                except FileNotFoundError:
                    pass


def _checksum(fingerprint: str, entry: dict[str, Any]) -> str:
    return hashlib.sha256(f"{fingerprint}|{json.dumps(entry, ensure_ascii=False, sort_keys=True)}".encode("utf-8", "surrogatepass")).hexdigest()
