"""Per-document results kept between runs, for incremental reruns.

An entry is keyed by everything that decides a document's result: its bytes, the pipeline
version, the pattern files and the settings. Entries are written as soon as a document is
done (temporary file, then rename), so a run that is killed keeps what it finished and the
next run starts from there. Entries the last complete run did not use are removed.
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
    def __init__(self, out_dir: Path, fingerprint: str, enabled: bool = True) -> None:
        self.directory = Path(out_dir) / CACHE_DIR
        self.fingerprint = fingerprint
        self.enabled = enabled
        self.used: set[str] = set()
        self.directory.mkdir(parents=True, exist_ok=True)

    def key(self, sha256: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}|{sha256}".encode()).hexdigest()

    def get(self, sha256: str) -> dict[str, Any] | None:
        key = self.key(sha256)
        self.used.add(key)
        if not self.enabled:
            return None
        try:
            with open(self.directory / f"{key}.json", encoding="utf-8") as handle:
                entry: dict[str, Any] = json.load(handle)
        except (OSError, ValueError):
            return None  # absent, or half-written by a run that was killed: analyse again
        return entry if entry.get("fingerprint") == self.fingerprint else None

    def put(self, sha256: str, entry: dict[str, Any]) -> None:
        key = self.key(sha256)
        self.used.add(key)
        payload = dict(entry, fingerprint=self.fingerprint)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(payload, ensure_ascii=False, sort_keys=True))  # dumps: the C encoder
        os.replace(temporary, self.directory / f"{key}.json")

    def prune(self) -> None:
        """Drop entries this run did not use (removed or changed inputs, other settings)."""
        for path in self.directory.glob("*"):
            if path.stem not in self.used or path.name.startswith(".tmp-"):
                path.unlink(missing_ok=True)
