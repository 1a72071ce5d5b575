"""What every output of a run is written through. The run hands each document's typed result
to `write_document` in input order, then calls `commit` once with the run's manifest, or
`abort` if the run stops early: a reader sees the whole run or the previous one, never half.
A new output (a database, Parquet files) is one class with these three methods."""

from __future__ import annotations

from typing import Any, Protocol

from ..core.results import DocumentResult


class ResultWriter(Protocol):
    def write_document(self, result: DocumentResult) -> None: ...

    def commit(self, manifest: dict[str, Any]) -> None:
        """Publish everything written; `manifest` describes the run (versions, settings, counts)."""

    def abort(self) -> None:
        """Discard everything written since the writer was opened; safe to call after commit."""
